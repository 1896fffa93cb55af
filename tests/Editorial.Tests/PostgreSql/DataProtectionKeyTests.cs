using System.Net;
using Editorial.Tests.Http;
using Editorial.Tests.TestSupport;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.PostgreSql;

/// <summary>Data-protection keys live in the database: a sign-in made on one instance holds on another.</summary>
public sealed class DataProtectionKeyTests
{
    private const string CookieName = "Editorial.Auth";

    [Fact]
    public async Task A_sign_in_cookie_from_one_host_is_accepted_by_a_second_host_on_the_same_Sqlite_database()
    {
        using var shared = new TemporaryFolder();
        await CookieTravelsAsync(app => app.Settings["Editorial:Database:ConnectionString"] = $"Data Source={Path.Combine(shared.Path, "editorial.db")}");
    }

    [PostgresFact]
    public async Task A_sign_in_cookie_from_one_host_is_accepted_by_a_second_host_on_the_same_PostgreSql_database()
    {
        using var database = PostgresDatabase.Create(migrate: false);
        await CookieTravelsAsync(app =>
        {
            app.Settings["Editorial:Database:Provider"] = "PostgreSql";
            app.Settings["Editorial:Database:ConnectionString"] = database.ConnectionString;
        });
    }

    [Fact]
    public async Task Key_files_of_an_older_install_are_copied_into_the_database_once_and_still_unprotect()
    {
        using var folder = new TemporaryFolder();
        var keys = Path.Combine(folder.Path, "keys");
        // What the previous version did: keys in data/keys, same application name.
        var old = DataProtectionProvider.Create(new DirectoryInfo(keys), builder => builder.SetApplicationName("Editorial"));
        var payload = old.CreateProtector("test").Protect("tin bài");
        var files = Directory.GetFiles(keys, "*.xml");
        Assert.Single(files);

        using (var app = new EditorialAppFactory(folder.Path))
        {
            _ = app.Server;
            Assert.Equal("tin bài", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
            Assert.Equal([Path.GetFileNameWithoutExtension(files[0])], await KeyNamesAsync(app));
        }

        // A second start does not copy again, even when the files have changed meanwhile.
        File.Copy(files[0], Path.Combine(keys, "key-00000000-0000-0000-0000-000000000000.xml"));
        using (var again = new EditorialAppFactory(folder.Path))
        {
            _ = again.Server;
            Assert.Equal([Path.GetFileNameWithoutExtension(files[0])], await KeyNamesAsync(again));
        }
    }

    private static async Task<List<string?>> KeyNamesAsync(EditorialAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
    }

    private static async Task CookieTravelsAsync(Action<EditorialAppFactory> configure)
    {
        using var first = new EditorialAppFactory();
        using var second = new EditorialAppFactory();
        using var elsewhere = new EditorialAppFactory(); // its own database, so its own keys
        configure(first);
        configure(second);

        using var browser = Browser.Open(first);
        var signIn = await browser.SubmitLoginAsync("phongvien", first.PasswordOf("phongvien"));
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await WorkstationStatusAsync(second, cookie));
        // Control: a host with other keys does not take the cookie (it sends the person to sign in).
        Assert.Equal(HttpStatusCode.Found, await WorkstationStatusAsync(elsewhere, cookie));
    }

    private static async Task<HttpStatusCode> WorkstationStatusAsync(EditorialAppFactory app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editorial");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
