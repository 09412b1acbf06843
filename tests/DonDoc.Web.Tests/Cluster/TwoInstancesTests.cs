using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>
/// Two instances of the application on two loopback ports over one database: a user signed in on
/// one works on the other, and edits racing through both never overwrite each other.
/// </summary>
public abstract class TwoInstancesTests(TestApp app) : IAsyncLifetime
{
    private OtherInstance _a = null!;
    private OtherInstance _b = null!;

    public Task InitializeAsync()
    {
        _a = new OtherInstance(app, onKestrel: true);
        _b = new OtherInstance(app, onKestrel: true);
        Assert.NotEqual(_a.Address!.Port, _b.Address!.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [DbFact]
    public async Task Signed_in_on_A_the_user_acts_on_B()
    {
        var id = await CreateTaskAsync("Rà soát, bổ sung quy hoạch cán bộ");
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var onA = new HttpClient(handler, disposeHandler: false) { BaseAddress = _a.Address };
        using var onB = new HttpClient(handler, disposeHandler: false) { BaseAddress = _b.Address };

        var login = PageForm.Of(await PageForm.ParseAsync(await onA.GetAsync("/Accounts/Login")), "form-login");
        login["Input.UserName"] = AccountSeed.AdminUserName;
        login["Input.Password"] = TestApp.AdminPassword;
        using (var signedIn = await login.PostAsync(onA))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The cookie written by A opens B's pages, and a form served by A is accepted by B.
        var pageFromA = PageForm.Of(await PageForm.ParseAsync(await onA.GetAsync($"/Tasks/Details/{id}")), "form-accept");
        using (var accepted = await pageFromA.PostAsync(onB))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(TaskState.Accepted, (await Api(_b).TaskAsync(id)).Status);

        var pageFromB = PageForm.Of(await PageForm.ParseAsync(await onB.GetAsync($"/Tasks/Details/{id}")), "form-submit");
        pageFromB["Submit.Result"] = "Đã hoàn thành các nội dung được giao.";
        using (var submitted = await pageFromB.PostAsync(onB))
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(TaskState.Submitted, (await Api(_a).TaskAsync(id)).Status);
    }

    [DbFact]
    public async Task Racing_edits_through_both_instances_give_409s_and_lose_nothing()
    {
        var id = await CreateTaskAsync("Báo cáo tiến độ thực hiện Chương trình 01");
        using var a = Api(_a);
        using var b = Api(_b);
        await a.ActAsync(id, "accept");
        const int rounds = 8;
        var won = 0;
        for (var round = 0; round < rounds; round++)
        {
            var version = (await b.TaskAsync(id)).Version;
            var racing = new[] { a, b }.Select(client => ProgressAsync(client, id, version, $"Vòng {round}"));
            var answers = await Task.WhenAll(racing);
            Assert.Single(answers, s => s == HttpStatusCode.OK);
            Assert.Single(answers, s => s == HttpStatusCode.Conflict);
            won++;
        }

        var task = await a.TaskAsync(id);
        Assert.Equal(rounds, task.Progress.Count);
        Assert.Equal(won, task.Progress.Select(p => p.Text).Distinct().Count());
        Assert.Equal((await b.TaskAsync(id)).Version, task.Version);
    }

    private static async Task<HttpStatusCode> ProgressAsync(HttpClient client, int id, int version, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{id}/progress")
        {
            Content = JsonContent(new { Percent = 50, Text = text }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Infrastructure.Api.Json), System.Text.Encoding.UTF8, "application/json");

    private async Task<int> CreateTaskAsync(string title)
    {
        using var admin = Api(_a);
        var created = await admin.PostAsync("/api/tasks", new
        {
            Title = title,
            LeadUnitId = app.Units.BaDinh.Id,
            DueDate = app.Clock.Today.AddDays(20),
        }).OkAsync<TaskDetail>();
        return created.Id;
    }

    private static HttpClient Api(OtherInstance instance)
    {
        var client = new HttpClient { BaseAddress = instance.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", instance.Token);
        return client;
    }
}

public sealed class TwoInstancesOnSqlite(SqliteApp app) : TwoInstancesTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class TwoInstancesOnPostgres(PostgresApp app) : TwoInstancesTests(app), IClassFixture<PostgresApp>;
