using Editorial.Core.Accounts;
using Editorial.Tests.TestSupport;
using Editorial.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Http;

/// <summary>What the first and later starts do to the data folder.</summary>
public sealed class DatabaseStartupTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public void TheDatabase_IsCreatedInTheConfiguredDataFolder_InWalMode()
    {
        _ = app.Server;
        var file = Path.Combine(app.DataFolder, "editorial.db");

        Assert.True(File.Exists(file), $"{file} was not created");
        Assert.Equal("wal", JournalMode(file));
    }

    [Fact]
    public async Task SigningKeys_AreKeptInTheDatabase_NotInTheDataFolder()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/Account/Login")).EnsureSuccessStatusCode(); // the form's antiforgery token needs a key
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();

        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "keys")), "keys were written to the data folder");
    }

    [Fact]
    public void FirstStart_CreatesOneDemoAccountPerRole_AndPrintsThemOnce()
    {
        _ = app.Server;

        Assert.Equal(1, app.BootstrapConsole.Calls);
        Assert.Equal(
            new[] { ("bientap", Roles.Editor), ("phongvien", Roles.Reporter), ("quantri", Roles.Administrator) },
            app.BootstrapConsole.Accounts.Select(a => (a.UserName, a.Role)).OrderBy(a => a.UserName, StringComparer.Ordinal));
        Assert.Equal(3, app.BootstrapConsole.Accounts.Select(a => a.Password).Distinct().Count());
        Assert.All(app.BootstrapConsole.Accounts, a => Assert.True(a.Password.Length >= 10, a.UserName));
    }

    [Fact]
    public async Task FirstStart_SeedsTheStarterCategories()
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();

        var categories = await db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync();

        Assert.Equal(["Hoạt động của tỉnh", "Tin tức - Sự kiện", "Kinh tế", "Văn hóa - Xã hội"], categories);
    }

    [Fact]
    public async Task SecondStart_OnTheSameFolder_CreatesNoAccountsAndPrintsNothing()
    {
        using var folder = new TemporaryFolder();
        string reporterPassword;
        using (var first = new EditorialAppFactory(folder.Path))
        {
            reporterPassword = first.PasswordOf("phongvien");
            Assert.Equal(1, first.BootstrapConsole.Calls);
        }

        using var second = new EditorialAppFactory(folder.Path);
        _ = second.Server;

        Assert.Equal(0, second.BootstrapConsole.Calls);
        Assert.Empty(second.BootstrapConsole.Accounts);
        Assert.Equal(3, await CountUsersAsync(second));

        // The accounts of the first start still work.
        using var browser = Browser.Open(second);
        await browser.SignInAsync("phongvien", reporterPassword);
    }

    private static async Task<int> CountUsersAsync(EditorialAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    private static string JournalMode(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)command.ExecuteScalar()!;
    }
}
