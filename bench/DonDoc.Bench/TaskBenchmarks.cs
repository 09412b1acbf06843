using BenchmarkDotNet.Attributes;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Tasks;

namespace DonDoc.Bench;

/// <summary>
/// The per-task rules on the hot paths: the overlay every listed row gets, and the rollup delta every
/// saved batch of task changes produces. Times are per task (per change).
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    public const int Batch = 10_000;

    private static readonly DateOnly Today = new(2026, 11, 21);

    private (TaskState Status, DateOnly? Due, DateOnly? Submitted)[] _rows = [];
    private (TaskFacts? Before, TaskFacts? After)[] _changes = [];
    private Dictionary<int, string> _paths = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var states = Enum.GetValues<TaskState>();
        DateOnly? Day(int spread) => random.Next(10) == 0 ? null : Today.AddDays(random.Next(-spread, spread));
        _rows = Enumerable.Range(0, Batch).Select(_ => (states[random.Next(states.Length)], Day(300), Day(300))).ToArray();

        // The national shape's depth: root, province, subordinate committee, grassroots unit.
        _paths = [];
        for (var id = 1; id <= 2_000; id++)
            _paths[id] = $"/1/{2 + id % 34}/{100 + id % 500}/{id + 1_000}/";
        TaskFacts Facts(TaskState state) => new(1 + random.Next(_paths.Count), state, Day(200), Day(200));
        // A batch as a save makes it: mostly one step of the workflow, some new tasks, a few moved to another unit.
        _changes = Enumerable.Range(0, Batch).Select(i =>
        {
            var before = Facts(states[random.Next(states.Length - 2)]);
            return (i % 10) switch
            {
                0 => ((TaskFacts?)null, (TaskFacts?)Facts(TaskState.Assigned)),
                1 => (before, before with { LeadUnitId = 1 + random.Next(_paths.Count) }),
                _ => (before, before with { Status = before.Status + 1, SubmittedOn = Today }),
            };
        }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int OverlayOn()
    {
        var overdue = 0;
        foreach (var (status, due, submitted) in _rows)
            if (TaskRules.OverlayOn(status, due, submitted, Today) == Overlay.Overdue)
                overdue++;
        return overdue;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int RollupDelta() => TaskLedger.RollupDelta(_changes, _paths).Count;
}
