using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DonDoc.Web.Tests.Reports;

/// <summary>
/// Opens a generated .docx the way an office does: LibreOffice (headless, with a profile of its own) makes a PDF,
/// poppler reads its text, and page 1 is kept as a PNG among the test artefacts.
/// </summary>
public static partial class OfficeFiles
{
    public static string ArtifactsDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(Path.GetTempPath(), "dondoc-artifacts"), "reports");

    /// <summary>The PDF's text, laid out as on the page (the cells of a table row on one line), with each run of white space, line breaks too, made one space.</summary>
    public static async Task<string> PdfTextAsync(byte[] docx, string name)
    {
        var work = Directory.CreateTempSubdirectory("dondoc-office-").FullName;
        try
        {
            var input = Path.Combine(work, name + ".docx");
            await File.WriteAllBytesAsync(input, docx);
            await RunAsync("soffice", $"-env:UserInstallation=file://{Path.Combine(work, "profile")}", "--headless", "--convert-to", "pdf",
                "--outdir", work, input);
            var pdf = Path.Combine(work, name + ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice made no PDF of {name}.docx");
            var text = Path.Combine(work, name + ".txt");
            await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", pdf, text);
            Directory.CreateDirectory(ArtifactsDirectory);
            await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(ArtifactsDirectory, name));
            Assert.True(File.Exists(Path.Combine(ArtifactsDirectory, name + ".png")));
            return Spaces().Replace(await File.ReadAllTextAsync(text), " ");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} ended with {process.ExitCode}: {await output} {await error}");
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
