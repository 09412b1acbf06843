using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DonDoc.Text;

namespace DonDoc.Bench;

/// <summary>Throughput of <see cref="ReportExtractor"/> over about 2 MB of reports, one call per report as the import makes them.</summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class ExtractorBenchmarks
{
    public const int CorpusBytes = 2_000_000;

    private IReadOnlyList<string> _reports = [];

    [GlobalSetup]
    public void Setup() => _reports = ReportGenerator.Corpus(CorpusBytes);

    [Benchmark]
    public int ExtractCorpus()
    {
        var found = 0;
        foreach (var report in _reports)
            found += ReportExtractor.Extract(report).Persons.Count;
        return found;
    }

    [Benchmark]
    public int NormalizeCorpus()
    {
        var length = 0;
        foreach (var report in _reports)
            length += VnText.Normalize(report).Length;
        return length;
    }

    internal sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>UTF-8 megabytes of the benchmark's corpus per second of the median run.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        private static readonly double ReportMegabytes = Megabytes(ReportGenerator.Corpus(CorpusBytes));
        private static readonly double ConclusionMegabytes = Megabytes(ConclusionGenerator.Corpus(CorpusBytes));

        private static double Megabytes(IEnumerable<string> corpus) => corpus.Sum(r => Encoding.UTF8.GetByteCount(r)) / 1_000_000.0;

        public string Id => nameof(MegabytesPerSecondColumn);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes (UTF-8) of documents processed per second, from the median";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var median = summary[benchmarkCase]?.ResultStatistics?.Median;
            var megabytes = benchmarkCase.Descriptor.Type == typeof(TaskExtractorBenchmarks) ? ConclusionMegabytes : ReportMegabytes;
            return median is > 0 ? (megabytes / (median.Value / 1e9)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }
    }
}
