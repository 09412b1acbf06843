using System.Globalization;
using DonDoc.Text;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// <c>extract-tasks FILE --json [--issued yyyy-MM-dd]</c>: prints the draft tasks <see cref="TaskExtractor"/> reads in a
/// conclusion or direction, without a database or a web host. Exit code 2 means the input was unusable.
/// </summary>
public static class ExtractTasksVerb
{
    private const string Usage = "Cách dùng: extract-tasks TỆP --json [--issued yyyy-MM-dd]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? path = null;
        DateOnly? issued = null;
        var json = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--issued" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return Fail(stderr, $"Ngày ban hành “{args[i]}” không hợp lệ; hãy viết theo dạng yyyy-MM-dd (ví dụ: 2024-04-12).");
                    issued = date;
                    break;
                case "--issued":
                    return Fail(stderr, "Thiếu ngày sau --issued (ví dụ: --issued 2024-04-12).");
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(stderr, $"Không có tùy chọn “{option}”.\n{Usage}");
                case var file when path is null:
                    path = file;
                    break;
                default:
                    return Fail(stderr, $"Chỉ xử lý một tệp mỗi lần; thừa “{args[i]}”.\n{Usage}");
            }
        }
        if (path is null)
            return Fail(stderr, $"Thiếu tệp cần đọc.\n{Usage}");
        if (!json)
            return Fail(stderr, $"Thiếu --json: lệnh extract-tasks hiện chỉ in kết quả dạng JSON.\n{Usage}");

        string text;
        try
        {
            text = TextSource.Read(path);
        }
        catch (TextSourceException e)
        {
            return Fail(stderr, e.Message);
        }
        stdout.WriteLine(TaskExtractor.Extract(text, issued).ToJson());
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }
}
