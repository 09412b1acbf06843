using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.WebEncoders;
using DonDoc.Web;
using DonDoc.Web.CommandLine;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Conferences;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
using DonDoc.Web.Features.Export;
using DonDoc.Web.Features.Grading;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Indicators;
using DonDoc.Web.Features.Notices;
using DonDoc.Web.Features.Operations;
using DonDoc.Web.Features.Reports;
using DonDoc.Web.Features.Reviews;
using DonDoc.Web.Features.Search;
using DonDoc.Web.Features.TaskImport;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Features.Years;
using DonDoc.Web.Infrastructure;

if (Verbs.AreVerb(args))
    return await Verbs.RunAsync(args);

// A published build carries its wwwroot beside the program: serve it whatever the working directory
// (which holds data/); a build run with `dotnet run` finds it in the project, the content root.
var publishedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(publishedWebRoot) ? publishedWebRoot : null,
});
// Defaults below every other source, so Logging__LogLevel__… still overrides them: one line per SQL
// command would bury the start's messages (the administrator's password among them) under the seed's inserts.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        // Requests naming another host are refused, so that no redirect or link is built from a forged Host header.
        ["AllowedHosts"] = "localhost;127.0.0.1;[::1]",
    },
});
builder.Services.AddDonDocDb(builder.Configuration);
var evidenceOptions = builder.Configuration.GetSection("Evidence").Get<EvidenceOptions>() ?? new EvidenceOptions();
builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.Conventions.AddPageApplicationModelConvention("/Tasks/Details", page =>
        {
            foreach (var limit in EvidenceLimits.For(evidenceOptions))
            {
                page.EndpointMetadata.Add(limit);
                page.Filters.Add((Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata)limit);
            }
        });
    })
    .AddMvcOptions(o =>
    {
        BindingMessages.UseVietnamese(o.ModelBindingMessageProvider);
        o.ModelBinderProviders.UseInputRules();
        o.Filters.Add<IdempotentForms>();
    });
// Vietnamese stays readable in the HTML instead of becoming numeric character references.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Titles.Translate);
builder.Services.AddSingleton<StorageErrors>();
builder.Services.AddSingleton<DonDoc.Web.Features.Shared.Cursors>();
builder.Services.AddExceptionHandler<FaultAnswers>();
builder.Services.AddExceptionHandler<ApiErrors>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddValidation();
builder.Services.AddOpenApi(o => o.AddSchemaTransformer(EnumNamesConverter.DescribeAsync));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new EnumNamesConverter());
    o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(InputRules.Apply);
});
builder.Services.AddDonDocAuth();
builder.Services.AddDonDocReadiness();
builder.Services.AddDatabaseQueue(builder.Configuration);
builder.Services.AddScoped<TaskLedger>();
builder.Services.AddScoped<TaskWorkflow>();
builder.Services.AddScoped<RemediationPlan>();
builder.Services.AddScoped<LessonBook>();
builder.Services.AddScoped<SiteSearch>();
builder.Services.AddScoped<DonDoc.Web.Features.Inbox.Inbox>();
builder.Services.AddScoped<DocumentRegistry>();
builder.Services.AddScoped<YearFrames>();
builder.Services.AddScoped<GradeBook>();
builder.Services.AddScoped<DonDoc.Web.Features.Conclusions.ConclusionDrafts>();
builder.Services.AddScoped<DashboardQuery>();
builder.Services.AddSingleton<DashboardCache>();
builder.Services.AddScoped<IndicatorBook>();
builder.Services.AddScoped<IndicatorBoard>();
builder.Services.AddScoped<DonDoc.Web.Features.Reports.ReportMaker>();
builder.Services.AddScoped<DonDoc.Web.Features.TaskImport.TaskImporter>();
builder.Services.AddScoped<Reorganization>();
builder.Services.AddScoped<EvidenceSweep>();
builder.Services.AddNotices(builder.Configuration);
builder.Services.AddDonDocCluster(builder.Configuration, q =>
{
    EvidenceSweepJob.Schedule(q, builder.Configuration);
    IdempotencyCleanupJob.Schedule(q);
    ReminderJob.Schedule(q, builder.Configuration);
    MailOutboxJob.Schedule(q, builder.Configuration);
    SearchMergeJob.Schedule(q, builder.Configuration);
});
builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection("Evidence"));

var app = builder.Build();
await Startup.PrepareDatabaseAsync(app);

app.UseSecurityHeaders();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseWhen(http => Auth.IsApi(http.Request), api => api.UseApiRequests());
// Before authentication: the stylesheet, script and icon are public, also on the sign-in page.
app.UseStaticFiles();
// Before authentication, which reads the database too.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseUserScope();
app.UseIdempotencyKeys();
// The API description names routes and fields, no data: programs may read it before they have a token.
app.MapOpenApi().AllowAnonymous();
// Answered by routing itself, before authentication: a Bearer header sent along must not make it read the database.
app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription().AllowAnonymous().ShortCircuit();
app.MapReadiness().AllowAnonymous().ShortCircuit();
app.MapRazorPages();
var api = app.MapGroup("").RetryWrites();
api.MapUnitsApi();
api.MapDocumentsApi();
api.MapTasksApi();
api.MapReportsApi();
api.MapExportApi();
api.MapTaskImportApi();
api.MapIndicatorsApi();
api.MapYearsApi();
api.MapGradingApi();
api.MapSearchApi();
app.Run();
return 0;

public partial class Program;
