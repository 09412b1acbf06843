using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Loads many rows through each database's bulk path: COPY … FROM STDIN (binary) on PostgreSQL,
/// one prepared INSERT re-bound per row on SQLite. Runs inside the context's current transaction.
/// </summary>
public static class BulkWriter
{
    public static async Task<long> WriteAsync(AppDb db, string table, string[] columns, IEnumerable<object?[]> rows,
        Action<long>? progress = null, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        long count = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({quoted}) FROM STDIN (FORMAT BINARY)", ct);
            // The copy waits as long as the context's commands may (its own default is the connection string's).
            importer.Timeout = TimeSpan.FromSeconds(db.Database.GetCommandTimeout() ?? 30);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var value in row)
                {
                    if (value is null)
                        await importer.WriteNullAsync(ct);
                    else
                        await importer.WriteAsync(value, ct);
                }
                if (++count % 10_000 == 0)
                    progress?.Invoke(count);
            }
            await importer.CompleteAsync(ct);
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{table}\" ({quoted}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "$p" + i;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = row[i] ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
                if (++count % 10_000 == 0)
                    progress?.Invoke(count);
            }
        }
        progress?.Invoke(count);
        return count;
    }

    /// <summary>After rows were written with explicit ids, moves PostgreSQL's identity past them.</summary>
    public static async Task ResetIdentityAsync(AppDb db, string table, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
            return;
        // The table name is one of ours, never user input.
        var sql = "SELECT setval(pg_get_serial_sequence('\"" + table + "\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"" + table + "\"), 0) + 1, false)";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }
}
