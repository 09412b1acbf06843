namespace DonDoc.Text;

/// <summary>Reads a conference report or news article into <see cref="Extraction"/> records (docs/extraction.md).</summary>
public static class ReportExtractor
{
    /// <param name="published">Fixes the year of an event date written without one ("Ngày 8/1").</param>
    public static Extraction Extract(string text, DateOnly? published = null)
    {
        var normalized = VnText.Normalize(text);
        var header = DocumentHeader.Read(normalized);
        var mentions = WithoutOwnNumber(DocumentFinder.Find(normalized), header);
        // Mentions come in text order without overlaps, so the one that may hold an index is found by its start.
        var starts = mentions.Select(m => m.Start).ToArray();
        bool IsTaken(int index)
        {
            var at = Array.BinarySearch(starts, index);
            var mention = at >= 0 ? at : ~at - 1;
            return mention >= 0 && index < mentions[mention].End;
        }

        var (found, reference) = EventFinder.Find(normalized, header, published, IsTaken);
        var documents = mentions.Select(m => m.Written is { Year: null } written && reference is { } signed
            ? m.Document with { Date = VnDates.OnOrBefore(written, signed) }
            : m.Document);
        return new Extraction(
            found,
            DocumentFinder.Merge(documents),
            PersonFinder.Find(normalized, signed: header is not null),
            FigureFinder.Find(normalized, IsTaken),
            ListFinder.Find(normalized));
    }

    // "Số 12-BC/VPTU" at the head of a report numbers the report itself; mentions of that symbol elsewhere are the report too.
    private static List<DocumentFinder.Found> WithoutOwnNumber(IReadOnlyList<DocumentFinder.Found> mentions, DocumentHeader? header)
    {
        var own = header is { NumberAt: >= 0 } h ? mentions.FirstOrDefault(m => m.Start == h.NumberAt) : default;
        return own.Document is { Symbol: { } symbol }
            ? mentions.Where(m => m.Document.Symbol != symbol).ToList()
            : own.Document is not null ? mentions.Where(m => m.Start != own.Start).ToList() : mentions.ToList();
    }
}
