using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Web.Features.Reports;

/// <summary>The lines of a .docx as a reader sees them: each paragraph, and each table row with its cells joined by " | ".</summary>
public static class DocxText
{
    public static List<string> Lines(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        var lines = new List<string>();
        foreach (var element in doc.MainDocumentPart!.Document!.Body!.Elements())
            Add(element, lines);
        return lines;
    }

    private static void Add(DocumentFormat.OpenXml.OpenXmlElement element, List<string> lines)
    {
        switch (element)
        {
            case Paragraph p when p.InnerText.Length > 0:
                lines.Add(p.InnerText);
                break;
            case Table t:
                foreach (var row in t.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>().ToList();
                    // The letterhead and signature are tables of two columns without borders: read their lines one by one.
                    if (cells.Any(c => c.Elements<Paragraph>().Count() > 1))
                        foreach (var p in cells.SelectMany(c => c.Elements<Paragraph>()))
                            Add(p, lines);
                    else
                        lines.Add(string.Join(" | ", cells.Select(c => c.InnerText)));
                }
                break;
        }
    }
}

/// <summary>The lines only one of two texts has, in order: a longest common subsequence, enough for a report's few hundred lines.</summary>
public static class TextDiff
{
    public static (List<string> Removed, List<string> Added) Lines(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var n = before.Count;
        var m = after.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        List<string> removed = [], added = [];
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (before[a] == after[b])
                (a, b) = (a + 1, b + 1);
            else if (common[a + 1, b] >= common[a, b + 1])
                removed.Add(before[a++]);
            else
                added.Add(after[b++]);
        }
        removed.AddRange(before.Skip(a));
        added.AddRange(after.Skip(b));
        return (removed, added);
    }
}
