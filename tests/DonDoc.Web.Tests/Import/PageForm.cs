using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DonDoc.Web.Tests.Import;

/// <summary>
/// A page's HTML form as a browser would send it: every field's current value (ticked boxes only, the
/// selected option, the antiforgery token), which a test changes before posting like a user would.
/// </summary>
public sealed class PageForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private PageForm(IHtmlDocument document, List<KeyValuePair<string, string>> fields, string action)
    {
        Document = document;
        _fields = fields;
        Action = action;
    }

    public IHtmlDocument Document { get; }
    public string Action { get; }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        var document = new HtmlParser().ParseDocument(html);
        // A form without an action posts back to the address the page came from.
        document.DocumentElement.SetAttribute(LoadedFrom, response.RequestMessage?.RequestUri?.PathAndQuery ?? "/");
        return document;
    }

    private const string LoadedFrom = "data-test-loaded-from";

    public static PageForm Of(IHtmlDocument document, string formId)
    {
        var form = document.GetElementById(formId) as IHtmlFormElement ?? throw new InvalidOperationException($"No form #{formId} on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked && box.Name is { Length: > 0 }:
                    fields.Add(new(box.Name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" or "button" }:
                    break;
                case IHtmlInputElement input when input.Name is { Length: > 0 }:
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 }:
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 }:
                    fields.Add(new(select.Name, select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
            }
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : document.DocumentElement.GetAttribute(LoadedFrom) ?? "/";
        return new PageForm(document, fields, action);
    }

    public string? this[string name]
    {
        get => _fields.FirstOrDefault(f => f.Key == name).Value;
        set
        {
            _fields.RemoveAll(f => f.Key == name);
            if (value is not null)
                _fields.Add(new(name, value));
        }
    }

    /// <summary>One more value under a name, as a second ticked box of a group sends it.</summary>
    public void Add(string name, string value) => _fields.Add(new(name, value));

    public bool IsTicked(string name) => _fields.Any(f => f.Key == name && f.Value == "true");

    /// <summary>Ticks a box: the browser sends its "true" before the hidden "false" the page adds at the form's end.</summary>
    public void Tick(string name)
    {
        if (IsTicked(name))
            return;
        var hidden = _fields.FindIndex(f => f.Key == name);
        _fields.Insert(hidden < 0 ? _fields.Count : hidden, new(name, "true"));
    }

    /// <summary>Unticks a box: the browser then sends only the hidden "false" the page adds for it.</summary>
    public void Untick(string name) => _fields.RemoveAll(f => f.Key == name && f.Value == "true");

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string? handler = null)
    {
        var action = handler is null ? Action : $"{Action.Split('?')[0]}?handler={handler}";
        return client.PostAsync(action, new FormUrlEncodedContent(_fields));
    }

    /// <summary>The messages of the page's problem summary.</summary>
    public static IReadOnlyList<string> Problems(IHtmlDocument document) =>
        document.QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();
}
