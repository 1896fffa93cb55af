using System.Net;
using Editorial.Tests.Http;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration.Backup;

namespace Editorial.Tests.PostgreSql;

/// <summary>On PostgreSQL the app's backup refuses and points to pg_dump / pg_restore, in Vietnamese.</summary>
public sealed class BackupOnPostgreSqlTests
{
    private const string Unused = "Host=127.0.0.1;Username=nobody;Database=never_opened";

    [Fact]
    public async Task Backup_command_refuses_and_names_pg_dump()
    {
        using var folder = new TemporaryFolder();

        var (code, output, error) = await RunAsync("--backup", $"--Editorial:DataFolder={folder.Path}", "--Editorial:Database:Provider=PostgreSql", $"--Editorial:Database:ConnectionString={Unused}");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("PostgreSQL", error, StringComparison.Ordinal);
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
        Assert.Contains("sao lưu", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "backups")) && Directory.EnumerateFiles(Path.Combine(folder.Path, "backups"), "*.zip").Any());
    }

    [Fact]
    public async Task Restore_command_refuses_and_names_pg_restore()
    {
        using var folder = new TemporaryFolder();
        var archive = Path.Combine(folder.Path, "editorial-2017-04-20-070000.zip");
        await File.WriteAllBytesAsync(archive, [0x50, 0x4b, 0x05, 0x06, .. new byte[18]]); // an empty zip
        var target = Path.Combine(folder.Path, "target");

        var (code, _, error) = await RunAsync("--restore", archive, $"--Editorial:DataFolder={target}", "--Editorial:Database:Provider=PostgreSql", $"--Editorial:Database:ConnectionString={Unused}");

        Assert.Equal(1, code);
        Assert.Contains("pg_restore", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [PostgresFact]
    public async Task Backup_page_says_to_use_pg_dump_and_offers_no_button()
    {
        using var database = PostgresDatabase.Create(migrate: false);
        using var app = new EditorialAppFactory();
        app.Settings["Editorial:Database:Provider"] = "PostgreSql";
        app.Settings["Editorial:Database:ConnectionString"] = database.ConnectionString;
        using var browser = Browser.Open(app);
        await browser.SignInAsync("quantri", app.PasswordOf("quantri"));

        var page = await browser.GetPageAsync("/admin/backup");

        Assert.Contains("data-testid=\"backup-unavailable\"", page, StringComparison.Ordinal);
        Assert.Contains("pg_dump", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"backup-now\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("--restore", page, StringComparison.Ordinal);
        var service = (BackupService)app.Services.GetService(typeof(BackupService))!;
        Assert.Equal(BackupProblem.UsePgDump, (await service.CreateFromCommandLineAsync()).Problem);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var command = BackupCommandLine.Parse(args);
        Assert.NotNull(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.RunAsync(output, error);
        return (code, output.ToString(), error.ToString());
    }
}
