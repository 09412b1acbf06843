using BenchmarkDotNet.Attributes;
using DonDoc.Text;

namespace DonDoc.Bench;

/// <summary>Throughput of <see cref="TaskExtractor"/> over about 2 MB of conclusions, one call per document as the verb makes them.</summary>
[Config(typeof(ExtractorBenchmarks.ThroughputConfig))]
[MemoryDiagnoser]
public class TaskExtractorBenchmarks
{
    private IReadOnlyList<string> _documents = [];

    [GlobalSetup]
    public void Setup() => _documents = ConclusionGenerator.Corpus(ExtractorBenchmarks.CorpusBytes);

    [Benchmark]
    public int ExtractTasksCorpus()
    {
        var found = 0;
        foreach (var document in _documents)
            found += TaskExtractor.Extract(document).Tasks.Count;
        return found;
    }
}
