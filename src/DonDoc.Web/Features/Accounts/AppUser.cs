using DonDoc.Web.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Accounts;

/// <summary>
/// A person who signs in. Every role a user holds applies to the subtree of their unit; only the
/// administrator may have no unit, and sees every unit.
/// </summary>
public sealed class AppUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A personal access token for the API. Only the SHA-256 of its secret is kept, so a copy of the
/// database gives no way in; the owner sees the secret once, when it is created.
/// </summary>
public sealed class AccessToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    // The first characters of the token, enough for its owner to tell tokens apart.
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasIndex(u => u.UnitId);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Adds the person's name to the sign-in, so every page can greet them without a query.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    public const string DisplayNameClaim = "dondoc:name";

    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new System.Security.Claims.Claim(DisplayNameClaim, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? ""));
        return identity;
    }
}
