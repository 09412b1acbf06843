using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Import;
using DonDoc.Web.Features.AuditTrail;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Web.CommandLine;

/// <summary>
/// Command-line verbs of the same executable: run once and exit, no web host. Exit codes: 0 done, 1 failed,
/// 2 the command line itself is wrong (nothing was run, nothing written).
/// </summary>
public static class Verbs
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>Whether the arguments ask for a verb (or for help) rather than for the web server, which takes options only.</summary>
    public static bool AreVerb(string[] args) =>
        args is [var first, ..] && (!first.StartsWith('-') || first is "-h" or "-?" or "--help" or "--version");

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var token in parsed.UnmatchedTokens)
                error.WriteLine($"Không có lệnh hay tùy chọn “{token}”.");
            // An unknown verb is named above; that no verb was then given goes without saying.
            foreach (var problem in parsed.Errors.Where(e => !parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))
                && !(parsed.UnmatchedTokens.Count > 0 && e.Message.StartsWith("Required command", StringComparison.Ordinal))))
                error.WriteLine(Vietnamese(problem, parsed));
            error.WriteLine("Cách dùng: DonDoc.Web --help (các lệnh), DonDoc.Web LỆNH --help (một lệnh).");
            return Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    // The parser's own messages are English; the two it gives for what is missing are said here.
    private static string Vietnamese(ParseError problem, ParseResult parsed) =>
        problem.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)
            ? $"Thiếu lệnh{(parsed.CommandResult.Command is RootCommand ? "" : $" sau “{parsed.CommandResult.Command.Name}”")}."
        : problem.SymbolResult is OptionResult option && problem.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
            ? $"Thiếu giá trị sau {option.Option.Name}."
        : problem.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
            ? $"Thiếu {string.Join(", ", parsed.CommandResult.Command.Arguments.Select(a => a.Name))} sau “{parsed.CommandResult.Command.Name}”."
        : problem.Message;

    private static RootCommand Build()
    {
        var root = new RootCommand("DonDoc: theo dõi, đôn đốc thực hiện kết luận, chỉ đạo của cấp ủy. Không có lệnh: chạy ứng dụng web. "
            + "Mã thoát: 0 xong, 1 lỗi khi chạy, 2 sai cú pháp lệnh.");

        var migrate = new Command("migrate", "Cập nhật cấu trúc cơ sở dữ liệu đã cấu hình (áp dụng các migration).");
        migrate.SetAction(async (result, ct) =>
        {
            await using (var db = Create(Database.ConnectionString(Config())))
                await Database.MigrateAsync(db);
            result.InvocationConfiguration.Output.WriteLine("Đã cập nhật cấu trúc cơ sở dữ liệu.");
            return Done;
        });

        var demo = new Option<bool>("--demo") { Description = "Nạp bộ dữ liệu mẫu (cơ cấu Thành ủy Hà Nội, văn bản, nhiệm vụ) và các tài khoản mẫu." };
        var scale = new Option<string>("--scale") { Description = "Nạp dữ liệu sinh tự động để đo hiệu năng: “national” (toàn Đảng) hoặc “city” (một thành phố).", HelpName = "national|city" };
        var tasks = new Option<string>("--tasks") { Description = "Với --scale: số nhiệm vụ (số nguyên dương) thay cho số mặc định của quy mô.", HelpName = "N" };
        var seed = new Command("seed", "Nạp dữ liệu vào cơ sở dữ liệu trống (áp dụng migration trước): --demo, hoặc --scale national|city [--tasks N].")
        {
            demo, scale, tasks,
        };
        seed.Validators.Add(r =>
        {
            var (isDemo, scaleName, count) = (r.GetValue(demo), Given(r, scale), Given(r, tasks));
            if (isDemo == (scaleName is not null))
                r.AddError("Lệnh seed cần đúng một trong hai: --demo hoặc --scale national|city.");
            else if (scaleName is not null && scaleName is not ("national" or "city"))
                r.AddError($"Quy mô “{scaleName}” không có; dùng “national” hoặc “city”.");
            if (count is not null && (scaleName is null || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0))
                r.AddError("--tasks đi cùng --scale và phải là số nguyên dương.");
        });
        seed.SetAction(async (result, ct) => result.GetValue(demo)
            ? await SeedDemoAsync(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)
            : await SeedScaleAsync(result.GetValue(scale)!, result.GetValue(tasks) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
                result.InvocationConfiguration.Error));

        var dialect = new Argument<string>("CSDL") { Description = "“sqlite” hoặc “postgres”." };
        var schema = new Command("schema", "In câu lệnh SQL tạo cơ sở dữ liệu mà các migration áp dụng, cho SQLite hoặc PostgreSQL (không cần cơ sở dữ liệu).")
        {
            dialect,
        };
        schema.Validators.Add(r =>
        {
            if (Given(r, dialect) is { } name && name is not ("sqlite" or "postgres"))
                r.AddError($"Loại cơ sở dữ liệu “{name}” không có; dùng “sqlite” hoặc “postgres”.");
        });
        schema.SetAction(result =>
        {
            var cs = result.GetValue(dialect) == "sqlite" ? "Data Source=:memory:" : "Host=127.0.0.1;Database=dondoc";
            using var db = Create(cs);
            result.InvocationConfiguration.Output.WriteLine(db.GetService<IMigrator>().GenerateScript());
            return Done;
        });

        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (hiện là dạng duy nhất; bắt buộc)." };
        var extract = ReaderCommand("extract", "Đọc một báo cáo và in những gì tìm thấy (hội nghị, văn bản, số liệu, danh sách, người) dạng JSON; không cần cơ sở dữ liệu.",
            "Báo cáo cần đọc: .txt, .html hoặc .docx.", json,
            new Option<string>("--published") { Description = "Ngày đăng bài, để hiểu các ngày viết thiếu năm.", HelpName = "yyyy-MM-dd" }, "Ngày đăng",
            (text, day) => ReportExtractor.Extract(text, day).ToJson());
        var extractTasks = ReaderCommand("extract-tasks", "Đọc một kết luận hoặc chỉ đạo thành các nhiệm vụ dự thảo (đơn vị chủ trì, phối hợp, thời hạn, kết quả) và in dạng JSON; không cần cơ sở dữ liệu.",
            "Kết luận, thông báo kết luận, kế hoạch hoặc công văn cần đọc: .txt, .html hoặc .docx.", json,
            new Option<string>("--issued") { Description = "Ngày ban hành, khi phần đầu văn bản không ghi ngày.", HelpName = "yyyy-MM-dd" }, "Ngày ban hành",
            (text, day) => TaskExtractor.Extract(text, day).ToJson());

        var userName = new Argument<string>("TÊN_ĐĂNG_NHẬP") { Description = "Tài khoản nhận mã truy cập." };
        var create = new Command("create", "Tạo mã truy cập API (không hết hạn; thu hồi ở trang Mã truy cập của tài khoản) và chỉ in mã đó.")
        {
            userName,
        };
        create.SetAction(async (result, ct) => await CreateTokenAsync(result.GetValue(userName)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        var token = new Command("token", "Mã truy cập API cá nhân.") { create };

        var verifyAudit = new Command("verify-audit", "Kiểm tra chuỗi mã băm của nhật ký thay đổi: mã thoát 0 nếu toàn vẹn, 1 nêu mục đầu tiên bị sửa, xóa hoặc dời chỗ.");
        verifyAudit.SetAction(async (result, ct) => await VerifyAuditAsync(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));

        root.Add(migrate);
        root.Add(seed);
        root.Add(schema);
        root.Add(extract);
        root.Add(extractTasks);
        root.Add(token);
        root.Add(verifyAudit);
        return root;
    }

    /// <summary>A verb that reads one file with a text reader: TỆP --json [--DATE yyyy-MM-dd].</summary>
    private static Command ReaderCommand(string name, string description, string fileDescription, Option<bool> json, Option<string> date,
        string dateLabel, Func<string, DateOnly?, string> read)
    {
        var file = new Argument<string>("TỆP") { Description = fileDescription };
        var command = new Command(name, description) { file, json, date };
        command.Validators.Add(r =>
        {
            if (!r.GetValue(json))
                r.AddError($"Thiếu --json: lệnh {name} hiện chỉ in kết quả dạng JSON.");
            if (Given(r, date) is { } day && ParseDay(day) is null)
                r.AddError($"{dateLabel} “{day}” không hợp lệ; hãy viết theo dạng yyyy-MM-dd (ví dụ: 2024-04-12).");
        });
        command.SetAction(result => ExtractVerb.Run(result.GetValue(file)!,
            text => read(text, result.GetValue(date) is { } day ? ParseDay(day) : null),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    // What was typed for an option or argument, if anything: a validator must not ask for the value of one
    // the parser already found missing, which throws instead of adding to the errors.
    private static string? Given(CommandResult r, Option option) => r.GetResult(option)?.Tokens is [var token, ..] ? token.Value : null;

    private static string? Given(CommandResult r, Argument argument) => r.GetResult(argument)?.Tokens is [var token, ..] ? token.Value : null;

    private static IConfiguration Config() => new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static async Task<int> SeedDemoAsync(TextWriter output, TextWriter error)
    {
        var config = Config();
        await using (var db = Create(Database.ConnectionString(config)))
        {
            await Database.MigrateAsync(db);
            if (await db.Units.AnyAsync())
            {
                error.WriteLine("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.");
                return Failed;
            }
            await DemoData.SeedAsync(db, TimeProvider.System);
        }
        await using (var accounts = AccountServices(config))
        await using (var scope = accounts.CreateAsyncScope())
        {
            await AccountSeed.EnsureAdministratorAsync(scope.ServiceProvider, config, output);
            await AccountSeed.SeedDemoAccountsAsync(scope.ServiceProvider, config, output);
        }
        output.WriteLine("Đã nạp dữ liệu mẫu.");
        return Done;
    }

    private static async Task<int> SeedScaleAsync(string name, int? tasks, TextWriter error)
    {
        var shape = ScaleShape.Named(name, tasks)!;
        await using var db = Create(Database.ConnectionString(Config()));
        await Database.MigrateAsync(db);
        if (await db.Units.AnyAsync())
        {
            error.WriteLine("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu quy mô lớn vào cơ sở dữ liệu trống.");
            return Failed;
        }
        // A bulk load of millions of rows on a busy machine outlasts the 30 s a request may wait.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        // Bars redrawn in place only where someone watches a terminal; a log gets plain lines.
        await ScaleData.SeedAsync(db, shape, new Clock(TimeProvider.System).Today, error, bars: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        return Done;
    }

    private static async Task<int> CreateTokenAsync(string userName, TextWriter output, TextWriter error)
    {
        await using var db = Create(Database.ConnectionString(Config()));
        var normalized = userName.Normalize().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        if (userId is null)
        {
            error.WriteLine($"Không có tài khoản “{userName}”.");
            return Failed;
        }
        var now = DateTime.UtcNow;
        var (_, token) = await AccessTokens.AddAsync(db, userId.Value,
            $"Tạo bằng dòng lệnh ngày {DonDoc.Text.VnFormat.Date(Clock.LocalDate(now))}", now, days: null);
        // Only the token, so that a script can capture it.
        output.WriteLine(token);
        return Done;
    }

    private static async Task<int> VerifyAuditAsync(TextWriter output, TextWriter error)
    {
        await using var db = Create(Database.ConnectionString(Config()));
        var result = await AuditVerifier.VerifyAsync(db);
        if (!result.Intact)
        {
            error.WriteLine(result.Message);
            return Failed;
        }
        output.WriteLine(result.Message);
        output.WriteLine($"Mã băm cuối (lưu lại ở nơi khác để phát hiện việc xóa các mục cuối): {result.LastHash}");
        return Done;
    }

    // Users and roles are written through Identity, which hashes passwords and normalises names.
    private static ServiceProvider AccountServices(IConfiguration config)
    {
        var services = new ServiceCollection().AddLogging().AddDonDocDb(config);
        services.AddDonDocIdentityCore();
        return services.BuildServiceProvider();
    }

    private static AppDb Create(string connectionString) => Database.CreateContext(connectionString);
}
