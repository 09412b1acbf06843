using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Infrastructure;
using DonDoc.Web.Tests.Import;
using DonDoc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Cluster;

/// <summary>
/// With a certificate configured, the data-protection keys are stored encrypted with it: the
/// database holds no plain master key, and only instances given the certificate read what others protected.
/// </summary>
public abstract class KeyEncryptionTests(Provider provider) : IAsyncLifetime
{
    private const string Password = "Mat-khau-chung-chi-1";
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-keys-").FullName;
    private string _connectionString = "";
    private string _certificate = "";

    public async Task InitializeAsync()
    {
        if (provider == Provider.Postgres && TestDatabases.PostgresSkipReason is not null)
            return;
        _connectionString = await TestDatabases.CreateAsync(provider, _dir, "keys");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DonDoc data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificate = Path.Combine(_dir, "keys.pfx");
        await File.WriteAllBytesAsync(_certificate, certificate.Export(X509ContentType.Pfx, Password));
    }

    public async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
            await TestDatabases.DropAsync(_connectionString);
        Directory.Delete(_dir, recursive: true);
    }

    [DbFact]
    public async Task Keys_are_stored_encrypted_and_read_by_every_instance_with_the_certificate()
    {
        await using var first = new Instance(this, withCertificate: true);
        await using var second = new Instance(this, withCertificate: true);
        var cookies = new CookieContainer();
        using var onFirst = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        using (var before = await onFirst.GetAsync("/Accounts/Tokens"))
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);

        // The sign-in form (and its antiforgery cookie) comes from the first; the second accepts it,
        // and the first accepts the sign-in cookie the second wrote.
        var login = PageForm.Of(await PageForm.ParseAsync(await onFirst.GetAsync("/Accounts/Login")), "form-login");
        login["Input.UserName"] = AccountSeed.AdminUserName;
        login["Input.Password"] = TestApp.AdminPassword;
        using (var signedIn = await login.PostAsync(onSecond))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using (var page = await onFirst.GetAsync("/Accounts/Tokens"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("phiên đăng nhập");

        await using (var db = Database.CreateContext(_connectionString))
        {
            var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
            // The audit trail records that a key was added, never the key.
            var audited = await db.AuditEntries.Where(e => e.EntityType == "DataProtectionKeys").Select(e => e.Changes).ToListAsync();
            Assert.NotEmpty(audited);
            Assert.All(audited, changes =>
            {
                Assert.Contains("[đã ẩn]", changes);
                Assert.DoesNotContain("<key", changes);
            });
        }

        // Without the certificate the key cannot be read, so neither can what it protected.
        await using var without = new Instance(this, withCertificate: false);
        var protector = without.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(payload));
    }

    private sealed class Instance(KeyEncryptionTests test, bool withCertificate) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DONDOC_DB", test._connectionString);
            builder.UseSetting("DonDoc:DemoData", "false");
            builder.UseSetting("Evidence:Directory", Path.Combine(test._dir, "evidence"));
            builder.UseSetting(AccountSeed.AdminPasswordVariable, TestApp.AdminPassword);
            if (withCertificate)
            {
                builder.UseSetting(Web.Infrastructure.Cluster.CertificatePath, test._certificate);
                builder.UseSetting(Web.Infrastructure.Cluster.CertificatePassword, Password);
            }
        }
    }
}

public sealed class KeyEncryptionOnSqlite() : KeyEncryptionTests(Provider.Sqlite);

[OnPostgres]
public sealed class KeyEncryptionOnPostgres() : KeyEncryptionTests(Provider.Postgres);
