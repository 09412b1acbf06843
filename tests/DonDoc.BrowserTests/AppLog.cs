using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// One file per app under test in <c>$ARTIFACTS/app-logs</c>: what the app logged (requests, jobs, warnings and
/// errors) and what its browser asked of it, in one timeline. A step that waited in vain shows there whether the
/// request left the browser, reached the app and how long the app took over it.
/// </summary>
public sealed class AppLog : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;
    private bool _closed;

    public AppLog(string name)
    {
        Path = System.IO.Path.Combine(BrowserApp.ArtifactsRoot, "app-logs", name + ".log");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(Path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public void Write(string line)
    {
        lock (_gate)
            if (!_closed)
                _writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    /// <summary>Adds the browser's side: each request it sends, its answer or failure, each page it shows.</summary>
    public void Watch(IBrowserContext context)
    {
        context.Request += (_, r) => Write($"browser → {r.Method} {r.Url}");
        context.RequestFinished += (_, r) => Write($"browser ← {r.Method} {r.Url}");
        context.RequestFailed += (_, r) => Write($"browser ✗ {r.Method} {r.Url}: {r.Failure}");
        context.Page += (_, page) =>
        {
            page.DOMContentLoaded += (_, p) => Write($"browser DOMContentLoaded {p.Url}");
            page.Load += (_, p) => Write($"browser load {p.Url}");
        };
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }

    private sealed class Logger(AppLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Write($"app {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
