using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using DonDoc.Text;

namespace DonDoc.Text.Tests;

public sealed class TextSourceTests : IDisposable
{
    private const string Sample = "Ngày 8/1, Thành ủy Hà Nội tổ chức hội nghị; đồng chí Đinh Tiến Dũng phát biểu.";

    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-text-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Error(string path) => Assert.Throws<TextSourceException>(() => TextSource.Read(path)).Message;

    [Fact]
    public void Reads_utf8_without_bom() => Assert.Equal(Sample, TextSource.Read(Write("a.txt", Encoding.UTF8.GetBytes(Sample))));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Reads_text_with_a_byte_order_mark(string encoding)
    {
        var e = Encoding.GetEncoding(encoding);
        var path = Write("a.txt", [.. e.GetPreamble(), .. e.GetBytes(Sample)]);
        Assert.Equal(Sample, TextSource.Read(path));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Recognises_utf16_without_a_byte_order_mark(string encoding) =>
        Assert.Equal(Sample, TextSource.Read(Write("a.txt", Encoding.GetEncoding(encoding).GetBytes(Sample))));

    [Fact]
    public void Converts_windows_1258()
    {
        // "Đảng ủy đã họp" in Windows-1258: Đ = 0xD0, đ = 0xF0, tone marks as combining 0xD2 (hook), 0xDE (tilde), 0xF2 (dot).
        byte[] bytes = [0xD0, (byte)'a', 0xD2, (byte)'n', (byte)'g', (byte)' ', (byte)'u', 0xD2, (byte)'y', (byte)' ', 0xF0, (byte)'a', 0xDE, (byte)' ', (byte)'h', (byte)'o', 0xF2, (byte)'p'];
        Assert.Equal("Đảng ủy đã họp", TextSource.Read(Write("a.txt", bytes)));
    }

    [Fact]
    public void Reports_tcvn3()
    {
        // "Đảng ủy đã" in TCVN3: Đ = 0xA7, đ = 0xAE, with tone letters above 0xB5.
        byte[] bytes = [0xA7, 0xB6, (byte)'n', (byte)'g', (byte)' ', 0xF7, (byte)'y', (byte)' ', 0xAE, 0xB5];
        Assert.Contains("TCVN3", Error(Write("a.txt", bytes)));
    }

    [Fact]
    public void Reports_vni()
    {
        // "Đảng đã" in VNI: Đ = 0xD1, đ = 0xF1, "aû" = ả.
        byte[] bytes = [0xD1, (byte)'a', 0xFB, (byte)'n', (byte)'g', (byte)' ', 0xF1, (byte)'a', 0xF5];
        Assert.Contains("VNI", Error(Write("a.txt", bytes)));
    }

    [Fact]
    public void Rejects_empty_files() => Assert.Equal("Tệp “a.txt” trống.", Error(Write("a.txt", [])));

    [Fact]
    public void Rejects_binary_files() => Assert.Contains("nhị phân", Error(Write("a.txt", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00])));

    [Fact]
    public void Rejects_pdf() => Assert.Contains("PDF", Error(Write("a.txt", "%PDF-1.7\n"u8.ToArray())));

    [Fact]
    public void Rejects_files_over_20_mb()
    {
        var path = Path.Combine(_dir, "big.txt");
        using (var stream = File.Create(path))
            stream.SetLength(TextSource.MaxBytes + 1);
        Assert.Equal("Tệp “big.txt” quá lớn (20,0 MB); chỉ nhận tệp đến 20 MB.", Error(path));
    }

    [Fact]
    public void Rejects_missing_files_and_other_formats()
    {
        Assert.StartsWith("Không tìm thấy tệp", Error(Path.Combine(_dir, "none.txt")));
        Assert.Contains(".docx", Error(Write("a.doc", [1, 2, 3])));
        Assert.Contains("“a.pdf” (dạng “.pdf”)", Error(Write("a.pdf", [1, 2, 3])));
        Assert.Contains("không phải tệp Word", Error(Write("a.docx", Encoding.UTF8.GetBytes("not a zip"))));
    }

