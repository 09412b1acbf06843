using System.Text;

namespace DonDoc.Text;

/// <summary>
/// Bytes to text: a BOM decides; without one, UTF-16 is recognised by its zero bytes, then strict UTF-8 is
/// tried. Older Vietnamese files are told apart by where they put "đ", the commonest letter with a mark:
/// Windows-1258 (0xF0) is converted; TCVN3/ABC (0xAE) and VNI (0xF1) are reported, since their font tables
/// cannot be converted reliably here.
/// </summary>
internal static class TextDecoder
{
    private const int Sample = 8192;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string name)
    {
        if (bytes.AsSpan().StartsWith("%PDF"u8))
            throw new TextSourceException($"Tệp “{name}” là tệp PDF; hãy chép nội dung ra tệp .txt hoặc .docx rồi nhập lại.");
        var text = Bom(bytes) is var (bomEncoding, bomLength) ? Strict(bomEncoding, bytes.AsSpan(bomLength), name)
            : Utf16WithoutBom(bytes) is { } utf16 ? Strict(utf16, bytes, name)
            : Utf8OrLegacy(bytes, name);
        if (LooksBinary(text))
            throw new TextSourceException($"Tệp “{name}” không phải tệp văn bản (có vẻ là tệp nhị phân).");
        return text;
    }

    private static string Utf8OrLegacy(byte[] bytes, string name)
    {
        // Neither UTF-16 nor a legacy single-byte encoding has NUL bytes in text; images and programs do.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, Sample)).Contains((byte)0))
            throw new TextSourceException($"Tệp “{name}” không phải tệp văn bản (có vẻ là tệp nhị phân).");
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Legacy(bytes, name);
        }
    }

    private static (Encoding Encoding, int Length)? Bom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false, true), 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, false, true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false, true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false, true), 2),
        _ => null,
    };

    // Mostly-Latin UTF-16 has a zero in nearly every other byte.
    private static Encoding? Utf16WithoutBom(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, Sample) & ~1;
        if (n < 4)
            return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        var pairs = n / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05)
            return new UnicodeEncoding(false, false, true);
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05)
            return new UnicodeEncoding(true, false, true);
        return null;
    }

    // Text has no NUL and hardly any other control character.
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, Sample));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
                return true;
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                controls++;
        }
        return controls > sample.Length / 100;
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new TextSourceException($"Tệp “{name}” có byte không hợp lệ với mã {encoding.WebName} đã khai báo.", e);
        }
    }

    private static string Legacy(byte[] bytes, string name)
    {
        int tcvn3 = 0, vni = 0, windows1258 = 0;
        foreach (var b in bytes)
        {
            tcvn3 += b is 0xAE or 0xA7 ? 1 : 0;
            vni += b is 0xF1 or 0xD1 ? 1 : 0;
            windows1258 += b is 0xF0 or 0xD0 ? 1 : 0;
        }
        if (windows1258 > 0 && windows1258 >= tcvn3 && windows1258 >= vni)
            return Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC);
        if (tcvn3 > 0 && tcvn3 >= vni)
            throw new TextSourceException(LegacyMessage($"Tệp “{name}”", LegacyEncoding.Tcvn3));
        if (vni > 0)
            throw new TextSourceException(LegacyMessage($"Tệp “{name}”", LegacyEncoding.Vni));
        throw new TextSourceException(
            $"Tệp “{name}” không ở mã Unicode (UTF-8 hoặc UTF-16) và không nhận ra bảng mã. Hãy lưu lại dưới dạng UTF-8 rồi nhập lại.");
    }

    public enum LegacyEncoding { Tcvn3, Vni }

    public static string LegacyMessage(string what, LegacyEncoding encoding) => encoding == LegacyEncoding.Tcvn3
        ? $"{what} dùng bảng mã TCVN3 (ABC) cũ, không phải Unicode. Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ TCVN3 sang Unicode) rồi nhập lại."
        : $"{what} dùng bảng mã VNI cũ, không phải Unicode. Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ VNI Windows sang Unicode) rồi nhập lại.";

    // Vietnamese letters Latin-1 also has: in real Vietnamese text they and the letters beyond Latin-1 are all there is.
    private const string VietnameseLatin1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝÐð";

    // Letters VNI writes as a second character after the vowel, and which Vietnamese never uses.
    private const string VniMarks = "øûïöÿäëÖÄÜüÏØÛ";

    /// <summary>
    /// Text typed in a legacy font (TCVN3's .VnTime, VNI-Times) and saved as Unicode shows Latin-1 symbols and
    /// letters where Vietnamese letters should be ("§¶ng bé", "Ñaûng boä"): many of them and few real ones.
    /// </summary>
    public static LegacyEncoding? LegacyFont(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, Sample * 4));
        int vietnamese = 0, latin1 = 0, vni = 0;
        foreach (var c in sample)
        {
            if (c is >= '\u00A1' and <= '\u00FF')
            {
                if (VietnameseLatin1.Contains(c))
                    vietnamese++;
                else
                    latin1++;
                if (VniMarks.Contains(c))
                    vni++;
            }
            else if (c is >= '\u0100' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9')
            {
                vietnamese++;
            }
        }
        if (latin1 < 10 || latin1 < vietnamese)
            return null;
        return vni * 2 >= latin1 ? LegacyEncoding.Vni : LegacyEncoding.Tcvn3;
    }
}
