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

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var text = new StringBuilder();
        Append(root, text);
        return BlankLines().Replace(VnText.Normalize(text.ToString()), "\n\n");
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
}
