using System.Reflection;
using DonDoc.Web.Data;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace DonDoc.Web.Features.Export;

/// <summary>
/// A workbook written to the response while its rows are read: MiniExcel takes each sheet as a list or as rows
/// still coming from the database (<see cref="IAsyncEnumerable{T}"/>), and compresses each row into the response
/// as it comes, so memory stays the same for ten rows and for a hundred thousand.
/// </summary>
/// <param name="sheets">Sheet name → rows, in the order of the tabs.</param>
public sealed class XlsxResult(string fileName, Dictionary<string, object> sheets, AppDb db) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly OpenXmlConfiguration Layout = new() { AutoFilter = true, EnableAutoWidth = false };

    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        var body = new ResponseBody(response.Body);
        await new ReadOnce(db).ExecuteAsync(async ct =>
        {
            await MiniExcel.SaveAsAsync(body, sheets, configuration: Layout, cancellationToken: ct);
            await body.FlushAsync(ct);
        }, http.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [ContentType]));

    /// <summary>"nhiem-vu-2026-12-06.xlsx": a name in plain ASCII that every browser and mail program keeps as it is.</summary>
    public static string FileName(string what, DateOnly day) =>
        $"{what}-{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>
    /// EF Core reads every row of a query into memory before the first when the strategy in force may retry it, as
    /// PostgreSQL's does (200.000 rows of 1 KB took 417 MB). A download cannot be retried once its first bytes are sent,
    /// so an export runs under a strategy that never retries, and its rows stream.
    /// </summary>
    private sealed class ReadOnce(DbContext db) : ExecutionStrategy(db, 0, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }

    /// <summary>
    /// The response refuses synchronous writes; .NET's zip writer makes a few small ones when it closes each part and
    /// writes the archive's directory (some 30 KB in all). They are held here and sent before the next asynchronous write.
    /// </summary>
    private sealed class ResponseBody(Stream response) : Stream
    {
        private readonly MemoryStream _held = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _held.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _held.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            await SendHeldAsync(ct);
            await response.WriteAsync(buffer, ct);
        }

        public override void Flush()
        {
        }

        public override async Task FlushAsync(CancellationToken ct)
        {
            await SendHeldAsync(ct);
            await response.FlushAsync(ct);
        }

        private async Task SendHeldAsync(CancellationToken ct)
        {
            if (_held.Length == 0)
                return;
            await response.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
            _held.SetLength(0);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
