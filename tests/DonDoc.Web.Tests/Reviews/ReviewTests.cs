using System.Net;
using AngleSharp.Html.Dom;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Reviews;

/// <summary>
/// A self-review becomes a remediation plan through the office's pages: its items are tasks, and what
/// the review page shows of them (x/y, overdue, "Đã khắc phục") follows those tasks through the workflow.
/// </summary>
public abstract class ReviewTests(TestApp app)
{
    private TestUnits Units => app.Units;
    private readonly HttpClient _admin = app.AdminClient();

    private Task<HttpClient> OfficeAsync() => app.ClientAsync(Roles.OfficeStaff, app.Units.Root, followRedirects: false);

    [DbFact]
    public async Task A_review_becomes_a_plan_whose_progress_derives_from_its_tasks()
    {
        var start = app.Clock.GetUtcNow();
        try
        {
            var office = await OfficeAsync();
            var review = await CreateReviewAsync(office, Units.BaDinh, 2026, "Kiểm điểm tập thể Ban Thường vụ năm 2026", Units.UbndParty);
            var party = await AddLimitationAsync(office, review, "trong xây dựng Đảng", "Công tác kiểm tra, giám sát có nơi còn hình thức");
            var economy = await AddLimitationAsync(office, review, "trong phát triển kinh tế - xã hội", "Giải ngân vốn đầu tư công chậm");
            var due = app.Clock.Today.AddDays(20);
            var first = await AddItemAsync(office, party, "Xây dựng kế hoạch kiểm tra chuyên đề", Units.BaDinh, due);
            var second = await AddItemAsync(office, party, "Tổ chức giám sát tại chi bộ", Units.BaDinhCell, due);
            var late = await AddItemAsync(office, economy, "Đôn đốc giải ngân các dự án chậm", Units.BaDinh, app.Clock.Today.AddDays(3));

            var tasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => new[] { first, second, late }.Contains(t.Id)).ToListAsync());
            Assert.All(tasks, t => Assert.Equal(TaskKind.Remediation, t.Kind));
            Assert.All(tasks, t => Assert.Equal(Units.BaDinh.Id, t.AssignedByUnitId));
            Assert.Equal("Đồng chí Phó Bí thư Thường trực", tasks.Single(t => t.Id == first).ResponsiblePerson);
            // Created through the workflow: each has its first history row.
            Assert.Equal(3, await app.WithDbAsync(db => db.TaskEvents.CountAsync(e => new[] { first, second, late }.Contains(e.TaskId))));

            var page = await ReviewPageAsync(office, review);
            Assert.Equal("0/2 biện pháp hoàn thành", Count(page, party));
            Assert.False(Remedied(page, party));

            await CompleteAsync(first);
            page = await ReviewPageAsync(office, review);
            Assert.Equal("1/2 biện pháp hoàn thành", Count(page, party));
            Assert.False(Remedied(page, party));

            await CompleteAsync(second);
            page = await ReviewPageAsync(office, review);
            Assert.Equal("2/2 biện pháp hoàn thành", Count(page, party));
            Assert.True(Remedied(page, party));
            Assert.False(Remedied(page, economy));
            Assert.Null(page.QuerySelector($"#limitation-{economy} .overlay-overdue"));

            app.Clock.SetLocal(app.Clock.Today.AddDays(5));
            page = await ReviewPageAsync(office, review);
            Assert.Equal("1 quá hạn", page.QuerySelector($"#limitation-{economy} .limitation-progress .overlay-overdue")!.TextContent.Trim());
            Assert.Equal("0/1 biện pháp hoàn thành", Count(page, economy));
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [DbFact]
    public async Task An_item_missing_one_of_the_five_is_refused_by_name_and_nothing_is_written()
    {
        var office = await OfficeAsync();
        var review = await CreateReviewAsync(office, Units.HoanKiem, 2026, "Kiểm điểm Ban Thường vụ Đảng ủy phường Hoàn Kiếm năm 2026");
        var limitation = await AddLimitationAsync(office, review, "trong xây dựng Đảng", "Sinh hoạt chi bộ chưa đều");
        var before = await app.FootprintAsync();

        var form = await ItemFormAsync(office, limitation, "Nâng cao chất lượng sinh hoạt chi bộ", Units.HoanKiem, app.Clock.Today.AddDays(30));
        form["Input.ResponsiblePerson"] = "";
        var refused = await PageForm.ParseAsync(await form.PostAsync(office));
        Assert.Equal(["Chưa rõ người chịu trách nhiệm."], PageForm.Problems(refused));
        // What was typed stays in the form.
        var again = PageForm.Of(refused, "form-item");
        Assert.Equal("Nâng cao chất lượng sinh hoạt chi bộ", again["Input.Title"]);
        Assert.True(Units.HoanKiem.Id.ToString() == again["Input.AccountableUnitId"], refused.QuerySelector("#Input_AccountableUnitId")!.OuterHtml);

        form["Input.ResponsiblePerson"] = "Bí thư chi bộ";
        form["Input.DueDate"] = "";
        form["Input.ExpectedResult"] = " ";
        refused = await PageForm.ParseAsync(await form.PostAsync(office));
        Assert.Equal(["Chưa rõ kết quả cần đạt.", "Chưa rõ thời hạn."], PageForm.Problems(refused).Order(StringComparer.Ordinal));

        var empty = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Item/{limitation}")), "form-item");
        refused = await PageForm.ParseAsync(await empty.PostAsync(office));
        Assert.Equal(5, PageForm.Problems(refused).Count);
        Assert.Equal(before, await app.FootprintAsync());
    }

