using AngleSharp.Html.Dom;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Conferences;

/// <summary>A conference's page follows its conclusion's directions through the tasks they became.</summary>
public abstract class ConclusionDirectionsTests(TestApp app)
{
    private readonly HttpClient _admin = app.AdminClient();

    [DbFact]
    public async Task The_conference_page_counts_its_conclusions_directions_done_and_overdue()
    {
        var today = app.Clock.Today;
        var conclusion = await _admin.PostAsync("/api/documents", new { Symbol = "18-KL/TU", IssuedOn = "2026-01-15", Title = "Kết luận hội nghị sơ kết" })
            .OkAsync<DocumentDto>();
        var conference = await app.WithDbAsync(async db =>
        {
            var c = new Conference
            {
                Title = "Hội nghị sơ kết 6 tháng", Kind = "Hội nghị sơ kết", HeldOn = new DateOnly(2026, 1, 12), UnitId = app.Units.Root.Id,
                ConclusionId = conclusion.Id, CreatedAtUtc = DateTime.UtcNow,
            };
            db.Conferences.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        async Task<int> Direction(string title, DateOnly due) =>
            (await _admin.PostAsync("/api/tasks", new { Title = title, LeadUnitId = app.Units.BaDinh.Id, DeadlineKind = "Date", DueDate = due, SourceDocumentId = conclusion.Id })
                .OkAsync<TaskDetail>()).Id;
        var done = await Direction("Kiện toàn chi bộ sau sắp xếp", today.AddDays(10));
        await Direction("Báo cáo sơ kết công tác dân vận", today.AddDays(3));
        await Direction("Số hóa hồ sơ đảng viên", today.AddDays(30));
        await _admin.ActAsync(done, "accept");
        await _admin.SubmitAsync(done);
        await _admin.ActAsync(done, "complete");

        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.SetLocal(today.AddDays(5));
            var page = await PageForm.ParseAsync(await _admin.GetAsync($"/Conferences/Details/{conference}"));
            var section = page.GetElementById("conference-directions")!;
            Assert.Contains("1/3 hoàn thành, 1 quá hạn", section.QuerySelector("h2")!.TextContent);
            Assert.Equal(3, section.QuerySelectorAll("tbody tr").Length);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }
}

public sealed class ConclusionDirectionsOnSqlite(SqliteApp app) : ConclusionDirectionsTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ConclusionDirectionsOnPostgres(PostgresApp app) : ConclusionDirectionsTests(app), IClassFixture<PostgresApp>;
