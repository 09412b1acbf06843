using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Text;

namespace DonDoc.Text.Tests;

/// <summary>
/// Whole documents of the genre with their answers (TaskTexts/*.gold.json), written apart from the rules as a check:
/// every answer is found, with its lead, coordinators and deadline, and nothing else is.
/// </summary>
public partial class TaskTextsTests
{
    public static TheoryData<string> Texts() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TaskTexts"), "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_answer_and_nothing_else(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TaskTexts");
        var found = TaskExtractor.Extract(File.ReadAllText(Path.Combine(folder, name + ".txt")));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".gold.json")));
        var document = gold.RootElement.GetProperty("document");
        Assert.Equal(document.GetProperty("symbol").GetString(), found.Document.Symbol);
        Assert.Equal(DateOnly.Parse(document.GetProperty("date").GetString()!), found.Document.Date);

        var expected = gold.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(expected.Count, found.Tasks.Count);
        var unmatched = found.Tasks.ToList();
        foreach (var task in expected)
        {
            var lead = VnText.Fold(task.GetProperty("lead").GetString()!);
            var match = unmatched.FirstOrDefault(t => VnText.Fold(t.Lead) == lead
                && Math.Max(Overlap(t.Title, task.GetProperty("title").GetString()!), Overlap(t.Text, task.GetProperty("text").GetString()!)) >= 0.4);
            Assert.True(match is not null, $"{name}: not found [{task.GetProperty("lead")}] {task.GetProperty("title")}");
            unmatched.Remove(match);
            Assert.Equal(task.GetProperty("coordinators").EnumerateArray().Select(c => VnText.Fold(c.GetString()!)).Order(), match.Coordinators.Select(VnText.Fold).Order());
            Assert.Equal(task.GetProperty("due").GetString() is { } due ? DateOnly.Parse(due) : null, match.Due);
            Assert.Equal(task.GetProperty("recurrence").GetString(), match.Recurrence);
            Assert.Equal(task.GetProperty("ongoing").GetBoolean(), match.Ongoing);
        }
    }

    // Word overlap (Jaccard) of the folded words, as the scorer of the examples measures it.
    private static double Overlap(string a, string b)
    {
        var wa = WordPattern().Matches(VnText.Fold(a)).Select(m => m.Value).ToHashSet();
        var wb = WordPattern().Matches(VnText.Fold(b)).Select(m => m.Value).ToHashSet();
        return wa.Count == 0 || wb.Count == 0 ? 0 : (double)wa.Intersect(wb).Count() / wa.Union(wb).Count();
    }

    [GeneratedRegex("[0-9a-z]+")]
    private static partial Regex WordPattern();
}
