using DonDoc.Text;

namespace DonDoc.Web.Features.Import;

/// <summary>
/// <c>extract-tasks FILE --json [--issued yyyy-MM-dd]</c> (parsed in CommandLine/Verbs.cs): prints the draft tasks
/// <see cref="TaskExtractor"/> reads in a conclusion or direction, without a database or a web host.
/// Exit code 1 means the file could not be read.
/// </summary>
public static class ExtractTasksVerb
{
    public static int Run(string path, DateOnly? issued, TextWriter stdout, TextWriter stderr)
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
        stdout.WriteLine(TaskExtractor.Extract(text, issued).ToJson());
        return 0;
    }
}
