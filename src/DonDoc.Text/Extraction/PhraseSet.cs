namespace DonDoc.Text;

/// <summary>A word of a text, kept as its place so that reading a paragraph allocates no strings.</summary>
internal readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>Multi-word phrases looked up by their first word, longest first, ignoring case.</summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    public PhraseSet(params string[] phrases) =>
        _byFirstWord = phrases
            .Select(p => p.Split(' '))
            .GroupBy(words => words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(words => words.Length).ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many of the words from <paramref name="start"/> on form a phrase of the set; 0 if none.</summary>
    public int MatchLength(string text, ReadOnlySpan<Token> words, int start)
    {
        if (start >= words.Length || !_byFirstWord.TryGetValue(words[start].In(text), out var candidates))
            return 0;
        foreach (var phrase in candidates)
        {
            if (Matches(text, words, start, phrase))
                return phrase.Length;
        }
        return 0;
    }

    private static bool Matches(string text, ReadOnlySpan<Token> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Length)
            return false;
        for (var j = 1; j < phrase.Length; j++)
        {
            if (!words[start + j].In(text).Equals(phrase[j], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }
}

/// <summary>A set of single words that answers for a span of text as well as for a string.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    public WordSet(StringComparer comparer, params string[] words) =>
        _words = new HashSet<string>(words, comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
