using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace DonDoc.Web.Features.Reports;

/// <summary>Who issues a document and how it is numbered: "THÀNH ỦY HÀ NỘI" over "VĂN PHÒNG", "Số 05-BC/VPTU".</summary>
public sealed record Letterhead(string Superior, string Body, string Symbol, string PlaceAndDate, string? Subject, IReadOnlyList<string> Signer,
    IReadOnlyList<string> Recipients);

/// <summary>
/// A Word document in the layout of a Party document (36-HD/VPTW, 399-QĐ/TW): the issuer top left with "*" and its
/// number, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date top right, the body, then "Nơi nhận" and the signature.
/// A4, margins 20/20/30/15 mm, Times New Roman 14. Written here: no library the feed serves lays out Party documents.
/// The package is written with fixed relationship ids and entry times, so the same contents give the same bytes,
/// which is how a report made again is compared with the one kept.
/// </summary>
public sealed class PartyDocx
{
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int TableSize = 24;
    // Text width of A4 less 30 + 15 mm margins, in twentieths of a point.
    private const int TextWidth = 11906 - 1701 - 850;
    private const long EmuPerTwip = 635;

    private readonly List<OpenXmlElement> _body = [];
    private readonly List<byte[]> _images = [];
    private int _section;

    public void Title(string title, params string[] subject)
    {
        _body.Add(Para(JustificationValues.Center, before: 240, after: 0, Run(title, bold: true)));
        foreach (var line in subject)
            _body.Add(Para(JustificationValues.Center, before: 0, after: 0, Run(line, bold: true)));
        _body.Add(Para(JustificationValues.Center, before: 0, after: 240, Run("-----")));
    }

    /// <summary>"Kính gửi:" centred under the letterhead, one addressee on its line, several as a list.</summary>
    public void Addressees(IReadOnlyList<string> to)
    {
        if (to.Count == 1)
        {
            _body.Add(Para(JustificationValues.Center, 360, 240, Run("Kính gửi: ", italic: true), Run(to[0], bold: true)));
            return;
        }
        _body.Add(Para(JustificationValues.Center, 360, 0, Run("Kính gửi:", italic: true)));
        foreach (var name in to)
            _body.Add(Para(JustificationValues.Left, 0, 0, [Run($"- {name},", bold: true)], firstLine: 2835));
        _body.Add(Para(JustificationValues.Left, 0, 240));
    }

    public void Heading(string text) =>
        _body.Add(Para(JustificationValues.Both, before: 120, after: 60, Run($"{++_section}. {text}", bold: true)));

