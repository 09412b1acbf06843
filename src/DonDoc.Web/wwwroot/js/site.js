// DonDoc: progressive enhancement only; every page works without script.
(function () {
  "use strict";

  // Unit tree: expand and collapse in place, loading one node's children at a time.
  function childParts(node) {
    return Array.prototype.filter.call(node.children, function (el) {
      return !el.classList.contains("tree-row");
    });
  }

  function setExpanded(link, expanded) {
    var label = link.getAttribute("aria-label") || "";
    link.setAttribute("aria-expanded", expanded ? "true" : "false");
    link.textContent = expanded ? "−" : "+";
    link.setAttribute("aria-label", expanded ? label.replace(/^Mở /, "Thu gọn ") : label.replace(/^Thu gọn /, "Mở "));
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.twisty") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var node = link.closest(".tree-node");
    if (!node) {
      return;
    }
    var parts = childParts(node);
    if (link.getAttribute("aria-expanded") === "true") {
      event.preventDefault();
      parts.forEach(function (el) { el.hidden = true; });
      setExpanded(link, false);
      return;
    }
    if (parts.length > 0) {
      event.preventDefault();
      parts.forEach(function (el) { el.hidden = false; });
      setExpanded(link, true);
      return;
    }
    var url = link.getAttribute("data-children");
    if (!url || !window.fetch) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") {
      return;
    }
    link.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        link.removeAttribute("aria-busy");
        node.insertAdjacentHTML("beforeend", html);
        setExpanded(link, true);
      })
      .catch(function () {
        // The server-rendered page shows the same children.
        window.location.assign(link.href);
      });
  });

  // Filters that apply as soon as they change.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches("[data-autosubmit]") && input.form) {
      if (input.form.requestSubmit) {
        input.form.requestSubmit();
      } else {
        input.form.submit();
      }
    }
  });

  // A create form is sent once: a second click while the first is on its way does nothing (the server also
  // recognises a resent form by its key, for when the page was reloaded or the script did not run).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.querySelector || !form.querySelector("input[name=IdempotencyKey]")) {
      return;
    }
    if (form.getAttribute("data-sent") === "true") {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sent", "true");
    // Sent again by hand after a while, the server answers it from its key.
    setTimeout(function () { form.removeAttribute("data-sent"); }, 10000);
  });

  // The browser words its own validation messages in its language ("Value must be less than or equal
  // to 100."); these say the same in Vietnamese. The server checks everything again.
  function validationMessage(field) {
    var v = field.validity;
    if (v.valueMissing) {
      if (field.type === "checkbox") { return "Hãy đánh dấu ô này."; }
      if (field.type === "radio" || field.tagName === "SELECT") { return "Hãy chọn một mục."; }
      if (field.type === "file") { return "Hãy chọn một tệp."; }
      return "Hãy điền vào ô này.";
    }
    if (v.patternMismatch && field.hasAttribute("data-day")) {
      return "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 06/12/2026.";
    }
    if (v.badInput) { return field.type === "number" ? "Hãy nhập một số." : "Giá trị không hợp lệ."; }
    if (v.rangeUnderflow) { return "Giá trị phải lớn hơn hoặc bằng " + field.min + "."; }
    if (v.rangeOverflow) { return "Giá trị phải nhỏ hơn hoặc bằng " + field.max + "."; }
    if (v.stepMismatch) { return field.step === "1" || !field.step ? "Hãy nhập một số nguyên." : "Giá trị phải là bội số của " + field.step + "."; }
    if (v.tooLong) { return "Tối đa " + field.maxLength + " ký tự (đang có " + field.value.length + ")."; }
    if (v.tooShort) { return "Cần ít nhất " + field.minLength + " ký tự (đang có " + field.value.length + ")."; }
    if (v.typeMismatch) { return field.type === "email" ? "Hãy nhập một địa chỉ email." : "Hãy nhập một địa chỉ web."; }
    if (v.patternMismatch) { return field.title ? "Không đúng định dạng: " + field.title : "Không đúng định dạng yêu cầu."; }
    return "";
  }

  document.addEventListener("invalid", function (event) {
    var field = event.target;
    if (!field.setCustomValidity || field.validity.customError) {
      return;
    }
    var message = validationMessage(field);
    if (message) {
      field.setCustomValidity(message);
    }
  }, true);

  function clearMessage(event) {
    var field = event.target;
    if (field && field.setCustomValidity && field.validity && field.validity.customError) {
      field.setCustomValidity("");
      // Radio buttons of one group share the message.
      if (field.type === "radio" && field.form && field.name) {
        Array.prototype.forEach.call(field.form.elements, function (el) {
          if (el.type === "radio" && el.name === field.name) { el.setCustomValidity(""); }
        });
      }
    }
  }
  document.addEventListener("input", clearMessage, true);
  document.addEventListener("change", clearMessage, true);

  // Phone width: the menu folds behind one button (the stylesheet decides when it is folded).
  var menuToggle = document.getElementById("menu-toggle");
  var menu = document.getElementById("site-menu");
  if (menuToggle && menu) {
    document.documentElement.classList.add("js-menu");
    menuToggle.addEventListener("click", function () {
      var open = menuToggle.getAttribute("aria-expanded") !== "true";
      menuToggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menuToggle.getAttribute("aria-expanded") === "true") {
        menuToggle.setAttribute("aria-expanded", "false");
        menu.classList.remove("is-open");
        menuToggle.focus();
      }
    });
  }

  // A field that matters only when a number falls below a mark (the reason for a lower progress, the
  // confirmation of a result below 100%) appears as soon as that number is typed.
  function showBelow(input) {
    document.querySelectorAll("[data-below-input='" + input.id + "']").forEach(function (el) {
      var value = parseInt(input.value, 10);
      el.hidden = !(value < parseInt(el.getAttribute("data-below"), 10));
    });
  }
  document.addEventListener("input", function (event) {
    if (event.target && event.target.id && document.querySelector("[data-below-input='" + event.target.id + "']")) {
      showBelow(event.target);
    }
  });

  // A list of boxes that says how many are ticked ("136 đơn vị sẽ nhận"), kept true as boxes change.
  document.addEventListener("change", function (event) {
    var form = event.target && event.target.form;
    var target = form && form.getAttribute("data-count-checked");
    if (target && event.target.type === "checkbox") {
      var count = form.querySelectorAll("input[type=checkbox]:checked").length;
      document.getElementById(target).textContent = new Intl.NumberFormat("vi-VN").format(count);
    }
  });

  // The unit picker: typing narrows the list (with or without accents); ticked units always stay in view.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase().trim();
  }
  document.querySelectorAll("[data-unit-picker]").forEach(function (picker) {
    var search = picker.querySelector(".unit-picker-search");
    var count = picker.querySelector("[data-picked-count]");
    search.hidden = false;
    function refresh() {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var ticked = 0;
      picker.querySelectorAll("li[data-name]").forEach(function (item) {
        var box = item.querySelector("input");
        if (box.checked) { ticked++; }
        var name = item.getAttribute("data-name");
        item.hidden = !box.checked && !words.every(function (w) { return name.indexOf(w) >= 0; });
      });
      count.textContent = new Intl.NumberFormat("vi-VN").format(ticked);
    }
    search.addEventListener("input", refresh);
    picker.addEventListener("change", refresh);
    // Enter in the search box narrows the list; it must not send the form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
  });

  // The print view of a list: its button opens the browser's print dialog.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      window.print();
    }
  });

  // A form sent back with errors: bring the summary into view for keyboard and screen-reader users.
  var problems = document.getElementById("problems");
  if (problems) {
    problems.focus();
  }
})();