    [Fact]
    public void Html_keeps_the_article_text_with_paragraph_breaks()
    {
        const string html = """
            <html><head><title>Trang</title><style>p{color:red}</style><script>var x = "Bí thư";</script></head>
            <body><header><nav><a href="/">Trang chủ</a></nav></header>
            <article><header><h1>Hội nghị tổng kết</h1></header>
            <p>Ngày 8/1, Thành ủy&nbsp;Hà Nội tổ chức <b>hội nghị</b>.</p><p>Một là, đoàn kết.<br>Hai là, đổi mới.</p></article>
            <aside>Tin liên quan</aside><footer>Bản quyền</footer></body></html>
            """;
        var text = TextSource.Read(Write("a.html", Encoding.UTF8.GetBytes(html)));
        Assert.Equal("Hội nghị tổng kết\n\nNgày 8/1, Thành ủy Hà Nội tổ chức hội nghị.\n\nMột là, đoàn kết.\nHai là, đổi mới.", text);
    }

    [Fact]
    public void Html_without_an_article_uses_the_body()
    {
        var text = TextSource.Read(Write("a.htm", Encoding.UTF8.GetBytes("<body><nav>Menu</nav><div>Sáng 13/1, hội nghị khai mạc.</div></body>")));
        Assert.Equal("Sáng 13/1, hội nghị khai mạc.", text);
    }

    [Fact]
    public void Html_leaves_out_menus_sidebars_and_footers_and_keeps_list_bullets()
    {
        const string html = """
            <!DOCTYPE html><html><body>
            <div class="top-bar"><a href="/">Trang chủ</a> | Thứ Bảy, 05/12/2026</div>
            <div class="menu"><p>Thời sự</p></div>
            <div class="main-col"><h1>Hội nghị tổng kết</h1>
            <p>Đồng chí Bí thư đề nghị 2 nhiệm vụ, đó là:</p><ul><li>đoàn kết;</li><li>đổi mới.</li></ul><ol start="3"><li>ba</li><li>bốn</li></ol></div>
            <div class="side-col"><p>Chủ tịch UBND thành phố Nguyễn Văn Tùng tiếp công dân</p></div>
            <ul><li><a href="/a">Tin mới: Bí thư Thành ủy thăm gia đình chính sách</a></li></ul>
            <div id="footer">Tổng Biên tập: Nguyễn Văn Bình</div>
            </body></html>
            """;
        var expected = "Hội nghị tổng kết\n\nTrang chủ | Thứ Bảy, 05/12/2026\n\nĐồng chí Bí thư đề nghị 2 nhiệm vụ, đó là:\n\n- đoàn kết;\n\n- đổi mới.\n\n3. ba\n\n4. bốn";
        Assert.Equal(expected, TextSource.Read(Write("a.html", Encoding.UTF8.GetBytes(html))));
        // Saved from a browser under another name, the page is still read as a page.
        Assert.Equal(expected, TextSource.Read(Write("a.txt", Encoding.UTF8.GetBytes(html))));
    }