    public void Text(string text, bool bold = false, bool italic = false) =>
        _body.Add(Para(JustificationValues.Both, before: 0, after: 60, Run(text, bold, italic), firstLine: 567));

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths, int numericFrom)
    {
        var total = widths.Sum();
        var twips = widths.Select(w => TextWidth * w / total).ToList();
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa }, borders,
            new TableLayout { Type = TableLayoutValues.Fixed }), new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString() })));
        TableRow Row(IReadOnlyList<string> cells, bool header) => new(
            new[] { (OpenXmlElement)new TableRowProperties(header ? new TableHeader() : new CantSplit()) }.Concat(cells.Select((c, i) =>
                (OpenXmlElement)new TableCell(new TableCellProperties(new TableCellWidth { Width = twips[i].ToString(), Type = TableWidthUnitValues.Dxa }),
                    Para(header ? JustificationValues.Center : i >= numericFrom ? JustificationValues.Right : JustificationValues.Left, 0, 0,
                        Run(c, bold: header, size: TableSize))))));
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
            table.Append(Row(row, header: false));
        _body.Add(table);
        _body.Add(Para(JustificationValues.Left, 0, 60));
    }

    /// <summary>A PNG image across the text width, keeping its proportions.</summary>
    public void Image(byte[] png, int widthPx, int heightPx, string description)
    {
        _images.Add(png);
        var index = _images.Count;
        long cx = TextWidth * EmuPerTwip * 9 / 10, cy = cx * heightPx / widthPx;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = (uint)index, Name = $"Biểu đồ {index}", Description = description },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = ImageId(index) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(new DW.Extent { Cx = cx, Cy = cy }, new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)index, Name = $"Biểu đồ {index}", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        _body.Add(Para(JustificationValues.Center, 60, 120, new Run(new Drawing(inline))));
    }

    public byte[] ToBytes(Letterhead head, DateOnly issuedOn)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
            for (var i = 0; i < _images.Count; i++)
            {
                var part = main.AddNewPart<ImagePart>("image/png", ImageId(i + 1));
                using var png = new MemoryStream(_images[i]);
                part.FeedData(png);
            }
            var body = new Body();
            body.Append(Header(head));
            body.Append(_body.Select(e => e.CloneNode(true)));
            body.Append(Footer(head));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return Normalised(stream.ToArray(), issuedOn);
    }

    private static string ImageId(int index) => $"rIdImage{index}";

    // The package writer stamps each zip entry with the current time; the document's own day stands in for it.
    private static byte[] Normalised(byte[] package, DateOnly issuedOn)
    {
        var stamp = new DateTimeOffset(issuedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? "" : e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        return output.ToArray();
    }

    private static Table Header(Letterhead head)
    {
        var left = new List<OpenXmlElement>
        {
            Para(JustificationValues.Center, 0, 0, Run(head.Superior, size: 28)),
            Para(JustificationValues.Center, 0, 0, Run(head.Body, bold: true, size: 28)),
            Para(JustificationValues.Center, 0, 0, Run("*")),
            Para(JustificationValues.Center, 0, 0, Run("Số " + head.Symbol)),
        };
        if (head.Subject is { } subject)
            left.Add(Para(JustificationValues.Center, 0, 0, Run(subject, italic: true, size: 24)));
        var right = new List<OpenXmlElement>
        {
            Para(JustificationValues.Center, 0, 0, Run("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: 30)),
            Para(JustificationValues.Center, 0, 0),
            Para(JustificationValues.Center, 0, 0, Run(head.PlaceAndDate, italic: true)),
        };
        return TwoColumns(left, right, 45);
    }

    private static Table Footer(Letterhead head)
    {
        var left = new List<OpenXmlElement> { Para(JustificationValues.Left, 240, 0, Run("Nơi nhận:", bold: true, underline: true, size: 24)) };
        left.AddRange(head.Recipients.Select(r => Para(JustificationValues.Left, 0, 0, Run(r, size: 22))));
        var right = head.Signer.Select((s, i) => (OpenXmlElement)Para(JustificationValues.Center, i == 0 ? 240 : 0, 0, Run(s, bold: true))).ToList();
        right.AddRange(Enumerable.Range(0, 4).Select(_ => Para(JustificationValues.Center, 0, 0)));
        return TwoColumns(left, right, 50);
    }

    private static Table TwoColumns(IEnumerable<OpenXmlElement> left, IEnumerable<OpenXmlElement> right, int leftPercent)
    {
        var leftWidth = TextWidth * leftPercent / 100;
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        TableCell Cell(IEnumerable<OpenXmlElement> content, int width) =>
            new(new[] { (OpenXmlElement)new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }) }.Concat(content));
        return new Table(
            new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString() }, new GridColumn { Width = (TextWidth - leftWidth).ToString() }),
            new TableRow(Cell(left, leftWidth), Cell(right, TextWidth - leftWidth)));
    }

    private static Paragraph Para(JustificationValues align, int before, int after, params OpenXmlElement[] runs) => Para(align, before, after, runs, 0);

    private static Paragraph Para(JustificationValues align, int before, int after, OpenXmlElement run, int firstLine) =>
        Para(align, before, after, [run], firstLine);

    private static Paragraph Para(JustificationValues align, int before, int after, OpenXmlElement[] runs, int firstLine)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = firstLine.ToString() },
            new Justification { Val = align });
        return new Paragraph([properties, .. runs]);
    }

    private static Run Run(string text, bool bold = false, bool italic = false, bool underline = false, int size = BodySize)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        if (underline)
            properties.Append(new Underline { Val = UnderlineValues.Single });
        properties.Append(new FontSize { Val = size.ToString() });
        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Styles Styles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = BodySize.ToString() }, new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))));
}
