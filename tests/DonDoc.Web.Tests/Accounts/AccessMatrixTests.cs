using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>
/// Every endpoint and page handler of the route table, asked by every role (and by no one) about a
/// record inside the caller's unit subtree and one outside it. Each must be classified below: a new
/// route fails this test until someone decides who may reach it.
/// </summary>
public abstract partial class AccessMatrixTests(TestApp app)
{
    /// <summary>What a request must come to.</summary>
    public enum Access
    {
        // Reached the handler: a 2xx or 3xx, or a 400 / 409 about the input or the record's state.
        Allowed,
        // Reached the handler, which refused what lies outside the scope as unknown: a 400, or a page showing its problems.
        Refused,
        Forbidden,
        NotFound,
        // No one signed in: 401 from the API, a redirect to the sign-in page from a page.
        SignIn,
    }

    private static readonly string?[] Callers = [null, .. Roles.All];

    // ---- who may do what ------------------------------------------------------------------------

    private static Func<string?, bool, Access> Public => (_, _) => Access.Allowed;

    private static Func<string?, bool, Access> SignedIn => (role, _) => role is null ? Access.SignIn : Access.Allowed;

    // Pages about records that are not unit-scoped; asked for one that does not exist, only the gate is checked.
    private static Func<string?, bool, Access> SignedInMissing => (role, _) => role is null ? Access.SignIn : Access.NotFound;

    private static Func<string?, bool, Access> Read(Access outside = Access.NotFound) => (role, inScope) =>
        role is null ? Access.SignIn : inScope || role == Roles.Administrator ? Access.Allowed : outside;

    private static Func<string?, bool, Access> Right(TaskRight right) => (role, inScope) =>
        role is null ? Access.SignIn
        : role == Roles.Administrator ? Access.Allowed
        : !inScope ? Access.NotFound
        : Holds(role, right) ? Access.Allowed : Access.Forbidden;

    // The in-scope task is led by and assigned by the caller's own unit, so the role alone decides.
    private static bool Holds(string role, TaskRight right) => right switch
    {
        TaskRight.Accept or TaskRight.Progress or TaskRight.Submit or TaskRight.RequestExtension => role == Roles.UnitOfficer,
        TaskRight.Complete or TaskRight.Return or TaskRight.DecideExtension => role == Roles.Leader,
        _ => role == Roles.OfficeStaff,
    };

    private static Func<string?, bool, Access> Only(string[] roles, Access outside) => (role, inScope) =>
        role is null ? Access.SignIn
        : !roles.Contains(role) ? Access.Forbidden
        : inScope || role == Roles.Administrator ? Access.Allowed : outside;

    private static readonly string[] Office = [Roles.Administrator, Roles.OfficeStaff];
    private static readonly string[] Admin = [Roles.Administrator];
    // Who reports indicator actuals: a unit's own officer, or the office for units not yet on DonDoc.
    private static readonly string[] Reporters = [Roles.Administrator, Roles.OfficeStaff, Roles.UnitOfficer];

    private static Func<string?, bool, Access> OfficeOnly(Access outside = Access.Allowed) => Only(Office, outside);

    // Office pages about a document that does not exist: the role is checked first.
    private static Func<string?, bool, Access> OfficeMissing => (role, _) =>
        role is null ? Access.SignIn : !Office.Contains(role) ? Access.Forbidden : Access.NotFound;

    // The administrator manages every account; the "outside" one is an account that does not exist.
    private static Func<string?, bool, Access> AdminAccount => (role, inScope) =>
        role is null ? Access.SignIn : role != Roles.Administrator ? Access.Forbidden : inScope ? Access.Allowed : Access.NotFound;

    private static Func<string?, bool, Access> OwnToken => (role, inScope) =>
        role is null ? Access.SignIn : inScope ? Access.Allowed : Access.NotFound;

    // ---- the table ------------------------------------------------------------------------------

    private sealed record Case(Func<Ctx, bool, HttpRequestMessage> Request, Func<string?, bool, Access> Expect);

    private static Dictionary<string, Case> Table() => new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = new((_, _) => Get("/healthz"), Public),
        ["ANY /healthz/ready"] = new((_, _) => Get("/healthz/ready"), Public),
        ["GET /openapi/{documentName}.json"] = new((_, _) => Get("/openapi/v1.json"), Public),
        ["PAGE /Error?handler=HandlerExecution"] = new((_, _) => Get("/Error?code=400"), Public),
        ["GET /Accounts/Login"] = new((_, _) => Get("/Accounts/Login"), Public),
        ["POST /Accounts/Login"] = new((c, _) => Form("/Accounts/Login", c, ("Input.UserName", "khong-co"), ("Input.Password", "Sai-mat-khau-1")), Public),
        ["GET /Accounts/Logout"] = new((_, _) => Get("/Accounts/Logout"), SignedIn),
        ["POST /Accounts/Logout"] = new((c, _) => Form("/Accounts/Logout", c), SignedIn),
        ["GET /Accounts/ChangePassword"] = new((_, _) => Get("/Accounts/ChangePassword"), SignedIn),
        ["POST /Accounts/ChangePassword"] = new((c, _) => Form("/Accounts/ChangePassword", c), SignedIn),
        ["GET /Accounts/Tokens"] = new((_, _) => Get("/Accounts/Tokens"), SignedIn),
        ["POST /Accounts/Tokens"] = new((c, _) => Form("/Accounts/Tokens", c, ("Input.Name", "")), SignedIn),
        ["POST /Accounts/Tokens?handler=Revoke"] = new((c, i) => Form($"/Accounts/Tokens?handler=Revoke&tokenId={(i ? c.OwnTokenId : c.OthersTokenId)}", c), OwnToken),
        ["GET /Accounts/Users/Index"] = new((_, _) => Get("/Accounts/Users"), Only(Admin, Access.Allowed)),
        ["GET /Accounts/Users/Create"] = new((_, _) => Get("/Accounts/Users/Create"), Only(Admin, Access.Allowed)),
        ["POST /Accounts/Users/Create"] = new((c, _) => Form("/Accounts/Users/Create", c), Only(Admin, Access.Allowed)),
        ["GET /Accounts/Users/Edit"] = new((c, i) => Get($"/Accounts/Users/Edit/{c.Account(i)}"), AdminAccount),
        ["POST /Accounts/Users/Edit"] = new((c, i) => Form($"/Accounts/Users/Edit/{c.Account(i)}", c), AdminAccount),
        ["POST /Accounts/Users/Edit?handler=ResetPassword"] = new((c, i) => Form($"/Accounts/Users/Edit/{c.Account(i)}?handler=ResetPassword", c), AdminAccount),
        ["POST /Accounts/Users/Edit?handler=Lock"] = new((c, i) => Form($"/Accounts/Users/Edit/{c.Account(i)}?handler=Lock", c), AdminAccount),
        ["POST /Accounts/Users/Edit?handler=Unlock"] = new((c, i) => Form($"/Accounts/Users/Edit/{c.Account(i)}?handler=Unlock", c), AdminAccount),

