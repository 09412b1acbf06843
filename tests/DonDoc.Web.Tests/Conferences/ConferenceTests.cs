using System.Net;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Conferences;

/// <summary>Conferences and their lessons through the pages: who sees them, what the form refuses, how lessons are found.</summary>
public abstract class ConferenceTests(TestApp app)
{
    private async Task<int> HeldByAsync(int unitId, string title, params (LessonKind Kind, string Text)[] lessons) => await app.WithDbAsync(async db =>
    {
        var conference = new Conference
        {
            Title = title, Kind = "Hội nghị sơ kết", HeldOn = new DateOnly(2025, 6, 20), UnitId = unitId,
            Source = new ImportSource { Content = $"Văn bản gốc: {title}." },
        };
        db.Conferences.Add(conference);
        await db.SaveChangesAsync();
        db.Lessons.AddRange(lessons.Select((l, i) => new Lesson { Kind = l.Kind, Text = l.Text, Position = i, ConferenceId = conference.Id, UnitId = unitId, Year = 2025 }));
        await db.SaveChangesAsync();
        return conference.Id;
    });

    private static async Task<string> TextAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [DbFact]
    public async Task A_wards_conference_and_its_source_are_seen_in_its_subtree_only()
    {
        var units = app.Units;
        var title = $"Sơ kết của chi bộ {Guid.NewGuid():N}";
        var id = await HeldByAsync(units.BaDinhCell.Id, title);

        using var own = await app.ClientAsync(Roles.Viewer, units.BaDinh);
        Assert.Contains(title, await TextAsync(own, "/Conferences"));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/Conferences/Details/{id}")).StatusCode);
        Assert.Contains("Văn bản gốc: " + title, await TextAsync(own, $"/Conferences/Source/{id}"));

        using var other = await app.ClientAsync(Roles.Viewer, units.HoanKiem);
        Assert.DoesNotContain(title, await TextAsync(other, "/Conferences"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Conferences/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Conferences/Source/{id}")).StatusCode);

        using var city = await app.ClientAsync(Roles.Viewer, units.Root);
        Assert.Contains(title, await TextAsync(city, $"/Conferences?unit={units.BaDinh.Id}&year=2025"));
        Assert.DoesNotContain(title, await TextAsync(city, $"/Conferences?unit={units.HoanKiem.Id}"));
        Assert.DoesNotContain(title, await TextAsync(city, "/Conferences?year=2024"));
    }

    [DbFact]
    public async Task The_office_records_a_conference_and_bad_input_is_refused_naming_the_field()
    {
        var units = app.Units;
        // Redirects are read, not followed: a followed redirect would drop the access token.
        using var office = await app.ClientAsync(Roles.OfficeStaff, units.BaDinh, followRedirects: false);
        var form = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync("/Conferences/Edit")), "form-conference");
        var before = await app.FootprintAsync();

        form["Input.Title"] = "";
        form["Input.Kind"] = "";
        form["Input.Format"] = nameof(ConferenceFormat.Hybrid);
        form["Input.UnitId"] = units.HoanKiem.Id.ToString();
        form["Input.Conclusion"] = "999-KL/TU";
        var refused = await PageForm.ParseAsync(await form.PostAsync(office));
        var problems = PageForm.Problems(refused);
        Assert.Contains("Nhập tên hội nghị.", problems);
        Assert.Contains(problems, p => p.StartsWith("Nhập loại hội nghị", StringComparison.Ordinal));
        Assert.Contains("Đơn vị tổ chức không có trong phạm vi của bạn.", problems);
        Assert.Contains("Hội nghị trực tuyến hoặc kết hợp cần ít nhất một điểm cầu, mỗi điểm cầu một dòng.", problems);
        Assert.Contains(problems, p => p.StartsWith("Văn bản 999-KL/TU chưa có trong sổ", StringComparison.Ordinal));
        Assert.NotNull(refused.QuerySelector("[data-valmsg-for='Input.Title'].field-validation-error, .field-validation-error[data-valmsg-for='Input.Title']"));
        Assert.Equal(before, await app.FootprintAsync());

        var conclusion = await app.WithServicesAsync(async services =>
            (await services.GetRequiredService<DocumentRegistry>().RegisterAsync(new NewDocument
            {
                Symbol = $"{Random.Shared.Next(100, 999)}-KL/TU", IssuedOn = new DateOnly(2025, 6, 25), Title = "Thông báo kết luận hội nghị sơ kết",
            }, DocumentStatus.Registered, units.BaDinh.Id)).Value!);
        form = PageForm.Of(refused, "form-conference");
        form["Input.Title"] = "Hội nghị sơ kết 6 tháng đầu năm 2025";
        form["Input.Kind"] = "Hội nghị sơ kết";
        form["Input.HeldOn"] = "2025-06-20";
        form["Input.UnitId"] = units.BaDinh.Id.ToString();
        form["Input.Bridges"] = $"{units.BaDinhCell.Name}\nĐiểm cầu Hội trường lớn";
        form["Input.Chairs"] = "Nguyễn Văn Chủ Trì";
        form["Input.Participants"] = "Trần Thị Dự Họp\nnguyễn văn chủ trì";
        form["Input.Replaces"] = "3 hội nghị sơ kết của các ban";
        form["Input.Conclusion"] = conclusion.Symbol;
        var saved = await form.PostAsync(office);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1]);

        await app.WithDbAsync(async db =>
        {
            var c = await db.Conferences.SingleAsync(x => x.Id == id);
            Assert.Equal((units.BaDinh.Id, ConferenceFormat.Hybrid, conclusion.Id, 1), (c.UnitId!.Value, c.Format, c.ConclusionId!.Value, c.Version));
            var bridges = await db.ConferenceBridges.Where(b => b.ConferenceId == id).OrderBy(b => b.Position).ToListAsync();
            Assert.Equal([units.BaDinhCell.Id, null], bridges.Select(b => b.UnitId));
            var people = await db.ConferencePeople.Where(p => p.ConferenceId == id).Include(p => p.Person).ToListAsync();
            Assert.Equal(2, people.Count);
            Assert.Equal(ConferenceRole.Chair, people.Single(p => p.Person!.Name == "Nguyễn Văn Chủ Trì").Role);
        });

        // Two forms read at version 1: the second save is refused, not written over the first.
        var first = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Conferences/Edit/{id}")), "form-conference");
        var second = PageForm.Of(await PageForm.ParseAsync(await office.GetAsync($"/Conferences/Edit/{id}")), "form-conference");
        first["Input.Title"] = "Hội nghị sơ kết (đã sửa)";
        var edited = await first.PostAsync(office);
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.Content.ReadAsStringAsync());
        second["Input.Title"] = "Hội nghị sơ kết (sửa lần hai)";
        var conflict = await second.PostAsync(office);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("vừa được người khác sửa", await conflict.Content.ReadAsStringAsync());
        Assert.Equal("Hội nghị sơ kết (đã sửa)", await app.WithDbAsync(db => db.Conferences.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));

        using var viewer = await app.ClientAsync(Roles.Viewer, units.BaDinh);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Conferences/Edit")).StatusCode);
    }

    [DbFact]
    public async Task Lessons_are_listed_by_year_and_unit_and_found_with_or_without_diacritics()
    {
        var units = app.Units;
        var marker = Guid.NewGuid().ToString("N")[..8];
        await HeldByAsync(units.BaDinh.Id, $"Tổng kết {marker}",
            (LessonKind.Lesson, $"Phát huy truyền thống đoàn kết, thống nhất {marker}"),
            (LessonKind.Model, $"Mô hình “Dân vận khéo” ở khu dân cư {marker}"));
        await HeldByAsync(units.HoanKiem.Id, $"Tổng kết khác {marker}", (LessonKind.Lesson, $"Đoàn kết là sức mạnh của phường bạn {marker}"));

        using var viewer = await app.ClientAsync(Roles.Viewer, units.BaDinh);
        var accented = await TextAsync(viewer, $"/Conferences/Lessons?q={Uri.EscapeDataString("ĐOÀN KẾT, THỐNG")}");
        Assert.Contains($"Phát huy truyền thống đoàn kết, thống nhất {marker}", accented);
        Assert.DoesNotContain("phường bạn", accented);
        var plain = await TextAsync(viewer, $"/Conferences/Lessons?q={Uri.EscapeDataString("doan ket")}&year=2025&unit={units.BaDinh.Id}");
        Assert.Contains($"Phát huy truyền thống đoàn kết, thống nhất {marker}", plain);
        Assert.DoesNotContain($"Dân vận khéo", plain);
        var models = await TextAsync(viewer, $"/Conferences/Lessons?kind=Model&q={marker}");
        Assert.Contains("Dân vận khéo", models);
        Assert.DoesNotContain("Phát huy truyền thống", models);
        Assert.DoesNotContain($"thống nhất {marker}", await TextAsync(viewer, $"/Conferences/Lessons?year=2024&q={marker}"));

        using var other = await app.ClientAsync(Roles.Viewer, units.HoanKiem);
        Assert.DoesNotContain("Phát huy truyền thống", await TextAsync(other, $"/Conferences/Lessons?q={marker}"));
    }
}

public sealed class ConferencesOnSqlite(SqliteApp app) : ConferenceTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class ConferencesOnPostgres(PostgresApp app) : ConferenceTests(app), IClassFixture<PostgresApp>;
