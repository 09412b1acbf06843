using System.Net;
using System.Text.Json;
using DonDoc.Web.Tests.Infrastructure;
using Npgsql;

namespace DonDoc.Web.Tests.Faults;

/// <summary>
/// The server cuts every connection of the app (as a restart or a failover does, SQLSTATE 57P01): the next reads
/// and writes are tried again on fresh connections and succeed, each write saved once.
/// </summary>
[OnPostgres]
public sealed class TransientFailuresOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task CutConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        Assert.True((long)(await cut.ExecuteScalarAsync())! > 0, "the app held no connection to cut");
    }

    [DbFact]
    public async Task Reads_and_writes_after_the_connections_were_cut_are_retried_and_saved_once()
    {
        var client = app.AdminClient();
        // Several connections in the pool, all cut at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync("/api/tasks")));
        var acknowledged = new List<int>();

        await CutConnectionsAsync();
        using (var read = await client.GetAsync("/api/tasks"))
            Assert.True(read.StatusCode == HttpStatusCode.OK, await read.Content.ReadAsStringAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync("/api/tasks")));
        await CutConnectionsAsync();
        using (var write = await client.PostAsync("/api/tasks", Integrity.NewTask(app, "Giao khi kết nối vừa bị cắt")))
        {
            var text = await write.Content.ReadAsStringAsync();
            Assert.True(write.StatusCode == HttpStatusCode.Created, text);
            acknowledged.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32());
        }
        await Integrity.CheckAsync(app, acknowledged);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Tasks.Count(t => t.Title == "Giao khi kết nối vừa bị cắt"))));
    }
}
