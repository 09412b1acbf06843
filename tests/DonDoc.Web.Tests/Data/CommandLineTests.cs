using DonDoc.Web.Tests.Infrastructure;

namespace DonDoc.Web.Tests.Data;

/// <summary>
/// The built executable's verbs as a shell runs them: help in Vietnamese, a wrong command line refused with
/// exit code 2 before anything starts or is written, progress as plain lines when the output is a log.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Database => $"Data Source={Path.Combine(_dir, "data", "dondoc.db")}";

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("seed", "--scale", "town")]
    [InlineData("seed")]
    [InlineData("schema")]
    [InlineData("token", "create")]
    [InlineData("migrate", "--force")]
    [InlineData("seed", "--scale")]
    [InlineData("seed", "--scale", "city", "--tasks")]
    [InlineData("extract", "bao-cao.txt", "--json", "--published")]
    [InlineData("extract-tasks", "ket-luan.txt", "--json", "--issued")]
    [InlineData("extract-tasks", "ket-luan.txt", "--json", "--issued", "12/04/2024")]
    public async Task A_wrong_command_line_is_named_exits_2_and_writes_nothing(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);
        Assert.True(exitCode == 2, $"exit {exitCode}: {output} {error}");
        Assert.Contains("Cách dùng", error);
        Assert.Matches("[ăâđêôơưạảãàáặẳẵằắậẩẫầấẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý]", error);
        if (args is ["frobnicate"])
            Assert.Contains("“frobnicate”", error);
        Assert.Empty(output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Help_lists_every_verb_and_says_what_each_does()
    {
        var (exitCode, output, _) = await RunAsync("--help");
        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "migrate", "seed", "schema", "extract", "extract-tasks", "token", "verify-audit" })
            Assert.Contains(verb, output);
        Assert.Contains("Cập nhật cấu trúc cơ sở dữ liệu", output);
        Assert.Contains("Mã thoát", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));

        (exitCode, output, _) = await RunAsync("seed", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--scale", output);
        Assert.Contains("national", output);
        Assert.Contains("dữ liệu mẫu", output);
        (exitCode, output, _) = await RunAsync("token", "create", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("mã truy cập", output);
    }

    [Fact]
    public async Task Migrate_then_a_scale_seed_into_a_log_writes_plain_progress_lines()
    {
        var (exitCode, output, error) = await RunAsync("migrate");
        Assert.True(exitCode == 0, error);
        Assert.Contains("Đã cập nhật", output);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "dondoc.db")));

        (exitCode, _, error) = await RunAsync("seed", "--scale", "city", "--tasks", "300");
        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain('\r', error);
        Assert.Contains("100%", error);
        Assert.Contains("Nhiệm vụ", error);

        (exitCode, _, error) = await RunAsync("seed", "--demo");
        Assert.Equal(1, exitCode);
        Assert.Contains("đã có dữ liệu", error);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Verb.RunAsync(Database, _dir, args);
}
