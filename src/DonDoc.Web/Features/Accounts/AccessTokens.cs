using System.Security.Claims;
using System.Security.Cryptography;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Accounts;

public sealed record TokenRow(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc,
    DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc)
{
    public bool IsActive(DateTime utcNow) => RevokedAtUtc is null && (ExpiresAtUtc is not { } end || end > utcNow);
}

/// <summary>
/// Personal access tokens: "dd_" and 32 random bytes in base64url. Only the SHA-256 of the bytes is
/// stored; a token is looked up by that hash, so it can be checked without ever being kept.
/// </summary>
public sealed class AccessTokens(AppDb db, TimeProvider time, SecurityCache cache)
{
    public const string Marker = "dd_";
    public const int MaxDays = 366;
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(5);

    public static (string Token, string Prefix, string Hash) NewSecret()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var token = Marker + Base64Url(bytes);
        return (token, token[..10], Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The hash of a token as presented, or null when it cannot be one of ours.</summary>
    public static string? HashOf(string token)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal))
            return null;
        var text = token[Marker.Length..].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        var bytes = new byte[32];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == 32
            ? Convert.ToHexStringLower(SHA256.HashData(bytes))
            : null;
    }

    /// <summary>Creates a token for a user; its secret is returned once and never stored.</summary>
    public static async Task<(AccessToken Row, string Token)> AddAsync(AppDb db, int userId, string name, DateTime utcNow, int? days,
        CancellationToken ct = default)
    {
        var (token, prefix, hash) = NewSecret();
        var row = new AccessToken
        {
            UserId = userId,
            Name = name,
            Prefix = prefix,
            Hash = hash,
            CreatedAtUtc = utcNow,
            ExpiresAtUtc = days is { } d ? utcNow.AddDays(d) : null,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return (row, token);
    }

    public async Task<Outcome<string>> CreateAsync(int userId, string? name, int? days, CancellationToken ct = default)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add("Name", "Đặt tên cho mã truy cập (ví dụ: tên chương trình sẽ dùng nó).");
        else if (name.Trim().Length > 100)
            problems.Add("Name", "Tên mã truy cập dài quá 100 ký tự.");
        if (days is < 1 or > MaxDays)
            problems.Add("Days", $"Thời hạn phải từ 1 đến {MaxDays} ngày, hoặc để trống nếu không hết hạn.");
        if (problems.Any)
            return problems;
        var (_, token) = await AddAsync(db, userId, VnText.Normalize(name!), time.GetUtcNow().UtcDateTime, days, ct);
        return token;
    }

    public Task<List<TokenRow>> ListAsync(int userId, CancellationToken ct = default) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; false when they have no such token.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
            return false;
        token.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The user a token signs in, or null for an unknown, expired or revoked token or a locked account.</summary>
    /// <remarks>
    /// Runs on every API call, so the token and its user come from this instance's <see cref="SecurityCache"/>, which
    /// reads no row for a token it knows. The claims are the ones every part reads (id, user name, roles, display name;
    /// see <see cref="AppClaimsFactory"/>); nobody has user or role claims.
    /// </remarks>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken ct = default)
    {
        if (HashOf(token) is not { } hash)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        if (await cache.TokenAsync(db, hash, ct) is not { } row || row.ExpiresAtUtc <= now)
            return null;
        if (await cache.UserAsync(db, row.UserId, ct) is not { } user || (user.LockoutEnabled && user.LockoutEnd > time.GetUtcNow()))
            return null;
        // Recorded now and then, not on every call: a busy client would otherwise write on each read.
        if (row.LastUsedAtUtc is not { } last || now - last > UseRecordedEvery)
        {
            await db.AccessTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), ct);
            cache.Used(hash, row, now);
        }
        var identity = new ClaimsIdentity(Auth.TokenScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim(AppClaimsFactory.DisplayNameClaim, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? ""));
        identity.AddClaims(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(identity);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