        ["GET /Index"] = new((_, _) => Get("/"), SignedIn),
        ["GET /Inbox/Index"] = new((_, _) => Get("/Inbox"), SignedIn),
        // Notices and the digest preference are the caller's own; another person's notice does not exist for them.
        ["GET /Notices/Index"] = new((_, _) => Get("/Notices"), SignedIn),
        ["POST /Notices/Index?handler=ReadAll"] = new((c, _) => Form("/Notices?handler=ReadAll", c), SignedIn),
        ["GET /Notices/Open"] = new((_, _) => Get("/Notices/Open/987654"), SignedInMissing),
        ["GET /Notices/Preferences"] = new((_, _) => Get("/Notices/Preferences"), SignedIn),
        ["POST /Notices/Preferences"] = new((c, _) => Form("/Notices/Preferences", c, ("Input.EmailDigest", "false"), ("Input.DigestHour", 7)), SignedIn),
        ["GET /Notices/Escalation"] = new((_, _) => Get("/Notices/Escalation"), OfficeOnly()),
        ["POST /Notices/Escalation"] = new((c, i) => Form("/Notices/Escalation", c, ("unitId", c.Unit(i)), ("days", 5)), OfficeOnly(Access.NotFound)),
        // Each picked task is judged by its own rights; what is refused is reported on the page it returns to.
        ["POST /Inbox/Index?handler=Decide"] = new((c, i) => Form("/Inbox?handler=Decide", c, ("Picked", c.Task(i)), ("Decision", "Return"),
            ("Reason", "Bổ sung số liệu")), SignedIn),
        ["GET /Dashboard/Index"] = new((c, i) => Get($"/Dashboard/{c.Unit(i)}"), Read()),
        ["GET /Dashboard/Tasks"] = new((c, i) => Get($"/Dashboard/Tasks?unit={c.Unit(i)}&asOf=2026-01-15&status=overdue"), Read()),
        ["GET /Search/Index"] = new((_, _) => Get("/Search?q=thanh%20uy"), SignedIn),
        ["GET /Units/Index"] = new((c, i) => Get($"/Units?open={c.Unit(i)}"), Read()),
        ["GET /Units/Index?handler=Children"] = new((c, i) => Get($"/Units?handler=Children&id={c.Unit(i)}"), Read()),
        ["GET /Units/Details"] = new((c, i) => Get($"/Units/Details/{c.Unit(i)}"), Read()),
        ["GET /Units/Reorganize"] = new((_, _) => Get("/Units/Reorganize"), Only(Admin, Access.Allowed)),
        ["POST /Units/Reorganize?handler=Merge"] = new((c, _) => Form("/Units/Reorganize?handler=Merge", c), Only(Admin, Access.Allowed)),
        ["POST /Units/Reorganize?handler=Split"] = new((c, _) => Form("/Units/Reorganize?handler=Split", c), Only(Admin, Access.Allowed)),
        ["POST /Units/Reorganize?handler=AddRow"] = new((c, _) => Form("/Units/Reorganize?handler=AddRow", c), Only(Admin, Access.Allowed)),

