using BenchmarkDotNet.Running;
using DonDoc.Bench;

// Named through a benchmark type: DonDoc.Web, referenced here, has a public Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(ExtractorBenchmarks).Assembly).Run(args);
