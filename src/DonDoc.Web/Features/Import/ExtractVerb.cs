using DonDoc.Text;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// <c>extract</c> and <c>extract-tasks</c> (parsed in CommandLine/Verbs.cs): read one file and print what a
/// reader — <see cref="ReportExtractor"/> or <see cref="TaskExtractor"/> — finds in its text, without a
/// database or a web host. Exit code 1 means the file could not be read.
/// </summary>
public static class ExtractVerb
{
    public static int Run(string path, Func<string, string> read, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = TextSource.Read(path);
        }
        catch (TextSourceException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        stdout.WriteLine(read(text));
        return 0;
    }
}
