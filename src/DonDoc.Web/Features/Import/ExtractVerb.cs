using DonDoc.Text;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// <c>extract FILE --json [--published yyyy-MM-dd]</c> (parsed in CommandLine/Verbs.cs): prints what
/// <see cref="ReportExtractor"/> reads in a report, without a database or a web host. Exit code 1 means the file could not be read.
/// </summary>
public static class ExtractVerb
{
    public static int Run(string path, DateOnly? published, TextWriter stdout, TextWriter stderr)
    {
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
        return 1;
    }
}