        ["GET /Tasks/Index"] = new((c, i) => Get($"/Tasks?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /Tasks/Create"] = new((c, i) => Get($"/Tasks/Create?parent={c.Task(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /Tasks/Create"] = new((c, i) => Form("/Tasks/Create", c, ("Input.Title", "Nhiệm vụ kiểm tra quyền"), ("Input.LeadUnitId", c.Unit(i)),
            ("Input.DeadlineKind", "Date"), ("Input.DueDate", "2026-12-31")), OfficeOnly(Access.Refused)),
        ["POST /Tasks/Create?handler=Units"] = new((c, i) => Form("/Tasks/Create?handler=Units", c, ("Input.LeadUnitId", c.Unit(i))), OfficeOnly()),
        ["GET /Tasks/Edit"] = new((c, i) => Get($"/Tasks/Edit/{c.Task(i)}"), OfficeOnly(Access.NotFound)),
        // An empty form: refused with its problems inside the scope, never written.
        ["POST /Tasks/Edit"] = new((c, i) => Form($"/Tasks/Edit/{c.Task(i)}", c), OfficeOnly(Access.NotFound)),
        ["POST /Tasks/Edit?handler=Units"] = new((c, i) => Form($"/Tasks/Edit/{c.Task(i)}?handler=Units", c), OfficeOnly(Access.NotFound)),
        ["GET /Tasks/Details"] = new((c, i) => Get($"/Tasks/Details/{c.Task(i)}"), Read()),
        ["GET /Tasks/Details?handler=Evidence"] = new((c, i) => Get($"/Tasks/Details/{c.Task(i)}?handler=Evidence&evidenceId={c.Evidence(i)}"), Read()),
        ["POST /Tasks/Details?handler=Accept"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Accept", c), Right(TaskRight.Accept)),
        ["POST /Tasks/Details?handler=Progress"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Progress", c,
            ("Progress.Percent", "20"), ("Progress.Text", "Đã triển khai")), Right(TaskRight.Progress)),
        ["POST /Tasks/Details?handler=Submit"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Submit", c, ("Submit.Result", "Đã hoàn thành")),
            Right(TaskRight.Submit)),
        ["POST /Tasks/Details?handler=Extension"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Extension", c,
            ("Extension.RequestedDueDate", "2026-12-31"), ("Extension.Reason", "Cần thêm thời gian")), Right(TaskRight.RequestExtension)),
        ["POST /Tasks/Details?handler=Complete"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Complete", c), Right(TaskRight.Complete)),
        ["POST /Tasks/Details?handler=Return"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Return", c, ("Return.Reason", "Bổ sung số liệu")),
            Right(TaskRight.Return)),
        ["POST /Tasks/Details?handler=DecideExtension"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=DecideExtension&requestId={c.Extension(i)}", c,
            ("Decision.Approve", "false"), ("Decision.Note", "Chưa đủ lý do")), Right(TaskRight.DecideExtension)),
        ["POST /Tasks/Details?handler=FanOut"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=FanOut", c), Right(TaskRight.FanOut)),
        ["GET /Tasks/Details?handler=FanOutPreview"] = new((c, i) => Get($"/Tasks/Details/{c.Task(i)}?handler=FanOutPreview"), Right(TaskRight.FanOut)),
        ["POST /Tasks/Details?handler=Withdraw"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Withdraw", c), Right(TaskRight.FanOut)),

        ["GET /Documents/Index"] = new((_, _) => Get("/Documents"), SignedIn),
        ["GET /Documents/Details"] = new((c, i) => Get($"/Documents/Details/{c.Document(i)}"), Read()),
        ["GET /Documents/Create"] = new((_, _) => Get("/Documents/Create"), OfficeOnly()),
        ["GET /Operations/Storage"] = new((_, _) => Get("/Operations/Storage"), OfficeOnly()),
        ["GET /Operations/Mail"] = new((_, _) => Get("/Operations/Mail"), OfficeOnly()),
        ["POST /Operations/Mail?handler=Retry"] = new((c, _) => Form("/Operations/Mail?handler=Retry", c), OfficeOnly()),
        ["POST /Documents/Create"] = new((c, _) => Form("/Documents/Create", c), OfficeOnly()),

        ["GET /Import/Index"] = new((_, _) => Get("/Import"), OfficeOnly()),
        ["POST /Import/Index?handler=Read"] = new((c, _) => Form("/Import?handler=Read", c), OfficeOnly()),
        ["POST /Import/Index?handler=Check"] = new((c, _) => Form("/Import?handler=Check", c), OfficeOnly()),
        ["POST /Import/Index?handler=Confirm"] = new((c, _) => Form("/Import?handler=Confirm", c), OfficeOnly()),
        ["GET /TaskImport/Index"] = new((_, _) => Get("/TaskImport"), OfficeOnly()),
        ["GET /TaskImport/Index?handler=Template"] = new((_, _) => Get("/TaskImport?handler=Template"), OfficeOnly()),
        // No file: refused with its reason on the page. A token that is not the caller's preview is not found.
        ["POST /TaskImport/Index?handler=Preview"] = new((c, _) => Form("/TaskImport?handler=Preview", c), OfficeOnly()),
        ["POST /TaskImport/Index?handler=Confirm"] = new((c, _) => Form($"/TaskImport?handler=Confirm&token={Guid.Empty}", c), OfficeMissing),
        ["POST /TaskImport/Index?handler=Abandon"] = new((c, _) => Form($"/TaskImport?handler=Abandon&token={Guid.Empty}", c), OfficeOnly()),
        ["GET /Conclusions/Index"] = new((_, _) => Get("/Conclusions"), OfficeOnly()),
        ["POST /Conclusions/Index?handler=Read"] = new((c, _) => Form("/Conclusions?handler=Read", c), OfficeOnly()),
        ["GET /Conclusions/Review"] = new((_, _) => Get("/Conclusions/Review/987654"), OfficeMissing),
        ["POST /Conclusions/Review?handler=Save"] = new((c, _) => Form("/Conclusions/Review/987654?handler=Save", c), OfficeMissing),
        ["POST /Conclusions/Review?handler=Drop"] = new((c, _) => Form("/Conclusions/Review/987654?handler=Drop&draft=1", c), OfficeMissing),
        ["POST /Conclusions/Review?handler=Split"] = new((c, _) => Form("/Conclusions/Review/987654?handler=Split&draft=1", c), OfficeMissing),
        ["POST /Conclusions/Review?handler=Merge"] = new((c, _) => Form("/Conclusions/Review/987654?handler=Merge&draft=1", c), OfficeMissing),
        ["POST /Conclusions/Review?handler=Confirm"] = new((c, _) => Form("/Conclusions/Review/987654?handler=Confirm", c), OfficeMissing),
        ["GET /Conferences/Index"] = new((c, i) => Get($"/Conferences?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /Conferences/Details"] = new((c, i) => Get($"/Conferences/Details/{c.Conference(i)}"), Read()),
        ["GET /Conferences/Person"] = new((_, _) => Get("/Conferences/Person/987654"), SignedInMissing),
        ["GET /Conferences/Source"] = new((c, i) => Get($"/Conferences/Source/{c.Conference(i)}"), Read()),
        ["GET /Conferences/Lessons"] = new((c, i) => Get($"/Conferences/Lessons?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /Conferences/Lesson"] = new((c, i) => Get($"/Conferences/Lesson?conference={c.Conference(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /Conferences/Lesson"] = new((c, i) => Form($"/Conferences/Lesson?conference={c.Conference(i)}", c, ("Input.Kind", "Lesson"),
            ("Input.Text", "Bài học kiểm tra quyền")), OfficeOnly(Access.NotFound)),
        ["GET /Conferences/Edit"] = new((c, i) => Get($"/Conferences/Edit/{c.Conference(i)}"), OfficeOnly(Access.NotFound)),
        // An empty form: refused with its problems inside the scope, never written.
        ["POST /Conferences/Edit"] = new((c, i) => Form($"/Conferences/Edit/{c.Conference(i)}", c), OfficeOnly(Access.NotFound)),

        ["GET /Reviews/Index"] = new((_, _) => Get("/Reviews"), SignedIn),
        ["GET /Reviews/Monitoring"] = new((_, _) => Get("/Reviews/Monitoring"), SignedIn),
        ["GET /Reviews/Details"] = new((c, i) => Get($"/Reviews/Details/{c.Review(i)}"), Read()),
        ["GET /Reviews/Create"] = new((_, _) => Get("/Reviews/Create"), OfficeOnly()),
        ["POST /Reviews/Create"] = new((c, i) => Form("/Reviews/Create", c, ("Input.Title", "Kiểm điểm kiểm tra quyền"), ("Input.UnitId", c.Unit(i)),
            ("Input.Year", 2026), ("Input.HeldOn", "2026-01-09")), OfficeOnly(Access.Refused)),
        ["POST /Reviews/Create?handler=Units"] = new((c, i) => Form("/Reviews/Create?handler=Units", c, ("Input.UnitId", c.Unit(i)), ("Input.Year", 2026)), OfficeOnly()),
        ["GET /Reviews/Limitation"] = new((c, i) => Get($"/Reviews/Limitation/{c.Review(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /Reviews/Limitation"] = new((c, i) => Form($"/Reviews/Limitation/{c.Review(i)}", c, ("Input.Group", "trong kiểm tra quyền"),
            ("Input.Text", "Hạn chế kiểm tra quyền")), OfficeOnly(Access.NotFound)),
        ["GET /Reviews/Item"] = new((c, i) => Get($"/Reviews/Item/{c.Limitation(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /Reviews/Item"] = new((c, i) => Form($"/Reviews/Item/{c.Limitation(i)}", c), OfficeOnly(Access.NotFound)),
        ["POST /Reviews/Item?handler=Units"] = new((c, i) => Form($"/Reviews/Item/{c.Limitation(i)}?handler=Units", c), OfficeOnly(Access.NotFound)),

        // The year's frame: read with the unit, written by the office. A version of 0 read before another caller wrote is a conflict (409), still reached.
        ["GET /Years/Index"] = new((c, i) => Get($"/Years?unit={c.Unit(i)}&year=2026"), Read()),
        ["POST /Years/Index?handler=Frame"] = new((c, i) => Form($"/Years?unit={c.Unit(i)}&year=2026&handler=Frame", c, ("Frame.Theme", "Chủ đề kiểm tra quyền"),
            ("Frame.Groups", "Nhóm kiểm tra quyền")), OfficeOnly(Access.NotFound)),
        ["POST /Years/Index?handler=File"] = new((c, i) => Form($"/Years?unit={c.Unit(i)}&year=2026&handler=File", c, ("number", 1), ("taskId", c.Task(i))),
            OfficeOnly(Access.NotFound)),
        ["POST /Years/Index?handler=Unfile"] = new((c, i) => Form($"/Years?unit={c.Unit(i)}&year=2026&handler=Unfile", c, ("number", 1), ("taskId", c.Task(i))),
            OfficeOnly(Access.NotFound)),
        ["GET /api/units/{id:int}/years/{year:int}/"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/years/2026"), Read()),
        ["PUT /api/units/{id:int}/years/{year:int}/"] = new((c, i) => Put($"/api/units/{c.Unit(i)}/years/2026", new { Theme = "Chủ đề kiểm tra quyền", Groups = new[] { "Nhóm một" } }),
            OfficeOnly(Access.NotFound)),
        ["POST /api/units/{id:int}/years/{year:int}/groups/{number:int}/tasks"] = new((c, i) => Json($"/api/units/{c.Unit(i)}/years/2026/groups/1/tasks",
            new { TaskId = c.Task(i) }), OfficeOnly(Access.NotFound)),
        ["DELETE /api/units/{id:int}/years/{year:int}/groups/{number:int}/tasks/{taskId:int}"] = new((c, i) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/units/{c.Unit(i)}/years/2026/groups/1/tasks/{c.Task(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /Years/Index?handler=FileIndicator"] = new((c, i) => Form($"/Years?unit={c.Unit(i)}&year=2026&handler=FileIndicator", c, ("number", 1),
            ("indicatorId", c.Indicator(i))), OfficeOnly(Access.NotFound)),
        ["POST /Years/Index?handler=UnfileIndicator"] = new((c, i) => Form($"/Years?unit={c.Unit(i)}&year=2026&handler=UnfileIndicator", c, ("number", 1),
            ("indicatorId", c.Indicator(i))), OfficeOnly(Access.NotFound)),
        ["POST /api/units/{id:int}/years/{year:int}/groups/{number:int}/indicators"] = new((c, i) => Json($"/api/units/{c.Unit(i)}/years/2026/groups/1/indicators",
            new { IndicatorId = c.Indicator(i) }), OfficeOnly(Access.NotFound)),
        ["DELETE /api/units/{id:int}/years/{year:int}/groups/{number:int}/indicators/{indicatorId:int}"] = new((c, i) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/units/{c.Unit(i)}/years/2026/groups/1/indicators/{c.Indicator(i)}"), OfficeOnly(Access.NotFound)),
        // Grading: the parent's office grades its children; outside, the city grading Hoàn Kiếm.
        ["GET /Grading/Index"] = new((c, i) => Get($"/Grading?unit={c.Unit(i)}&year=2026"), Read()),
        ["POST /Grading/Index?handler=Grade"] = new((c, i) => Form($"/Grading?unit={c.Parent(i)}&year=2026&child={c.Child(i)}&handler=Grade", c,
            ("Input.Score", "80"), ("Input.Grade", "Good")), OfficeOnly(Access.NotFound)),
        ["GET /api/units/{id:int}/grades/{year:int}/"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/grades/2026"), Read()),
        ["PUT /api/units/{id:int}/grades/{year:int}/{unitId:int}"] = new((c, i) => Put($"/api/units/{c.Parent(i)}/grades/2026/{c.Child(i)}",
            new { Score = 80, Grade = "Good" }), OfficeOnly(Access.NotFound)),

        ["GET /Reports/Index"] = new((_, _) => Get("/Reports"), OfficeOnly()),
        ["POST /Reports/Index?handler=Make"] = new((c, i) => Form("/Reports?handler=Make", c, ("Input.UnitId", c.Unit(i)), ("Input.Choice", "Progress")),
            OfficeOnly(Access.Refused)),
        ["GET /Reports/Index?handler=Download"] = new((c, i) => Get($"/Reports?handler=Download&id={c.Report(i)}"), OfficeOnly(Access.NotFound)),
        ["GET /Reports/Compare"] = new((c, i) => Get($"/Reports/Compare/{c.Report(i)}"), OfficeOnly(Access.NotFound)),
        ["POST /api/reports/"] = new((c, i) => Json("/api/reports", new { UnitId = c.Unit(i), Kind = "Progress" }), OfficeOnly(Access.Refused)),
        ["GET /api/reports/{id:int}/file"] = new((c, i) => Get($"/api/reports/{c.Report(i)}/file"), OfficeOnly(Access.NotFound)),

        ["GET /Indicators/Index"] = new((c, i) => Get($"/Indicators?unit={c.Unit(i)}"), Read()),
        ["GET /Indicators/List"] = new((_, _) => Get("/Indicators/List"), SignedIn),
        // An empty definition: refused with its problems, never written.
        ["POST /Indicators/List"] = new((c, _) => Form("/Indicators/List", c), OfficeOnly()),
        ["GET /Indicators/Details"] = new((c, i) => Get($"/Indicators/Details/{c.Indicator(i)}?unit={c.Unit(i)}&period=2026"), Read()),
        ["POST /Indicators/Details?handler=Plan"] = new((c, i) => Form($"/Indicators/Details/{c.Indicator(i)}?handler=Plan&unit={c.Unit(i)}&period=2026", c,
            ("Target", "abc")), OfficeOnly(Access.NotFound)),
        ["POST /Indicators/Details?handler=HandDown"] = new((c, i) => Form($"/Indicators/Details/{c.Indicator(i)}?handler=HandDown&unit={c.Unit(i)}&period=2026", c),
            OfficeOnly(Access.NotFound)),
        ["GET /Indicators/Report"] = new((c, i) => Get($"/Indicators/Report?unit={c.Unit(i)}&period=2025-Q4"), Read()),
        ["POST /Indicators/Report"] = new((c, i) => Form($"/Indicators/Report?unit={c.Unit(i)}&period=2025-Q4", c), Only(Reporters, Access.NotFound)),
        ["POST /Indicators/Report?handler=Sheet"] = new((c, i) => Form($"/Indicators/Report?handler=Sheet&unit={c.Unit(i)}&period=2025-Q4", c),
            Only(Reporters, Access.NotFound)),
        ["GET /api/units/{id:int}/indicators/export.xlsx"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/indicators/export.xlsx?period=2026"), Read()),
        ["GET /api/units/{id:int}/indicator-actuals/template"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/indicator-actuals/template?period=2026-Q1"), Read()),
        // No file: refused by name before the unit is looked at, for whoever may report.
        ["POST /api/units/{id:int}/indicator-actuals/sheet"] = new((c, i) => Multipart($"/api/units/{c.Unit(i)}/indicator-actuals/sheet?period=2026-Q1",
            ("note", "không có tệp")), SignedIn),
        ["GET /api/indicators/"] = new((_, _) => Get("/api/indicators"), SignedIn),
        ["GET /api/indicators/{id:int}"] = new((c, i) => Get($"/api/indicators/{c.Indicator(i)}"), Read()),
        ["POST /api/indicators/"] = new((c, i) => Json("/api/indicators", new { Code = "PQ", Name = "Chỉ tiêu kiểm tra quyền", Measure = "tổ chức",
            Kind = "Flow", Direction = "Higher", ReportEvery = "Year", FromYear = 2026, ToYear = 2030, OwnerUnitId = c.Unit(i) }), OfficeOnly(Access.Refused)),
        ["GET /api/indicators/{id:int}/plans"] = new((c, i) => Get($"/api/indicators/{c.Indicator(i)}/plans?unit={c.Unit(i)}&period=2026"), Read()),
        ["PUT /api/indicators/{id:int}/plans"] = new((c, i) => Put($"/api/indicators/{c.Indicator(i)}/plans",
            new { UnitId = c.Unit(i), Period = "2026", Target = 10 }), OfficeOnly(Access.NotFound)),
        ["POST /api/indicators/{id:int}/handdown"] = new((c, i) => Json($"/api/indicators/{c.Indicator(i)}/handdown",
            new { FromUnitId = c.Unit(i), Period = "2026", Targets = new[] { new { UnitId = c.Units.BaDinhCell.Id, Target = 1 } } }), OfficeOnly(Access.NotFound)),
        ["POST /api/indicators/{id:int}/reopen"] = new((c, i) => Json($"/api/indicators/{c.Indicator(i)}/reopen",
            new { UnitId = c.Units.BaDinhCell.Id, Period = "2026-Q1", Until = "2026-03-30", Reason = "Kiểm tra quyền" }), OfficeOnly(Access.NotFound)),
        ["POST /api/units/{id:int}/indicator-actuals"] = new((c, i) => Json($"/api/units/{c.Unit(i)}/indicator-actuals",
            new { Period = "2025-Q4", Items = new[] { new { IndicatorId = c.Records.IndicatorIn, Value = 1 } } }), Only(Reporters, Access.NotFound)),
        ["GET /api/units/{id:int}/indicators"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/indicators?period=2026"), Read()),
        ["GET /api/units/{id:int}/indicators/chart"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/indicators/chart?period=2026"), Read()),

        ["GET /api/units/"] = new((c, i) => Get($"/api/units?parent={c.Unit(i)}"), SignedIn),
        ["GET /api/units/{id:int}"] = new((c, i) => Get($"/api/units/{c.Unit(i)}"), Read()),
        ["GET /api/units/{id:int}/dashboard"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/dashboard"), Read()),
        ["GET /api/units/{id:int}/dashboard/export.xlsx"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/dashboard/export.xlsx"), Read()),
        ["GET /api/units/{id:int}/charts/{name}"] = new((c, i) => Get($"/api/units/{c.Unit(i)}/charts/overdue"), Read()),
        ["GET /api/tasks/{id:int}/charts/progress"] = new((c, i) => Get($"/api/tasks/{c.Task(i)}/charts/progress"), Read()),
        ["GET /api/documents/"] = new((_, _) => Get("/api/documents"), SignedIn),
        ["GET /api/documents/export.xlsx"] = new((_, _) => Get("/api/documents/export.xlsx"), SignedIn),
        ["GET /api/conferences/export.xlsx"] = new((c, i) => Get($"/api/conferences/export.xlsx?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /api/lessons/export.xlsx"] = new((c, i) => Get($"/api/lessons/export.xlsx?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /api/reviews/export.xlsx"] = new((_, _) => Get("/api/reviews/export.xlsx"), SignedIn),
        ["GET /api/units/export.xlsx"] = new((_, _) => Get("/api/units/export.xlsx"), SignedIn),
        // Everyone signed in searches; what is found stays within the caller's scope (Search/SearchTests).
        ["GET /api/search"] = new((_, _) => Get("/api/search?q=thanh%20uy"), SignedIn),
        ["GET /api/documents/{id:int}"] = new((c, i) => Get($"/api/documents/{c.Document(i)}"), Read()),
        ["POST /api/documents/"] = new((_, _) => Json("/api/documents", new { Symbol = "x" }), OfficeOnly()),
        ["GET /api/task-import/template"] = new((_, _) => Get("/api/task-import/template"), OfficeOnly()),
        ["POST /api/task-import/preview"] = new((_, _) => Multipart("/api/task-import/preview", ("note", "không có tệp")), OfficeOnly()),
        ["POST /api/task-import/{token:guid}/confirm"] = new((_, _) => Json($"/api/task-import/{Guid.Empty}/confirm", new { }), OfficeMissing),
        ["DELETE /api/task-import/{token:guid}"] = new((_, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/task-import/{Guid.Empty}"), OfficeMissing),
        ["GET /api/tasks/"] = new((c, i) => Get($"/api/tasks?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /api/tasks/export.xlsx"] = new((c, i) => Get($"/api/tasks/export.xlsx?unit={c.Unit(i)}"), Read(Access.Refused)),
        ["GET /api/tasks/{id:int}/export.xlsx"] = new((c, i) => Get($"/api/tasks/{c.Task(i)}/export.xlsx"), Read()),
        ["GET /api/tasks/{id:int}"] = new((c, i) => Get($"/api/tasks/{c.Task(i)}"), Read()),
        ["POST /api/tasks/"] = new((c, i) => Json("/api/tasks", new { Title = "Nhiệm vụ kiểm tra quyền", LeadUnitId = c.Unit(i), DeadlineKind = "Date", DueDate = "2026-12-31" }),
            OfficeOnly(Access.Refused)),
        ["PUT /api/tasks/{id:int}/"] = new((c, i) => Put($"/api/tasks/{c.Task(i)}", new { Title = "Nhiệm vụ kiểm tra quyền", LeadUnitId = c.Unit(i) }),
            Right(TaskRight.Edit)),
        ["POST /api/tasks/{id:int}/accept"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/accept", new { }), Right(TaskRight.Accept)),
        ["POST /api/tasks/{id:int}/progress"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/progress", new { Percent = 30, Text = "Đã triển khai" }), Right(TaskRight.Progress)),
        ["POST /api/tasks/{id:int}/evidence"] = new((c, i) => Multipart($"/api/tasks/{c.Task(i)}/evidence", ("Percent", "40"), ("Text", "Kèm minh chứng")),
            Right(TaskRight.Progress)),
        ["POST /api/tasks/{id:int}/submit"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/submit", new { Result = "Đã hoàn thành" }), Right(TaskRight.Submit)),
        ["POST /api/tasks/{id:int}/extension"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/extension", new { RequestedDueDate = "2026-12-31", Reason = "Cần thêm thời gian" }),
            Right(TaskRight.RequestExtension)),
        ["POST /api/tasks/{id:int}/complete"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/complete", new { }), Right(TaskRight.Complete)),
        ["POST /api/tasks/{id:int}/return"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/return", new { Reason = "Bổ sung số liệu" }), Right(TaskRight.Return)),
        ["POST /api/tasks/{id:int}/extension/{requestId:int}/decision"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/extension/{c.Extension(i)}/decision",
            new { Approve = false, Note = "Chưa đủ lý do" }), Right(TaskRight.DecideExtension)),
        ["POST /api/tasks/{id:int}/fanout"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/fanout", new { }), Right(TaskRight.FanOut)),
        ["GET /api/tasks/{id:int}/fanout"] = new((c, i) => Get($"/api/tasks/{c.Task(i)}/fanout"), Right(TaskRight.FanOut)),
        // Nothing handed down today: refused with its reason inside the scope.
        ["POST /api/tasks/{id:int}/withdraw"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/withdraw", new { }), Right(TaskRight.FanOut)),

        // Last: a cancelled task takes no other action.
        ["POST /Tasks/Details?handler=Cancel"] = new((c, i) => Form($"/Tasks/Details/{c.Task(i)}?handler=Cancel", c, ("Cancel.Reason", "Không còn cần thiết")),
            Right(TaskRight.Cancel)),
        ["POST /api/tasks/{id:int}/cancel"] = new((c, i) => Json($"/api/tasks/{c.Task(i)}/cancel", new { Reason = "Không còn cần thiết" }), Right(TaskRight.Cancel)),
    };

    [DbFact]
    public async Task Every_route_answers_each_role_as_classified_inside_and_outside_its_scope()
    {
        var table = Table();
        var routes = await RouteTable.KeysAsync(app.Services);
        var unclassified = routes.Where(r => !table.ContainsKey(r)).ToList();
        var stale = table.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(unclassified.Count == 0 && stale.Count == 0,
            $"Classify every route in AccessMatrixTests.Table():\n  new, unclassified: {string.Join("\n    ", unclassified)}\n  gone: {string.Join(", ", stale)}");

        var records = await RecordsAsync();
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            var ctx = await ContextAsync(caller, records);
            foreach (var (key, entry) in table)
                foreach (var inScope in new[] { true, false })
                {
                    var expected = entry.Expect(caller, inScope);
                    using var request = entry.Request(ctx, inScope);
                    using var response = await ctx.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (Judge(response, body, expected, IsApi(key)) is { } wrong)
                        failures.Add($"{caller ?? "anonymous"} · {key} · {(inScope ? "in scope" : "out of scope")}: expected {expected}, got {wrong}");
                }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the table:\n" + string.Join("\n", failures));
    }

    private static bool IsApi(string key) => key.Split(' ')[1].StartsWith("/api", StringComparison.Ordinal);

    /// <summary>Null when the answer is what was expected; otherwise what came instead.</summary>
    private static string? Judge(HttpResponseMessage response, string body, Access expected, bool api)
    {
        var status = (int)response.StatusCode;
        // The challenge sends the person to sign in and back; signing out lands on the sign-in page without a way back.
        var toLogin = status == 302 && response.Headers.Location?.ToString().Contains("/Accounts/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true;
        var refusedPage = status == 200 && (body.Contains("id=\"problems\"", StringComparison.Ordinal)
            || body.Contains("field-validation-error", StringComparison.Ordinal));
        var ok = expected switch
        {
            Access.SignIn => api ? status == 401 : toLogin,
            Access.Forbidden => status == 403,
            Access.NotFound => status == 404,
            Access.Refused => api ? status == 400 : refusedPage,
            _ => !toLogin && status is >= 200 and < 400 or 400 or 409,
        };
        return ok ? null : $"{status}{(response.Headers.Location is { } location ? " → " + location : "")} {Excerpt(body)}";
    }

    private static string Excerpt(string body)
    {
        var text = Tags().Replace(body, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // ---- the records and the callers ------------------------------------------------------------

    private sealed record Records(int TaskIn, int TaskOut, int ExtensionIn, int ExtensionOut, int EvidenceIn, int EvidenceOut,
        int DocumentIn, int DocumentOut, int AccountIn, int ReviewIn, int ReviewOut, int LimitationIn, int LimitationOut,
        int ConferenceIn, int ConferenceOut, int ReportIn, int ReportOut, int IndicatorIn, int IndicatorOut);

    private sealed record Ctx(HttpClient Client, string Antiforgery, Records Records, TestUnits Units, int OwnTokenId, int OthersTokenId)
    {
        public int Unit(bool inScope) => inScope ? Units.BaDinh.Id : Units.HoanKiem.Id;
        public int Task(bool inScope) => inScope ? Records.TaskIn : Records.TaskOut;
        public int Extension(bool inScope) => inScope ? Records.ExtensionIn : Records.ExtensionOut;
        public int Evidence(bool inScope) => inScope ? Records.EvidenceIn : Records.EvidenceOut;
        public int Document(bool inScope) => inScope ? Records.DocumentIn : Records.DocumentOut;
        public int Account(bool inScope) => inScope ? Records.AccountIn : 987654;
        public int Review(bool inScope) => inScope ? Records.ReviewIn : Records.ReviewOut;
        public int Limitation(bool inScope) => inScope ? Records.LimitationIn : Records.LimitationOut;
        public int Conference(bool inScope) => inScope ? Records.ConferenceIn : Records.ConferenceOut;
        public int Report(bool inScope) => inScope ? Records.ReportIn : Records.ReportOut;
        public int Indicator(bool inScope) => inScope ? Records.IndicatorIn : Records.IndicatorOut;
        // A parent and its child: Ba Đình and its cell inside, the city and Hoàn Kiếm outside.
        public int Parent(bool inScope) => inScope ? Units.BaDinh.Id : Units.Root.Id;
        public int Child(bool inScope) => inScope ? Units.BaDinhCell.Id : Units.HoanKiem.Id;
    }

    /// <summary>
    /// Inside: a task the caller's unit (Ba Đình) both leads and assigned, a document it registered.
    /// Outside: a task of Hoàn Kiếm assigned by the city, a document Hoàn Kiếm registered.
    /// </summary>
    private async Task<Records> RecordsAsync()
    {
        var units = app.Units;
        using var admin = app.AdminClient();
        async Task<(int Task, int Extension, int Evidence)> TaskAsync(int lead, int assignedBy)
        {
            var task = await admin.PostAsync("/api/tasks", new
            {
                Title = "Nhiệm vụ của bảng phân quyền",
                LeadUnitId = lead,
                AssignedByUnitId = assignedBy,
                DeadlineKind = "Date",
                DueDate = app.Clock.Today.AddDays(30),
            }).OkAsync<TaskDetail>();
            await admin.ActAsync(task.Id, "accept");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("10"), "Percent" },
                { new StringContent("Đã triển khai"), "Text" },
                { new ByteArrayContent("minh chứng"u8.ToArray()), "files", "minh-chung.txt" },
            };
            await admin.PostAsync($"/api/tasks/{task.Id}/evidence", form).OkAsync<System.Text.Json.JsonElement>();
            var extension = await admin.PostAsync($"/api/tasks/{task.Id}/extension",
                new { RequestedDueDate = app.Clock.Today.AddDays(60), Reason = "Chờ số liệu quý" }).OkAsync<System.Text.Json.JsonElement>();
            var detail = await admin.TaskAsync(task.Id);
            return (task.Id, extension.GetProperty("id").GetInt32(), detail.Progress[0].Evidence[0].Id);
        }
        var inside = await TaskAsync(units.BaDinh.Id, units.BaDinh.Id);
        var outside = await TaskAsync(units.HoanKiem.Id, units.Root.Id);
        var (documentIn, documentOut) = await app.WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<DocumentRegistry>();
            async Task<int> RegisterAsync(string symbol, int unitId) =>
                (await registry.RegisterAsync(new NewDocument { Symbol = symbol, IssuedOn = new DateOnly(2026, 1, 5), Title = "Kế hoạch của đơn vị" },
                    DocumentStatus.Registered, unitId)).Value!.Id;
            return (await RegisterAsync("101-KH/TU", units.BaDinh.Id), await RegisterAsync("102-KH/TU", units.HoanKiem.Id));
        });
        var (reviewIn, limitationIn, reviewOut, limitationOut) = await app.WithDbAsync(async db =>
        {
            Review ReviewOf(int unitId) => new()
            {
                UnitId = unitId, Title = "Kiểm điểm năm 2025", Year = 2025, PeriodLabel = "2025", HeldOn = new DateOnly(2026, 1, 9),
                Limitations = [new Limitation { Group = "trong xây dựng Đảng", Number = 1, Text = "Hạn chế của bảng phân quyền" }],
            };
            var (inside, outside) = (ReviewOf(units.BaDinh.Id), ReviewOf(units.HoanKiem.Id));
            db.Reviews.AddRange(inside, outside);
            await db.SaveChangesAsync();
            return (inside.Id, inside.Limitations[0].Id, outside.Id, outside.Limitations[0].Id);
        });
        var (conferenceIn, conferenceOut) = await app.WithDbAsync(async db =>
        {
            async Task<int> HeldByAsync(int unitId)
            {
                var conference = new Conference
                {
                    Title = "Hội nghị của bảng phân quyền", Kind = "Hội nghị sơ kết", HeldOn = new DateOnly(2026, 1, 5), UnitId = unitId,
                    Source = new ImportSource { Content = "Văn bản gốc của hội nghị." },
                };
                db.Conferences.Add(conference);
                await db.SaveChangesAsync();
                return conference.Id;
            }
            return (await HeldByAsync(units.BaDinh.Id), await HeldByAsync(units.HoanKiem.Id));
        });
        var (reportIn, reportOut) = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<DonDoc.Web.Data.AppDb>();
            var maker = services.GetRequiredService<ReportMaker>();
            var term = await db.Terms.Where(t => t.IssuerCode == null).OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
            async Task<int> IssuedAsync(DonDoc.Web.Features.Units.Unit unit) =>
                (await maker.IssueAsync(ReportKind.Progress, unit, unit, term, app.Clock.Today, [null], null, "admin", default))[0].Id;
            return (await IssuedAsync(units.BaDinh), await IssuedAsync(units.HoanKiem));
        });
        var (indicatorIn, indicatorOut) = await app.WithDbAsync(async db =>
        {
            Indicator Of(int unitId) => new()
            {
                Code = "KN-PQ", Name = "Kết nạp đảng viên (bảng phân quyền)", Measure = "đảng viên", Kind = IndicatorKind.Flow,
                ReportEvery = PeriodKind.Quarter, ReportWithinDays = 10, FromYear = 2025, ToYear = 2030, OwnerUnitId = unitId,
            };
            var (inside, outside) = (Of(units.BaDinh.Id), Of(units.HoanKiem.Id));
            db.Indicators.AddRange(inside, outside);
            await db.SaveChangesAsync();
            return (inside.Id, outside.Id);
        });
        var account = await app.CreateUserAsync("tai-khoan-dich", Roles.Viewer, units.BaDinh);
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
            (await app.ClientAsync(role, units.BaDinh)).Dispose();
        return new Records(inside.Task, outside.Task, inside.Extension, outside.Extension, inside.Evidence, outside.Evidence,
            documentIn, documentOut, account.Id, reviewIn, reviewOut, limitationIn, limitationOut, conferenceIn, conferenceOut,
            reportIn, reportOut, indicatorIn, indicatorOut);
    }

    private async Task<Ctx> ContextAsync(string? role, Records records)
    {
        var units = app.Units;
        var client = role is null ? app.AnonymousClient()
            : role == Roles.Administrator ? await app.ClientAsync(role, null, followRedirects: false)
            : await app.ClientAsync(role, units.BaDinh, followRedirects: false);
        // The antiforgery token of a form the caller can open; the client keeps its cookie.
        var page = await client.GetAsync(role is null ? "/Accounts/Login" : "/Accounts/Tokens");
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token.");
        var (own, others) = await app.WithDbAsync(async db =>
        {
            var userName = role is null ? AccountSeed.AdminUserName : TestApp.UserNameFor(role, role == Roles.Administrator ? null : units.BaDinh);
            var otherName = role == Roles.Administrator ? TestApp.UserNameFor(Roles.Viewer, units.BaDinh) : AccountSeed.AdminUserName;
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            var otherId = await db.Users.Where(u => u.UserName == otherName).Select(u => u.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            // Spare tokens: revoking them must not sign the caller out of the matrix.
            var (ownRow, _) = await AccessTokens.AddAsync(db, userId, "để thu hồi", now, days: null);
            var (otherRow, _) = await AccessTokens.AddAsync(db, otherId, "của người khác", now, days: null);
            return (ownRow.Id, otherRow.Id);
        });
        return new Ctx(client, token, records, units, own, others);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(string url, object body) =>
        new(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Api.Json) };

    private static HttpRequestMessage Put(string url, object body) =>
        new(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Api.Json) };

    private static HttpRequestMessage Form(string url, Ctx ctx, params (string Name, object Value)[] fields) =>
        new(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!))
                .Append(new("__RequestVerificationToken", ctx.Antiforgery))),
        };

    private static HttpRequestMessage Multipart(string url, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value, Encoding.UTF8), name);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }
}

public sealed class AccessMatrixOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

[OnPostgres]
public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
