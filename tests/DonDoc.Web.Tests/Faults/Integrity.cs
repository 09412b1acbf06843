using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Faults;

/// <summary>What every fault test checks afterwards: nothing acknowledged is lost, nothing is half-written, the audit chain holds.</summary>
public static class Integrity
{
    public static Task CheckAsync(TestApp app, IReadOnlyCollection<int> acknowledgedTasks) =>
        app.WithDbAsync(db => CheckAsync(db, acknowledgedTasks, app.EvidenceDirectory));

    public static async Task CheckAsync(DonDoc.Web.Data.AppDb db, IReadOnlyCollection<int> acknowledgedTasks, string evidenceDirectory)
    {
        var found = await db.Tasks.AsNoTracking().Where(t => acknowledgedTasks.Contains(t.Id)).Select(t => t.Id).ToListAsync();
        Assert.Equal(acknowledgedTasks.Order(), found.Order());
        // A task without its history row or its audit entry was half-written.
        var ids = await db.Tasks.AsNoTracking().Select(t => t.Id).ToListAsync();
        var withHistory = await db.TaskEvents.AsNoTracking().Select(e => e.TaskId).Distinct().ToListAsync();
        Assert.Empty(ids.Except(withHistory));
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Tasks" && e.Action == AuditAction.Added).Select(e => e.EntityId!).ToListAsync();
        Assert.Empty(ids.Select(i => i.ToString()).Except(audited));
        Assert.Equal(ids.Count, audited.Count);
        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Message);
        // The rollups still equal a recount from the tasks, and the count steps one from the history.
        var incremental = await StatsAsync(db);
        var steps = await StepsAsync(db);
        await TaskLedger.RebuildRollupsAsync(db);
        Assert.Equal(incremental, await StatsAsync(db));
        Assert.Equal(steps, await StepsAsync(db));
        if (db.Database.IsSqlite())
            Assert.Equal("ok", (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).Single());
        // Every report's file is there, whole: none was recorded before its copy finished.
        foreach (var evidence in await db.Evidence.AsNoTracking().ToListAsync())
            Assert.Equal(evidence.Size, new FileInfo(Path.Combine(evidenceDirectory, evidence.StoredName)).Length);
    }

    private static async Task<List<string>> StatsAsync(DonDoc.Web.Data.AppDb db) =>
        (await db.UnitStats.AsNoTracking().Where(s => s.Count != 0).Select(s => new { s.UnitId, s.Metric, s.Day, s.Count }).ToListAsync())
        .Select(s => $"{s.UnitId}/{s.Metric}/{s.Day}={s.Count}").Order().ToList();

    private static async Task<List<string>> StepsAsync(DonDoc.Web.Data.AppDb db) =>
        (await db.UnitCountSteps.AsNoTracking().ToListAsync())
        .Select(s => $"{s.UnitId}/{s.Grain}/{s.Day}={s.Total},{s.CompletedOnTime},{s.CompletedLate},{s.NotAccepted},{s.InProgress},{s.Submitted},{s.Overdue},{s.DueSoon},{s.Cancelled}")
        .Where(s => !s.EndsWith("=0,0,0,0,0,0,0,0,0", StringComparison.Ordinal)).Order().ToList();

    public static object NewTask(TestApp app, string title, string? content = null) => NewTask(app.Units.BaDinh.Id, title, content);

    public static object NewTask(int leadUnitId, string title, string? content = null) => new
    {
        Title = title,
        Content = content,
        LeadUnitId = leadUnitId,
        DeadlineKind = "Date",
        DueDate = "2026-12-31",
    };

    /// <summary>Creates tasks until stopped; each answer must be a creation or a fault answered with its own status and a body.</summary>
    public static async Task WriteUntilAsync(TestApp app, HttpClient client, string name, ConcurrentBag<int> acknowledged,
        ConcurrentBag<string> refusals, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var response = await client.PostAsync("/api/tasks", NewTask(app, $"Nhiệm vụ {name}-{i}"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
                acknowledged.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32());
            else
                refusals.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {response.Headers.RetryAfter} {text}");
        }
    }
}