    [DbFact]
    public async Task A_review_is_seen_in_the_reviewed_units_subtree_and_by_its_monitors_who_only_read_its_tasks()
    {
        var office = await OfficeAsync();
        var review = await CreateReviewAsync(office, Units.TayHo, 2024, "Kiểm điểm Đảng ủy phường Tây Hồ năm 2024", Units.UbndParty);
        var limitation = await AddLimitationAsync(office, review, "trong xây dựng Đảng", "Công tác phát triển đảng viên chưa đạt chỉ tiêu");
        var task = await AddItemAsync(office, limitation, "Rà soát nguồn phát triển đảng viên", Units.TayHo, app.Clock.Today.AddDays(40));

        using var tayHo = await app.ClientAsync(Roles.Viewer, Units.TayHo);
        Assert.Equal(HttpStatusCode.OK, (await tayHo.GetAsync($"/Reviews/Details/{review}")).StatusCode);

        using var other = await app.ClientAsync(Roles.Viewer, Units.HoanKiem);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Reviews/Details/{review}")).StatusCode);
        Assert.DoesNotContain($"/Reviews/Details/{review}\"", await other.GetStringAsync("/Reviews"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/tasks/{task}")).StatusCode);
        using var otherOffice = await app.ClientAsync(Roles.OfficeStaff, Units.HoanKiem, followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync($"/Reviews/Item/{limitation}")).StatusCode);

        using var monitor = await app.ClientAsync(Roles.Leader, Units.UbndParty);
        Assert.Contains($"/Reviews/Details/{review}\"", await monitor.GetStringAsync("/Reviews/Monitoring"));
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/Reviews/Details/{review}")).StatusCode);
        Assert.Equal(TaskKind.Remediation, (await monitor.TaskAsync(task)).Kind);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/Tasks/Details/{task}")).StatusCode);
        // The scope read by parts (as a search over a narrow scope reads it) gives the monitored task too.
        var (visible, byParts) = await app.AsUserAsync(TestApp.UserNameFor(Roles.Leader, Units.UbndParty), async (scope, db) =>
            (await scope.Visible(db.Tasks).Select(t => t.Id).ToListAsync(), await (await scope.VisibleIdsByPartsAsync(db.Tasks, CancellationToken.None)).ToListAsync()));
        Assert.Contains(task, byParts);
        Assert.Equal(visible.Order(), byParts.Distinct().Order());
        // Reading is all monitoring gives: the leader of the monitoring body judges nothing of the task.
        await _admin.ActAsync(task, "accept");
        await _admin.SubmitAsync(task);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsync($"/api/tasks/{task}/complete")).StatusCode);
        Assert.DoesNotContain($"/Reviews/Details/{review}\"", await tayHo.GetStringAsync("/Reviews/Monitoring"));
    }

    [DbFact]
    public async Task Next_years_review_starts_from_last_years_limitations_not_yet_remedied()
    {
        var office = await OfficeAsync();
        var lastYear = await CreateReviewAsync(office, Units.UbndParty, 2025, "Kiểm điểm Ban cán sự đảng năm 2025");
        var remedied = await AddLimitationAsync(office, lastYear, "trong lãnh đạo, chỉ đạo", "Chậm ban hành chương trình công tác");
        var open = await AddLimitationAsync(office, lastYear, "trong lãnh đạo, chỉ đạo", "Cải cách hành chính chưa đạt yêu cầu");
        var bare = await AddLimitationAsync(office, lastYear, "trong tổ chức thực hiện", "Phối hợp giữa các sở chưa chặt chẽ");
        await CompleteAsync(await AddItemAsync(office, remedied, "Ban hành chương trình công tác năm", Units.UbndParty, app.Clock.Today.AddDays(10)));
        await AddItemAsync(office, open, "Rà soát thủ tục hành chính", Units.UbndParty, app.Clock.Today.AddDays(60));

        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Reviews/Create")), "form-create-review");
        form["Input.Title"] = "Kiểm điểm Ban cán sự đảng năm 2026";
        form["Input.UnitId"] = Units.UbndParty.Id.ToString();
        form["Input.Year"] = "2026";
        // The first save offers what last year left unremedied, all ticked.
        var offered = await PageForm.ParseAsync(await form.PostAsync(office));
        var boxes = offered.QuerySelectorAll("#carry-over input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal([open, bare], boxes.Select(b => int.Parse(b.Value)).Order());
        Assert.All(boxes, b => Assert.True(b.IsChecked));
        var carry = PageForm.Of(offered, "form-create-review");
        carry["Input.CarryOverIds"] = null;
        carry.Add("Input.CarryOverIds", open.ToString());
        var response = await carry.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var review = int.Parse(response.Headers.Location!.ToString().Split('/')[^1]);

        var carried = await app.WithDbAsync(db => db.Limitations.AsNoTracking().Where(l => l.ReviewId == review).ToListAsync());
        var only = Assert.Single(carried);
        Assert.Equal(open, only.CarriedFromId);
        Assert.Equal("Cải cách hành chính chưa đạt yêu cầu", only.Text);
        Assert.Contains("Chuyển từ kỳ kiểm điểm trước", (await ReviewPageAsync(office, review)).QuerySelector($"#limitation-{only.Id}")!.TextContent);
    }

    [DbFact]
    public async Task The_monitoring_body_finds_the_open_remediation_items_in_its_inbox_until_they_are_done()
    {
        var office = await OfficeAsync();
        var review = await CreateReviewAsync(office, Units.HoanKiem, 2025, "Kiểm điểm Đảng ủy phường Hoàn Kiếm năm 2025", Units.UbndParty);
        var limitation = await AddLimitationAsync(office, review, "trong xây dựng Đảng", "Chậm kiện toàn chi bộ sau sắp xếp");
        var task = await AddItemAsync(office, limitation, "Kiện toàn các chi bộ khu dân cư", Units.HoanKiem, app.Clock.Today.AddDays(25));

        using var monitor = await app.ClientAsync(Roles.Viewer, Units.UbndParty);
        var inbox = await PageForm.ParseAsync(await monitor.GetAsync("/Inbox"));
        Assert.NotNull(inbox.QuerySelector($"#inbox-monitoring a[href='/Tasks/Details/{task}']"));
        using var reviewed = await app.ClientAsync(Roles.Viewer, Units.HoanKiem);
        Assert.Null((await PageForm.ParseAsync(await reviewed.GetAsync("/Inbox"))).QuerySelector($"#inbox-monitoring a[href='/Tasks/Details/{task}']"));

        await CompleteAsync(task);
        inbox = await PageForm.ParseAsync(await monitor.GetAsync("/Inbox"));
        Assert.Null(inbox.QuerySelector($"#inbox-monitoring a[href='/Tasks/Details/{task}']"));
    }

    [DbFact]
    public async Task A_review_held_at_a_conference_links_both_ways_and_keeps_its_own_lessons()
    {
        var conference = await app.WithDbAsync(async db =>
        {
            var c = new Conference
            {
                Title = "Hội nghị Ban Chấp hành Đảng bộ phường Ba Đình lần thứ 5", Kind = "Hội nghị Ban Chấp hành lần thứ 5",
                HeldOn = new DateOnly(2026, 1, 12), UnitId = Units.BaDinh.Id, CreatedAtUtc = DateTime.UtcNow,
            };
            db.Conferences.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var office = await OfficeAsync();
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Create?conference={conference}")), "form-create-review");
        // The conference gives the unit, the day and the year under review (a January review looks back on the year before).
        Assert.Equal(Units.BaDinh.Id.ToString(), form["Input.UnitId"]);
        Assert.Equal("2025", form["Input.Year"]);
        Assert.Equal("12/01/2026", form["Input.HeldOn"]);
        form["Input.Title"] = "Kiểm điểm Ban Chấp hành Đảng bộ phường Ba Đình năm 2025";
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var review = int.Parse(response.Headers.Location!.ToString().Split('/')[^1]);

        var reviewPage = await ReviewPageAsync(office, review);
        Assert.Equal($"/Conferences/Details/{conference}", reviewPage.GetElementById("review-conference")!.GetAttribute("href"));
        var conferencePage = await PageForm.ParseAsync(await office.GetAsync($"/Conferences/Details/{conference}"));
        Assert.Equal($"/Reviews/Details/{review}", conferencePage.QuerySelector("a.conference-review")!.GetAttribute("href"));

        var lesson = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Conferences/Lesson?review={review}")), "form-lesson");
        lesson["Input.Text"] = "  ";
        var refused = await PageForm.ParseAsync(await lesson.PostAsync(office));
        Assert.Equal(["Nhập nội dung bài học hoặc mô hình."], PageForm.Problems(refused));
        lesson["Input.Text"] = "Kiểm điểm gắn với kế hoạch khắc phục có cơ quan theo dõi.";
        Assert.Equal(HttpStatusCode.Redirect, (await lesson.PostAsync(office)).StatusCode);
        Assert.Contains("Kiểm điểm gắn với kế hoạch khắc phục có cơ quan theo dõi.", (await ReviewPageAsync(office, review)).GetElementById("review-lessons")!.TextContent);
        var listed = await office.GetStringAsync($"/Conferences/Lessons?unit={Units.BaDinh.Id}&q=co quan theo doi");
        Assert.Contains($"/Reviews/Details/{review}\"", listed);

        // A conference outside the office's scope is not one it can record a review at.
        using var otherOffice = await app.ClientAsync(Roles.OfficeStaff, Units.HoanKiem, followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync($"/Reviews/Create?conference={conference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync($"/Conferences/Lesson?review={review}")).StatusCode);
    }

    // ---- steps as the office takes them ----------------------------------------------------------

    private async Task<int> CreateReviewAsync(HttpClient office, Unit unit, int year, string title, Unit? monitor = null)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Reviews/Create")), "form-create-review");
        form["Input.Title"] = title;
        form["Input.UnitId"] = unit.Id.ToString();
        form["Input.Year"] = year.ToString();
        form["Input.HeldOn"] = $"{year + 1}-01-09";
        form["Input.MonitorUnitIds"] = monitor?.Id.ToString();
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    private async Task<int> AddLimitationAsync(HttpClient office, int review, string group, string text)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Limitation/{review}")), "form-limitation");
        form["Input.Group"] = group;
        form["Input.Text"] = text;
        form["Input.Cause"] = "Người đứng đầu chưa quyết liệt.";
        var response = await form.PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Limitations.Where(l => l.ReviewId == review && l.Text == text).Select(l => l.Id).SingleAsync());
    }

    private async Task<PageForm> ItemFormAsync(HttpClient office, int limitation, string work, Unit body, DateOnly due)
    {
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Reviews/Item/{limitation}")), "form-item");
        form["Input.ResponsiblePerson"] = "Đồng chí Phó Bí thư Thường trực";
        form["Input.Title"] = work;
        form["Input.AccountableUnitId"] = body.Id.ToString();
        form["Input.DueDate"] = due.ToString("yyyy-MM-dd");
        form["Input.ExpectedResult"] = "Khắc phục dứt điểm, báo cáo kết quả";
        return form;
    }

    /// <summary>Adds an item and returns the id of the task it became.</summary>
    private async Task<int> AddItemAsync(HttpClient office, int limitation, string work, Unit body, DateOnly due)
    {
        var response = await (await ItemFormAsync(office, limitation, work, body, due)).PostAsync(office);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.RemediationItems.Where(i => i.LimitationId == limitation && i.Task!.Title == work)
            .Select(i => i.TaskId).SingleAsync());
    }

    private async Task CompleteAsync(int task)
    {
        await _admin.ActAsync(task, "accept");
        await _admin.SubmitAsync(task);
        Assert.Equal(TaskState.Completed, (await _admin.ActAsync(task, "complete")).Status);
    }

    private static async Task<IHtmlDocument> ReviewPageAsync(HttpClient client, int review) =>
        await PageForm.ParseAsync(await client.GetAsync($"/Reviews/Details/{review}"));

    private static string Count(IHtmlDocument page, int limitation) =>
        page.QuerySelector($"#limitation-{limitation} .progress-count")!.TextContent.Trim();

    private static bool Remedied(IHtmlDocument page, int limitation) =>
        page.QuerySelector($"#limitation-{limitation} .limitation-progress")!.TextContent.Contains("Đã khắc phục");
}

public sealed class ReviewsOnSqlite(SqliteApp app) : ReviewTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ReviewsOnPostgres(PostgresApp app) : ReviewTests(app), IClassFixture<PostgresApp>;
