using DonDoc.Web.Data;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Infrastructure;
using static DonDoc.Web.Features.AuditTrail.Audit;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Audit;

/// <summary>
/// Someone with the database's own rights drops the append-only triggers and edits the audit
/// table directly: verify-audit names the first entry altered, removed or moved. Each test has its
/// own database, since it breaks the chain for good.
/// </summary>
public abstract class AuditTamperTests(Provider provider) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 7, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-audit-").FullName;
    private readonly TestClock _clock = TestClock.AtLocal(new DateOnly(2026, 3, 2));
    private string _connectionString = "";

    // Seven entries: five units added, one renamed, one sign-in.
    private const int Entries = 7;

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "audit");
        await using var db = Context();
        await global::DonDoc.Web.Infrastructure.Database.MigrateAsync(db);
        var root = new Unit { Code = "TU", Name = "Thành ủy", Type = UnitType.TinhUy, ValidFrom = Day };
        db.Units.Add(root);
        await UnitPaths.SaveAsync(db);
        for (var i = 1; i <= 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(7));
            db.Units.Add(new Unit { Code = $"DB0{i}", Name = $"Đảng bộ phường số {i}", Type = UnitType.DangBoTrucThuoc, ParentId = root.Id, ValidFrom = Day });
            await UnitPaths.SaveAsync(db);
        }
        root.Name = "Thành ủy Hà Nội";
        await db.SaveChangesAsync();
        await RecordEventAsync(db, AuditAction.SignIn, "vanphong", "10.0.0.8", null);
    }

    public async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
            await TestDatabases.DropAsync(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    [DbFact]
    public async Task An_untouched_chain_verifies_and_the_verb_says_so()
    {
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(Entries, result.Count);
        var (exitCode, output, error) = await VerbAsync();
        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Contains($"Nhật ký toàn vẹn: {Entries} mục", output);
        Assert.Contains(result.LastHash, output);
    }

    [DbFact]
    public async Task An_altered_field_is_named_by_its_entry()
    {
        await TamperAsync($"""UPDATE "AuditEntries" SET "UserName" = 'ke.gian' WHERE "Id" = 3""");
        var result = await AssertBrokenAtAsync(3, "bị sửa");
        var (exitCode, _, error) = await VerbAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("mục số 3", error);
        Assert.Contains(global::DonDoc.Web.Features.AuditTrail.AuditText.LocalTime(result.Break!.AtUtc!.Value), error);
    }

    [DbFact]
    public async Task An_altered_value_is_found_even_when_the_hash_is_recomputed()
    {
        await using (var db = Context())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == 6);
            entry.Changes = entry.Changes!.Replace("Thành ủy Hà Nội", "Thành ủy Hải Phòng");
            var hash = HashOf(entry);
            await TamperAsync($"""UPDATE "AuditEntries" SET "Changes" = {entry.Changes}, "Hash" = {hash} WHERE "Id" = 6""");
        }
        await AssertBrokenAtAsync(6, "tính lại mã băm");
    }

    [DbFact]
    public async Task A_removed_entry_is_named()
    {
        await TamperAsync($"""DELETE FROM "AuditEntries" WHERE "Id" = 4""");
        await AssertBrokenAtAsync(4, "đã bị xóa");
        var (exitCode, _, error) = await VerbAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("mục số 4", error);
    }

    [DbFact]
    public async Task Removing_the_first_entries_is_found()
    {
        await TamperAsync($"""DELETE FROM "AuditEntries" WHERE "Id" <= 2""");
        await AssertBrokenAtAsync(1, "đã bị xóa");
    }

    [DbFact]
    public async Task Reordered_entries_are_found_at_the_first_moved()
    {
        await TamperAsync(
            $"""UPDATE "AuditEntries" SET "Id" = -1 WHERE "Id" = 3""",
            $"""UPDATE "AuditEntries" SET "Id" = 3 WHERE "Id" = 5""",
            $"""UPDATE "AuditEntries" SET "Id" = 5 WHERE "Id" = -1""");
        await AssertBrokenAtAsync(3, "đổi thứ tự");
    }

    [DbFact]
    public async Task Entries_written_after_the_check_extend_the_chain_from_where_the_database_has_it()
    {
        // Another context wrote in between: the chain continues from the database's last entry, not from a cached one.
        await using (var other = Context())
        {
            other.Units.Add(new Unit { Code = "DB05", Name = "Đảng bộ phường số 5", Type = UnitType.DangBoTrucThuoc, ParentId = 1, ValidFrom = Day });
            await UnitPaths.SaveAsync(other);
        }
        await using (var db = Context())
        {
            (await db.Units.SingleAsync(u => u.Code == "DB05")).Name = "Đảng bộ phường Ô Chợ Dừa";
            await db.SaveChangesAsync();
        }
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(Entries + 2, result.Count);
    }

    private async Task<AuditVerification> AssertBrokenAtAsync(long id, string problem)
    {
        var result = await VerifyAsync();
        Assert.False(result.Intact, "The tampering was not found.");
        Assert.Equal(id, result.Break!.Id);
        Assert.Contains($"mục số {id}", result.Message);
        Assert.Contains(problem, result.Message);
        return result;
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var db = Context();
        return await AuditVerifier.VerifyAsync(db);
    }

    /// <summary>What an intruder with the owner's rights does: switch off the triggers, then edit.</summary>
    private async Task TamperAsync(params FormattableString[] statements)
    {
        await using var db = Context();
        string[] disable = provider == Provider.Sqlite
            ? ["""DROP TRIGGER IF EXISTS "AuditEntries_no_update" """, """DROP TRIGGER IF EXISTS "AuditEntries_no_delete" """]
            : ["""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER"""];
        foreach (var sql in disable)
            await db.Database.ExecuteSqlRawAsync(sql);
        foreach (var sql in statements)
            await db.Database.ExecuteSqlAsync(sql);
    }

    private AppDb Context() => global::DonDoc.Web.Infrastructure.Database.CreateContext(_connectionString, _clock);

    private Task<(int ExitCode, string Output, string Error)> VerbAsync() => Verb.RunAsync(_connectionString, _dir, "verify-audit");
}

public sealed class AuditTamperOnSqlite() : AuditTamperTests(Provider.Sqlite);

[OnPostgres]
public sealed class AuditTamperOnPostgres() : AuditTamperTests(Provider.Postgres);
