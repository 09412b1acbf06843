using System.Buffers;
using System.Globalization;
using System.Text;

namespace DonDoc.Text;

/// <summary>
/// One spelling for Vietnamese text. Tone marks follow the "ủy" style: in a word-final oa, oe or uy
/// (not after q) the mark sits on the first vowel, so "uỷ" → "ủy", "hoà" → "hòa", "khoẻ" → "khỏe".
/// </summary>
public static class VnText
{
    private const string ToneMarks = "\u0300\u0301\u0309\u0303\u0323";

    // Second vowel with a tone mark → (the same vowel unmarked, the mark).
    private static readonly Dictionary<char, (char Plain, char Mark)> MarkedSecondVowels = BuildMarkedSecondVowels();

    /// <summary>
    /// NFC; the "ủy" tone style; non-breaking and other odd spaces become one plain space; zero-width
    /// characters go; look-alike letters (Ð, ƣ) and hyphens become the Vietnamese ones; line breaks
    /// become "\n" with no spaces around them; control characters (NUL, ESC, BEL …) go; the ends are trimmed.
    /// </summary>
    public static string Normalize(string s)
    {
        if (IsNormal(s))
            return s;
        var text = s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        // Reports run to megabytes; the working copy is borrowed so that the result is the only new text.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                            i++;
                        AppendLineBreak(buffer, ref n);
                        break;
                    case '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029':
                        AppendLineBreak(buffer, ref n);
                        break;
                    case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                        break;
                    case var _ when char.IsWhiteSpace(c):
                        if (n > 0 && buffer[n - 1] is not (' ' or '\n'))
                            buffer[n++] = ' ';
                        break;
                    case var _ when char.IsControl(c):
                        break;
                    default:
                        buffer[n++] = LookAlike(c);
                        break;
                }
            }
            var result = buffer.AsSpan(0, n);
            MoveFinalToneMarks(result);
            return new string(result.Trim());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The text without control characters other than tab and line breaks: the one rule for text that
    /// arrives from outside, so that a NUL, which PostgreSQL refuses and SQLite stores, is dropped on both.
    /// </summary>
    public static string WithoutControls(string s)
    {
        if (s.AsSpan().IndexOfAny(Controls) < 0)
            return s;
        var kept = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!Controls.Contains(c))
                kept.Append(c);
        }
        return kept.ToString();
    }

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')).ToArray());

    // Names, titles and symbols are folded and parsed by the thousand, mostly already in this form: they are not copied.
    private static bool IsNormal(string s)
    {
        if (s.Length == 0)
            return true;
        if (s[0] is ' ' or '\n' || s[^1] is ' ' or '\n' || s.AsSpan().IndexOfAny(Rewritten) >= 0
            || s.Contains("  ", StringComparison.Ordinal) || s.Contains(" \n", StringComparison.Ordinal) || s.Contains("\n ", StringComparison.Ordinal))
            return false;
        for (var i = s.AsSpan().IndexOfAny(MarkedSecondVowelChars); i >= 0; i = NextMarked(s, i + 1))
        {
            if (i > 0 && char.ToLowerInvariant(s[i - 1]) is 'o' or 'u')
                return false;
        }
        return s.IsNormalized(NormalizationForm.FormC);
    }

    private static int NextMarked(string s, int from)
    {
        var next = from < s.Length ? s.AsSpan(from).IndexOfAny(MarkedSecondVowelChars) : -1;
        return next < 0 ? -1 : from + next;
    }

    // Every character Normalize changes or drops, whatever surrounds it.
    private static readonly SearchValues<char> Rewritten = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => (char.IsWhiteSpace(c) && c is not (' ' or '\n')) || (char.IsControl(c) && c != '\n') || c != LookAlike(c)
                || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            .ToArray());

    private static readonly SearchValues<char> MarkedSecondVowelChars = SearchValues.Create(MarkedSecondVowels.Keys.ToArray());

    /// <summary>Search key: normalised, lower case, without diacritics, "đ" as "d" ("Thành uỷ" → "thanh uy").</summary>
    public static string Fold(string s)
    {
        var normalized = Normalize(s);
        foreach (var c in normalized)
        {
            if (c >= FoldTable.Length || FoldTable[c] == NoFold)
                return SlowFold(normalized);
        }
        return string.Create(normalized.Length, normalized, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                folded[i] = FoldTable[source[i]];
        });
    }

    // Names and titles are folded by the thousand: each character up to U+2000 that folds to exactly one is looked up.
    private const char NoFold = '\uFFFF';
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            try
            {
                var folded = SlowFold(((char)c).ToString());
                table[c] = folded.Length == 1 ? folded[0] : NoFold;
            }
            catch (ArgumentException)
            {
                table[c] = NoFold;
            }
        }
        return table;
    }

    private static string SlowFold(string normalized)
    {
        var decomposed = normalized.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(c == 'đ' ? 'd' : c);
        }
        return sb.ToString();
    }

    private static void AppendLineBreak(char[] buffer, ref int n)
    {
        if (n > 0 && buffer[n - 1] == ' ')
            n--;
        buffer[n++] = '\n';
    }

    private static char LookAlike(char c) => c switch
    {
        'Ð' => 'Đ',
        'ð' => 'đ',
        'Ƣ' => 'Ư',
        'ƣ' => 'ư',
        '\u2010' or '\u2011' or '\u2012' or '\u2212' => '-',
        _ => c,
    };

    private static void MoveFinalToneMarks(Span<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (!MarkedSecondVowels.TryGetValue(text[i], out var second))
                continue;
            var first = text[i - 1];
            var pairs = char.ToLowerInvariant(first) switch
            {
                'o' => char.ToLowerInvariant(second.Plain) is 'a' or 'e',
                'u' => char.ToLowerInvariant(second.Plain) == 'y' && (i < 2 || char.ToLowerInvariant(text[i - 2]) != 'q'),
                _ => false,
            };
            if (!pairs || (i + 1 < text.Length && char.IsLetter(text[i + 1])))
                continue;
            text[i - 1] = string.Concat(first, second.Mark).Normalize(NormalizationForm.FormC)[0];
            text[i] = second.Plain;
        }
    }

    private static Dictionary<char, (char Plain, char Mark)> BuildMarkedSecondVowels()
    {
        var map = new Dictionary<char, (char, char)>();
        foreach (var plain in "aeyAEY")
            foreach (var mark in ToneMarks)
                map[string.Concat(plain, mark).Normalize(NormalizationForm.FormC)[0]] = (plain, mark);
        return map;
    }
}
