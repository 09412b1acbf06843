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

  // A form sent back with errors: bring the summary into view for keyboard and screen-reader users.
  var problems = document.getElementById("problems");
  if (problems) {
    problems.focus();
  }
})();
