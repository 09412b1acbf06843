using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DonDoc.Text;

/// <summary>The readable text of a web page: the article (or main, or body) without scripts and navigation, a line per block.</summary>
internal static partial class HtmlText
{
    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    private static readonly HashSet<string> Blocks = new(
        ["P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TABLE", "SECTION", "ARTICLE", "MAIN",
         "BLOCKQUOTE", "FIGCAPTION", "FIGURE", "PRE", "DD", "DT", "DL", "HEADER", "ADDRESS"],
        StringComparer.OrdinalIgnoreCase);

    public static string Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, nav, aside, form, iframe, svg, button").ToList())
            element.Remove();
        // A site's header and footer sit outside the article; the article's own header holds its headline.
        foreach (var element in document.QuerySelectorAll("header, footer").Where(e => e.Closest("article") is null).ToList())
            element.Remove();

        var paragraphs = document.QuerySelectorAll("p").Length;
        foreach (var element in document.QuerySelectorAll("[class], [id]").Where(e => IsBoilerplate(e, paragraphs)).ToList())
            element.Remove();
        // Lists of links are menus and "related news", even where no class says so.
        // Inside the article such a list may cite documents, and stays.
        foreach (var list in document.QuerySelectorAll("ul, ol").Where(l => l.Closest("article, main") is null && OnlyLinks(l)).ToList())
            list.Remove();

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var text = new StringBuilder();
        // The headline first, wherever the template puts it in the page: it titles the event, not the bar of links
        // above it. An article without its own h1 keeps its own first heading; an h1 outside it is the site's logo.
        var headline = root.QuerySelector("h1") ?? (root == document.Body ? document.QuerySelector("h1") : null);
        if (headline is not null && headline.TextContent.Trim() is { Length: > 0 } title)
        {
            text.Append(title.ReplaceLineEndings(" ")).Append('\n');
            headline.Remove();
        }
        Append(root, text);
        return BlankLines().Replace(VnText.Normalize(text.ToString()), "\n\n");
    }

    // Words site templates name their menus, sidebars and footers with; an element named so is dropped with what it holds.
    private static readonly HashSet<string> BoilerplateNames = new(
        ["menu", "nav", "navbar", "navigation", "sidebar", "side", "aside", "footer", "related", "relate", "comment", "comments",
         "banner", "widget", "social", "share", "sharing", "breadcrumb", "breadcrumbs", "tag", "tags", "advert", "advertisement",
         "ads", "copyright", "subscribe", "newsletter", "popular", "trending", "toolbar", "pagination"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly char[] NameSeparators = [' ', '-', '_', '\t'];

    // A wrapper named "page-with-sidebar" may hold the article itself: what holds the headline or most paragraphs stays.
    private static bool IsBoilerplate(IElement element, int paragraphs)
    {
        if (element.LocalName is "html" or "body" or "article" or "main")
            return false;
        var names = $"{element.ClassName} {element.Id}".Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (!names.Any(BoilerplateNames.Contains))
            return false;
        return element.QuerySelector("h1, article, main") is null && element.QuerySelectorAll("p").Length * 2 <= paragraphs;
    }

    private static bool OnlyLinks(IElement list)
    {
        var items = list.Children.Where(c => c.LocalName == "li").ToList();
        return items.Count > 0 && items.All(li =>
            li.TextContent.Trim().Length == li.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length) && li.TextContent.Trim().Length > 0);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.ReplaceLineEndings(" "));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Append(cell, text);
                    text.Append('\t');
                    break;
                case IElement { LocalName: "li" } item:
                    // The bullet or number a browser draws, so that the items still read as a list.
                    text.Append('\n').Append(item.ParentElement?.LocalName == "ol" ? $"{Position(item)}. " : "- ");
                    Append(item, text);
                    text.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append('\n');
                    Append(element, text);
                    text.Append('\n');
                    break;
                case IElement element:
                    Append(element, text);
                    break;
            }
        }
    }

    private static int Position(IElement item)
    {
        var start = int.TryParse(item.ParentElement?.GetAttribute("start"), out var first) ? first : 1;
        return start + item.ParentElement!.Children.Where(c => c.LocalName == "li").TakeWhile(c => c != item).Count();
    }
}
