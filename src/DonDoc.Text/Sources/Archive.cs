using System.IO.Compression;

namespace DonDoc.Text;

/// <summary>
/// Zip containers (.docx, .xlsx, .odt …) as they arrive from outside: how much they unpack to is measured by
/// unpacking, since the sizes a zip declares are whatever its maker wrote.
/// </summary>
public static class Archive
{
    /// <summary>What a container of at most <paramref name="maxBytes"/> may unpack to.</summary>
    public static long UnpackedLimit(long maxBytes) => 4 * maxBytes;

    /// <summary>Whether every entry together unpacks to no more than <paramref name="limit"/> bytes; reading stops at the limit.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip, or is damaged.</exception>
    public static bool UnpacksWithin(Stream zip, long limit)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            if (total + entry.Length > limit)
                return false;
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                if ((total += read) > limit)
                    return false;
            }
        }
        return true;
    }
}
