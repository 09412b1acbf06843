using System.Text.Json;
using DonDoc.Web.CommandLine;

namespace DonDoc.Web.Tests.Import;

/// <summary>
/// The <c>extract-tasks</c> verb on real files, through the command-line parser: JSON on success; exit code 2 and a
/// Vietnamese message for a wrong command line, 1 for a file that cannot be read.
/// </summary>
public sealed class ExtractTasksVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dondoc-tasks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = Verbs.RunAsync(["extract-tasks", .. args], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_conclusion_prints_its_tasks_as_json_dated_by_issued_when_the_header_has_no_date()
    {
        var path = File("kl.txt", "Số 12-TB/TU\n\nGiao Văn phòng Thành ủy chuẩn bị hội nghị, hoàn thành trước 30/6.");
        var (code, output, _) = Run(path, "--json", "--issued", "2024-04-12");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2024-04-12", json.RootElement.GetProperty("document").GetProperty("date").GetString());
        var task = Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("Văn phòng Thành ủy", "2024-06-30"), (task.GetProperty("lead").GetString(), task.GetProperty("due").GetString()));
    }

    [Theory]
    [InlineData("--issued", "12/04/2024", "Ngày ban hành “12/04/2024” không hợp lệ")]
    [InlineData("--issued", null, "Thiếu giá trị sau --issued")]
    [InlineData("--frobnicate", null, "Không có lệnh hay tùy chọn “--frobnicate”")]
    public void Bad_options_are_refused_with_exit_code_2(string option, string? value, string message)
    {
        var path = File("kl.txt", "Giao Văn phòng Thành ủy chuẩn bị hội nghị.");
        var (code, output, error) = value is null ? Run(path, "--json", option) : Run(path, "--json", option, value);
        Assert.Equal((2, ""), (code, output));
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_missing_or_empty_file_is_named_with_exit_code_1()
    {
        var missing = Run(Path.Combine(_folder, "khong-co.txt"), "--json");
        Assert.Equal(1, missing.Code);
        Assert.Contains("Không tìm thấy tệp", missing.Err);
        var empty = Run(File("trong.txt", ""), "--json");
        Assert.Equal(1, empty.Code);
        Assert.Contains("trống", empty.Err);
    }

    [Fact]
    public void Without_json_nothing_is_printed()
    {
        var (code, output, error) = Run(File("kl.txt", "Giao Văn phòng Thành ủy chuẩn bị hội nghị."));
        Assert.Equal((2, ""), (code, output));
        Assert.Contains("Thiếu --json", error);
    }
}
