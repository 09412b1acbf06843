using DonDoc.Web.Data;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Web.Features.Search;

/// <summary>
/// The indexes over the folded <c>SearchKey</c> of tasks, documents and units, one per database: on SQLite an
/// FTS5 table with the trigram tokenizer (external content, kept by triggers), on PostgreSQL a pg_trgm GIN index.
/// Both answer "the key contains this text", the same set as a scan with <c>Contains</c>, from the index.
/// </summary>
public static class SearchIndex
{
    /// <summary>Below three characters a trigram index has nothing to look up.</summary>
    public const int MinLength = 3;

    // Table searched → its FTS5 table on SQLite.
    private static readonly (string Table, string Index)[] Indexed = [("Tasks", "TaskSearch"), ("Documents", "DocumentSearch"), ("Units", "UnitSearch")];

    private static readonly Dictionary<string, string> CandidateSql = Indexed.ToDictionary(i => i.Table,
        i => $$"""SELECT rowid AS "Value" FROM "{{i.Index}}" WHERE "{{i.Index}}" MATCH {0} ORDER BY rowid DESC LIMIT {1}""");

    public static IReadOnlyList<string> SqliteTables => Indexed.Select(i => i.Index).ToList();

    /// <summary>
    /// PostgreSQL's trigram indexes are in the model (so the migrations and the model agree); SQLite's FTS5 tables are
    /// <see cref="CreateSqlite"/>. Both have the tasks' keys by lead unit: a scoped reader's hits of a common word are
    /// read from that index alone, the reader's units' entries and nothing else. Through the search index a province
    /// reader's "dang vien" at 1M tasks (55.672 hits, 1.636 theirs) cost 55 ms on PostgreSQL, which pays for every hit in
    /// the country before the scope narrows them, and 137 ms on SQLite, which reads the row of each of the province's
    /// 29.582 tasks; from this index 6–8 ms on both. A rare word still goes to the search index.
    /// </summary>
    public static void Model(ModelBuilder b, bool postgres)
    {
        const string byUnit = "IX_Tasks_LeadUnitId_Search";
        if (!postgres)
        {
            // SQLite has no INCLUDE: the key is the index's second column, and every SQLite index holds the rowid (the Id).
            b.Entity<TaskItem>().HasIndex(t => new { t.LeadUnitId, t.SearchKey }, byUnit);
            return;
        }
        b.Entity<TaskItem>().HasIndex(t => t.LeadUnitId, byUnit).IncludeProperties(t => new { t.Id, t.SearchKey });
        b.HasPostgresExtension("pg_trgm");
        b.Entity<TaskItem>().HasIndex(t => t.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Document>().HasIndex(d => d.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Unit>().HasIndex(u => u.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    /// <summary>
    /// The FTS5 tables, the triggers that keep them in the writing statement's transaction (every write path,
    /// the bulk load's prepared inserts too), and the rows already there. Called from the SQLite migration
    /// <c>Search</c>. A migration that rebuilds one of these tables (EF Core's SQLite table rebuild) drops its
    /// triggers: call <see cref="DropSqlite"/> before and this after it.
    /// </summary>
    public static void CreateSqlite(MigrationBuilder m)
    {
        foreach (var (table, index) in Indexed)
        {
            m.Sql($"""CREATE VIRTUAL TABLE "{index}" USING fts5("SearchKey", content='{table}', content_rowid='Id', tokenize='trigram');""");
            m.Sql($"""
                CREATE TRIGGER "{index}_insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}" (rowid, "SearchKey") VALUES (new."Id", new."SearchKey");
                END;
                """);
            m.Sql($"""
                CREATE TRIGGER "{index}_delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}" ("{index}", rowid, "SearchKey") VALUES ('delete', old."Id", old."SearchKey");
                END;
                """);
            m.Sql($"""
                CREATE TRIGGER "{index}_update" AFTER UPDATE OF "SearchKey" ON "{table}" BEGIN
                    INSERT INTO "{index}" ("{index}", rowid, "SearchKey") VALUES ('delete', old."Id", old."SearchKey");
                    INSERT INTO "{index}" (rowid, "SearchKey") VALUES (new."Id", new."SearchKey");
                END;
                """);
            m.Sql($"""INSERT INTO "{index}" ("{index}") VALUES ('rebuild');""");
        }
    }

    public static void DropSqlite(MigrationBuilder m)
    {
        foreach (var (_, index) in Indexed)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" })
                m.Sql($"""DROP TRIGGER IF EXISTS "{index}_{trigger}";""");
            m.Sql($"""DROP TABLE IF EXISTS "{index}";""");
        }
    }

    /// <summary>The key as one FTS5 string: quoted, so that no character of it is read as query syntax.</summary>
    public static string FtsPhrase(string key) => "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The key as a LIKE pattern matching it anywhere, with '\' escaping LIKE's own characters.</summary>
    public static string LikePattern(string key) =>
        "%" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Tasks whose key contains <paramref name="key"/> (folded), found through the index when the key is long enough.</summary>
    public static IQueryable<TaskItem> Matching(AppDb db, IQueryable<TaskItem> tasks, string key)
    {
        if (key.Length < MinLength)
            return tasks.Where(t => t.SearchKey.Contains(key));
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(key);
            return tasks.Where(t => EF.Functions.Like(t.SearchKey, pattern, "\\"));
        }
        var phrase = FtsPhrase(key);
        var hits = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "TaskSearch" WHERE "TaskSearch" MATCH {phrase}""");
        return tasks.Where(t => hits.Contains(t.Id));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> ids of records of <paramref name="table"/> whose key contains the key, newest
    /// first. SQLite's FTS5 walks its lists backwards and stops at the limit. PostgreSQL walks the primary key backwards
    /// testing each row while a word is common, and reads the trigram index and sorts what it finds when the word is
    /// rare, by its estimate of the matches (at 1M tasks: 7–27 ms for 800 hits of a common word, 13 ms for a rare one).
    /// </summary>
    public static async Task<List<int>> CandidatesAsync(AppDb db, string table, string key, int limit, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(key);
            IQueryable<int> ids = table switch
            {
                "Tasks" => db.Tasks.Where(t => EF.Functions.Like(t.SearchKey, pattern, "\\")).Select(t => t.Id),
                "Documents" => db.Documents.Where(d => EF.Functions.Like(d.SearchKey, pattern, "\\")).Select(d => d.Id),
                _ => db.Units.Where(u => EF.Functions.Like(u.SearchKey, pattern, "\\")).Select(u => u.Id),
            };
            return await ids.OrderByDescending(id => id).Take(limit).ToListAsync(ct);
        }
        // The index's name comes from the list above, never from the request; the key and the limit are parameters.
        var sql = CandidateSql[table];
        return await db.Database.SqlQueryRaw<int>(sql, FtsPhrase(key), limit).ToListAsync(ct);
    }
}
