using System.Text.Json.Serialization;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Dashboard;
using DonDoc.Web.Features.Documents;
//IMPORT using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using DonDoc.Web.Infrastructure;

if (args.Length > 0 && Verbs.IsVerb(args[0]))
    return await Verbs.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDonDocDb(builder.Configuration);
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddProblemDetails();
builder.Services.AddValidation();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddScoped<TaskWorkflow>();
builder.Services.AddScoped<DocumentRegistry>();
builder.Services.AddScoped<DashboardQuery>();
builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection("Evidence"));

var app = builder.Build();
await Startup.PrepareDatabaseAsync(app);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.MapOpenApi();
app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
app.MapRazorPages();
app.MapUnitsApi();
app.MapDocumentsApi();
app.MapTasksApi();
app.Run();
return 0;

public partial class Program;
