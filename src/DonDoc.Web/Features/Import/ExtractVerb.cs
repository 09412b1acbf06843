using System.Globalization;
using DonDoc.Text;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// <c>extract FILE --json [--published yyyy-MM-dd]</c>: prints what <see cref="ReportExtractor"/> reads in a
/// report, without a database or a web host. Exit code 2 means the input was unusable.
/// </summary>
public static class ExtractVerb
{
    private const string Usage = "Cách dùng: extract TỆP --json [--published yyyy-MM-dd]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? path = null;
        DateOnly? published = null;
        var json = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--published" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return Fail(stderr, $"Ngày đăng “{args[i]}” không hợp lệ; hãy viết theo dạng yyyy-MM-dd (ví dụ: 2022-01-13).");
                    published = date;
                    break;
                case "--published":
                    return Fail(stderr, "Thiếu ngày sau --published (ví dụ: --published 2022-01-13).");
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
            return Fail(stderr, $"Thiếu --json: lệnh extract hiện chỉ in kết quả dạng JSON.\n{Usage}");

        string text;
        try
        {
            text = TextSource.Read(path);
        }
        catch (TextSourceException e)
        {
            return Fail(stderr, e.Message);
        }
        stdout.WriteLine(ReportExtractor.Extract(text, published).ToJson());
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }
}
