using System.Diagnostics;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>The built executable as a shell runs it: one command line over one database, its exit code and what it printed.</summary>
public static class Verb
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string database, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DonDoc.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DONDOC_DB"] = database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command line the program mistook for the web server's would never exit.
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', args)} did not exit: {await output} {await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
