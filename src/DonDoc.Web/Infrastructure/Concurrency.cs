using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Primitives;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// A record people change through forms and the API. AppDb raises <see cref="Version"/> with every
/// saved change and EF checks it in the UPDATE, so a save that started from an older read fails
/// instead of overwriting what someone else saved in between.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versions
{
    /// <summary>New rows start at 1; a changed row goes one up from the version it was read at.</summary>
    internal static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            var version = entry.Property<int>(nameof(IVersioned.Version));
            if (entry.State == EntityState.Added && version.CurrentValue == 0)
                version.CurrentValue = 1;
            // Already raised by Touch: once per save.
            else if (entry.State == EntityState.Modified && !version.IsModified && entry.Properties.Any(p => p.IsModified))
                version.CurrentValue = version.OriginalValue + 1;
        }
    }

    /// <summary>
    /// Counts an action on what belongs to a record (a progress report, an extension request, children
    /// handed down) as a change of the record, even when none of its own columns changes: a client
    /// holding the version from before must not act as if nothing had happened.
    /// </summary>
    public static void Touch(DbContext db, IVersioned record)
    {
        var version = db.Entry(record).Property<int>(nameof(IVersioned.Version));
        if (!version.IsModified)
            version.CurrentValue = version.OriginalValue + 1;
    }

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// Reads the version a client read from If-Match: "3" (also W/"3" or 3). No header, or "*",
    /// asks for no check. False when the header is there but names no single version.
    /// </summary>
    public static bool TryParseIfMatch(StringValues header, out int? version)
    {
        version = null;
        var values = header.SelectMany(h => (h ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values is [] or ["*"])
            return true;
        if (values is not [var value])
            return false;
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            value = value[1..^1];
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        version = parsed;
        return true;
    }
}

public static class VersionConfiguration
{
    /// <summary>
    /// A concurrency token EF writes itself on every insert and update; the database default only
    /// serves rows written before the column existed and rows the bulk scale load writes.
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<int> IsVersion(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<int> property) =>
        property.IsConcurrencyToken().HasDefaultValue(0).ValueGeneratedNever();
}

/// <summary>The If-Match header of an API request, bound as an endpoint parameter; Valid is false when it names no single version.</summary>
public sealed record IfMatch(HttpContext Http, int? Version, bool Valid)
{
    public static ValueTask<IfMatch?> BindAsync(HttpContext http) =>
        ValueTask.FromResult<IfMatch?>(Versions.TryParseIfMatch(http.Request.Headers.IfMatch, out var version)
            ? new IfMatch(http, version, true)
            : new IfMatch(http, null, false));
}
