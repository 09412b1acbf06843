using System.Diagnostics;
using Npgsql;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own, started by scripts/lib/postgres.sh in a temporary directory, which the
/// test may stop, kill and start again without touching the suite's shared server.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-pg-").FullName;
    private string _bin = "";
    private int _port;

    // postgres.sh switches durability off for speed; a server killed here must keep what it acknowledged.
    private const string Durable = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var pg = new PrivatePostgres();
        var script = Path.Combine(RepositoryRoot(), "scripts", "lib", "postgres.sh");
        var output = await RunAsync("bash", ["-c", "source \"$1\" && pg_start \"$2\" $3 && echo \"$PG_BIN $PG_PORT\"", "_", script, pg._dir, Durable]);
        var parts = output.Trim().Split(' ');
        (pg._bin, pg._port) = (parts[0], int.Parse(parts[1]));
        return pg;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database,
    }.ConnectionString;

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server: "fast" ends the sessions as an operator's stop does, "immediate" kills it with writes in flight.</summary>
    public Task StopAsync(string mode = "fast") => PgCtlAsync("-m", mode, "-w", "stop");

    public Task StartAgainAsync() => PgCtlAsync("-l", Path.Combine(_dir, "pgdata", "postgres.log"), "-w", "-t", "60", "-o",
        $"-c listen_addresses=127.0.0.1 -c port={_port} -c unix_socket_directories={_dir}/pgsocket -c max_connections=200 {Durable}",
        "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task PgCtlAsync(params string[] args)
    {
        string[] command = [Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_dir, "pgdata"), .. args];
        // PostgreSQL refuses to run as root; postgres.sh made the directory the postgres user's.
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", .. command])
            : RunAsync(command[0], command[1..]);
    }

    private async static Task<string> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} → {process.ExitCode}: {await error}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "lib", "postgres.sh")))
                return dir.FullName;
        throw new InvalidOperationException("scripts/lib/postgres.sh not found above " + AppContext.BaseDirectory);
    }
}
