using System.Data.Common;
using System.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Data;

/// <summary>
/// The migrations keep step with the model: no change waits for a migration, and the schema
/// MigrateAsync builds is the one EnsureCreated builds from the model, table by table.
/// </summary>
public abstract class MigrationDriftTests(Provider provider)
{
    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        // The pending changes are read from the model and the snapshot: no database is opened.
        await using var db = Context(provider == Provider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=dondoc");
        Assert.True(!db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run scripts/add-migration Name.");
    }

    [DbFact]
    public async Task Migrations_build_the_schema_the_model_describes()
    {
        var directory = Directory.CreateTempSubdirectory("dondoc-drift-").FullName;
        string? migrated = null, created = null;
        try
        {
            migrated = await TestDatabases.CreateAsync(provider, directory, "migrated");
            created = await TestDatabases.CreateAsync(provider, directory, "created");
            await using (var db = Context(migrated))
                await db.Database.MigrateAsync();
            await using (var db = Context(created))
                await db.Database.EnsureCreatedAsync();
            var fromMigrations = await ReadSchemaAsync(provider, migrated);
            var fromModel = await ReadSchemaAsync(provider, created);
            Assert.True(fromModel.Count > 10, $"The model built only {fromModel.Count} tables.");
            var drift = Diff(fromMigrations, fromModel);
            Assert.True(drift.Length == 0, "The migrations (−) and the model (+) differ:\n" + drift);
        }
        finally
        {
            foreach (var database in new[] { migrated, created }.OfType<string>())
                await TestDatabases.DropAsync(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    // The bookkeeping tables of the migrator itself.
    private const string EfTables = "'__EFMigrationsHistory', '__EFMigrationsLock'";

    // Quartz.NET's job store: created by the PostgreSQL migrations, outside the model.
    private const string NotQuartz = "NOT LIKE 'qrtz\\_%'";

    private static AppDb Context(string connectionString) => global::DonDoc.Web.Infrastructure.Database.CreateContext(connectionString);

    /// <summary>What differs between two schemas read by <see cref="ReadSchemaAsync"/>; empty when nothing does.</summary>
    internal static string Diff(SortedDictionary<string, SortedSet<string>> migrations, SortedDictionary<string, SortedSet<string>> model)
    {
        var text = new StringBuilder();
        foreach (var table in migrations.Keys.Union(model.Keys).Order(StringComparer.Ordinal))
        {
            var left = migrations.GetValueOrDefault(table);
            var right = model.GetValueOrDefault(table);
            if (left is null || right is null)
            {
                text.AppendLine($"{table}: only in the {(left is null ? "model (+)" : "migrations (−)")}");
                continue;
            }
            var removed = left.Except(right).ToList();
            var added = right.Except(left).ToList();
            if (removed.Count + added.Count == 0)
                continue;
            text.AppendLine($"{table}:");
            foreach (var line in removed)
                text.AppendLine($"  − {line}");
            foreach (var line in added)
                text.AppendLine($"  + {line}");
        }
        return text.ToString();
    }

    /// <summary>Each table's columns, indexes and constraints, whatever their order; Quartz.NET's tables left out.</summary>
    internal static async Task<SortedDictionary<string, SortedSet<string>>> ReadSchemaAsync(Provider provider, string connectionString)
    {
        await using var db = Context(connectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var schema = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        SortedSet<string> Table(string name) => schema.TryGetValue(name, out var lines) ? lines : schema[name] = new SortedSet<string>(StringComparer.Ordinal);
        if (provider == Provider.Sqlite)
        {
            var tables = await QueryAsync(connection,
                $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ({EfTables})");
            foreach (var t in tables)
            {
                var name = (string)t["name"]!;
                // The search index's FTS5 tables (and their shadow tables) are raw SQL of the migrations, outside the model.
                if (global::DonDoc.Web.Features.Search.SearchIndex.SqliteTables.Any(s => name == s || name.StartsWith(s + "_", StringComparison.Ordinal)))
                    continue;
                var lines = Table(name);
                if (((string)t["sql"]!).Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase))
                    lines.Add("autoincrement");
                foreach (var c in await QueryAsync(connection, $"PRAGMA table_info(\"{name}\")"))
                    lines.Add($"column {c["name"]} {c["type"]}{((long)c["notnull"]! == 1 ? " NOT NULL" : " NULL")}"
                        + $"{((long)c["pk"]! > 0 ? $" pk#{c["pk"]}" : "")}{(c["dflt_value"] is { } d ? $" default {d}" : "")}");
                foreach (var i in await QueryAsync(connection, $"PRAGMA index_list(\"{name}\")"))
                {
                    if (OutsideTheModel((string)i["name"]!))
                        continue;
                    var columns = (await QueryAsync(connection, $"PRAGMA index_info(\"{i["name"]}\")"))
                        .OrderBy(x => (long)x["seqno"]!).Select(x => x["name"]);
                    lines.Add($"index {i["name"]} ({string.Join(", ", columns)}){((long)i["unique"]! == 1 ? " unique" : "")}");
                }
                foreach (var f in await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")"))
                    lines.Add($"foreign key ({f["from"]}) → {f["table"]}({f["to"]}) on delete {f["on_delete"]}");
            }
        }
        else
        {
            var columns = await QueryAsync(connection, $"""
                SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length, c.is_nullable, c.column_default,
                       c.is_identity, c.identity_generation
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name NOT IN ({EfTables}) AND c.table_name {NotQuartz}
                """);
            foreach (var c in columns)
                Table((string)c["table_name"]!).Add($"column {c["column_name"]} {c["data_type"]}"
                    + $"{(c["character_maximum_length"] is { } length ? $"({length})" : "")}"
                    + $"{((string)c["is_nullable"]! == "YES" ? " NULL" : " NOT NULL")}"
                    + $"{((string)c["is_identity"]! == "YES" ? $" identity {c["identity_generation"]}" : "")}"
                    + $"{(c["column_default"] is { } d ? $" default {d}" : "")}");
            foreach (var i in await QueryAsync(connection,
                $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ({EfTables}) AND tablename {NotQuartz}"))
                if (!OutsideTheModel((string)i["indexname"]!))
                    Table((string)i["tablename"]!).Add($"index {i["indexdef"]}");
            foreach (var k in await QueryAsync(connection, $"""
                SELECT cl.relname AS table_name, co.conname, pg_get_constraintdef(co.oid) AS definition
                FROM pg_constraint co
                JOIN pg_class cl ON cl.oid = co.conrelid
                JOIN pg_namespace ns ON ns.oid = cl.relnamespace
                WHERE ns.nspname = 'public' AND cl.relname NOT IN ({EfTables}) AND cl.relname {NotQuartz}
                """))
                Table((string)k["table_name"]!).Add($"constraint {k["conname"]} {k["definition"]}");
        }
        return schema;
    }

    // The lists' order indexes are on expressions, which the model cannot describe: raw SQL of the migrations.
    private static bool OutsideTheModel(string index) => global::DonDoc.Web.Features.Tasks.TaskList.OrderIndexNames.Contains(index);

    private static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }
}

public sealed class MigrationDriftOnSqlite() : MigrationDriftTests(Provider.Sqlite);

[OnPostgres]
public sealed class MigrationDriftOnPostgres() : MigrationDriftTests(Provider.Postgres);