    [Fact]
    public void An_article_keeps_its_own_heading_and_its_lists_of_links()
    {
        const string html = """
            <html><body><div class="top"><h1 class="logo"><a href="/">Báo Lâm Đồng</a></h1></div>
            <article><h2>Hội nghị Ban Chấp hành Đảng bộ tỉnh</h2><p>Hội nghị quán triệt các văn bản sau:</p>
            <ul><li><a href="/a">Nghị quyết số 57-NQ/TW</a></li><li><a href="/b">Nghị quyết số 66-NQ/TW</a></li></ul></article></body></html>
            """;
        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ tỉnh\n\nHội nghị quán triệt các văn bản sau:\n\n- Nghị quyết số 57-NQ/TW\n\n- Nghị quyết số 66-NQ/TW",
            TextSource.Read(Write("b.html", Encoding.UTF8.GetBytes(html))));
    }

    [Fact]
    public void Docx_gives_one_line_per_paragraph()
    {
        var path = Path.Combine(_dir, "a.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new WordText("Ngày 8/1, Thành ủy")), new Run(new WordText(" tổ chức hội nghị.") { Space = SpaceProcessingModeValues.Preserve })),
                new Paragraph(new Run(new WordText("Một là, đoàn kết.")))));
        }
        Assert.Equal("Ngày 8/1, Thành ủy tổ chức hội nghị.\nMột là, đoàn kết.", TextSource.Read(path));
    }

    [Fact]
    public void A_docx_that_unpacks_far_past_its_size_is_refused()
    {
        // A few kilobytes on disk whose text unpacks to 8 MB: the reader stops at the limit, not at the memory's end.
        var path = Path.Combine(_dir, "bom.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new WordText(new string('a', 8 * 1024 * 1024))))));
        }
        Assert.True(new FileInfo(path).Length < 64 * 1024);
        using var stream = File.OpenRead(path);
        var error = Assert.Throws<TextSourceException>(() => TextSource.Read(stream, "bom.docx", maxBytes: 1024 * 1024)).Message;
        Assert.Contains("giải nén", error);
        Assert.Contains("bom.docx", error);
    }

    [Fact]
    public void Binary_files_with_nul_bytes_are_refused_whatever_else_they_hold() =>
        Assert.Contains("nhị phân", Error(Write("a.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00])));

    [Fact]
    public void An_upload_is_read_from_its_stream_with_its_own_limit()
    {
        using var small = new MemoryStream(Encoding.UTF8.GetBytes(Sample));
        Assert.Equal(Sample, TextSource.Read(small, "tin.txt", maxBytes: 1024));
        using var big = new MemoryStream(new byte[2048]);
        var error = Assert.Throws<TextSourceException>(() => TextSource.Read(big, "lớn.txt", maxBytes: 1024)).Message;
        Assert.Equal("Tệp “lớn.txt” quá lớn (2 KB); chỉ nhận tệp đến 1 KB.", error);
    }

    [Fact]
    public void An_upload_that_hides_its_length_is_still_cut_at_the_limit()
    {
        using var stream = new UnseekableStream(new byte[5000]);
        Assert.Contains("quá lớn", Assert.Throws<TextSourceException>(() => TextSource.Read(stream, "a.txt", maxBytes: 1024)).Message);
    }

    [Fact]
    public void A_docx_typed_in_a_legacy_font_is_refused()
    {
        var path = Path.Combine(_dir, "vntime.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new WordText("§¶ng bé Thµnh phè Hµ Néi tæ chøc héi nghÞ tæng kÕt c«ng t¸c x©y dùng §¶ng.")))));
        }
        Assert.Contains("TCVN3", Error(path));
    }

    [Theory]
    [InlineData("", "trống")]
    [InlineData("  \n ", "trống")]
    [InlineData("§¶ng bé Thµnh phè Hµ Néi tæ chøc héi nghÞ tæng kÕt c«ng t¸c x©y dùng §¶ng", "TCVN3")]
    [InlineData("Ñaûng boä thaønh phoá Haø Noäi toå chöùc hoäi nghò toång keát coâng taùc xaây döïng Ñaûng", "VNI")]
    [InlineData("Hội nghị\u0001\u0002\u0003", "điều khiển")]
    public void Pasted_text_is_refused_like_a_file(string pasted, string fragment) =>
        Assert.Contains(fragment, Assert.Throws<TextSourceException>(() => TextSource.FromPasted(System.Text.RegularExpressions.Regex.Unescape(pasted))).Message);

    [Fact]
    public void Pasted_text_over_the_limit_is_refused() =>
        Assert.Contains("quá dài", Assert.Throws<TextSourceException>(() => TextSource.FromPasted(new string('a', 2000), maxBytes: 1024)).Message);

    [Fact]
    public void Real_vietnamese_and_french_quotes_are_not_taken_for_a_legacy_font() =>
        Assert.Equal(Sample + " «Kỷ cương» § 3 ±5°", TextSource.FromPasted(Sample + " «Kỷ cương» § 3 ±5°"));

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
