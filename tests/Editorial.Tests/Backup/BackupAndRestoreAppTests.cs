using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Tests.Portal;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Administration.Backup;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Backup;

/// <summary>
/// The real app: an image is uploaded and published in a story, <c>--backup</c> runs beside the running app,
/// <c>--restore</c> puts the archive into a fresh data folder, and a second app started on it serves the same
/// story and the same image bytes. Also the download endpoint and who may use it.
/// </summary>
public sealed class BackupAndRestoreAppTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public async Task ABackupIsRestoredIntoAFreshDataFolder_AndTheAppStartsOnItWithEveryStoryAndImageIntact()
    {
        // An image uploaded through the API and a published story showing it.
        using var reporter = await SignedInAsync("phongvien");
        var upload = await UploadAsync(reporter, Editorial.Tests.Media.TestImages.Jpeg(1200, 800, seed: 11));
        const string title = "Hội nghị sao lưu và khôi phục dữ liệu năm 2026";
        await app.AddStoryAsync(
            title, ArticleState.Published, PortalHttp.ProvinceSlug,
            bodyHtml: $"""<p>Toàn văn.</p><figure><img src="{upload}" alt="Toàn cảnh"><figcaption>Toàn cảnh Hội nghị</figcaption></figure>""");
        await app.EvictAsync();
        var originalPage = await Browser.Open(app).GetPageAsync("/tin/" + PortalHttp.SlugFor(title));
        var originalImage = await (await reporter.GetAsync(upload)).Content.ReadAsByteArrayAsync();
        var originalStories = await StoriesAsync(app);

        // --backup, while the app keeps running on the same folder.
        var backup = await RunAsync("--backup", $"--Editorial:DataFolder={app.DataFolder}");
        Assert.True(backup.Code == 0, backup.Error);
        var archive = backup.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.StartsWith(Path.Combine(app.DataFolder, "backups", "editorial-"), archive, StringComparison.Ordinal);
        Assert.Contains($"Đã sao lưu {originalStories.Count} bài", backup.Output, StringComparison.Ordinal);
        await using (var db = await DatabaseAsync(app))
        {
            var audited = await db.AuditEntries.Where(e => e.Action == AuditActions.SystemBackup).ToListAsync();
            Assert.Contains(audited, e => e.UserName == BackupService.CommandLineUser && e.Details!.StartsWith(Path.GetFileName(archive), StringComparison.Ordinal));
        }

        // --restore into a folder that does not exist yet.
        using var fresh = new TemporaryFolder();
        var restoredFolder = Path.Combine(fresh.Path, "data");
        var restore = await RunAsync("--restore", archive, $"--Editorial:DataFolder={restoredFolder}");
        Assert.True(restore.Code == 0, restore.Error);
        Assert.Contains($"Đã khôi phục {originalStories.Count} bài", restore.Output, StringComparison.Ordinal);

        await using var restored = new EditorialAppFactory(restoredFolder);
        Assert.Equal(originalStories, await StoriesAsync(restored));
        Assert.Equal(0, restored.BootstrapConsole.Calls); // the accounts came back: no new demo accounts

        using var reader = Browser.Open(restored);
        var restoredPage = await reader.GetPageAsync("/tin/" + PortalHttp.SlugFor(title));
        Assert.Equal(MainOf(originalPage), MainOf(restoredPage));
        var image = await reader.GetAsync(upload);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(originalImage, await image.Content.ReadAsByteArrayAsync());

        // Every stored file, the seed stories' pictures included, byte for byte.
        var media = Path.Combine(app.DataFolder, "media");
        var files = Directory.GetFiles(media, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(media, f)).Order().ToList();
        Assert.True(files.Count >= 6, $"only {files.Count} media files");
        Assert.Equal(files, Directory.GetFiles(Path.Combine(restoredFolder, "media"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(restoredFolder, "media"), f)).Order().ToList());
        foreach (var file in files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(media, file)), await File.ReadAllBytesAsync(Path.Combine(restoredFolder, "media", file)));
        }

        // The people came back too: the administrator signs in with the first app's password.
        using var admin = Browser.Open(restored);
        await admin.SignInAsync("quantri", app.PasswordOf("quantri"));
    }

    [Fact]
    public async Task RestoreRefusesAFolderThatHoldsData_AndChangesNothingInIt()
    {
        _ = app.Server;
        var archive = await BackUpAsAdministratorAsync();
        var before = await StoriesAsync(app);
        var databaseBytes = new FileInfo(Path.Combine(app.DataFolder, "editorial.db")).Length;

        var restore = await RunAsync("--restore", archive, $"--Editorial:DataFolder={app.DataFolder}");

        Assert.Equal(1, restore.Code);
        Assert.Contains("Nơi khôi phục đã có dữ liệu", restore.Error, StringComparison.Ordinal);
        Assert.Contains(app.DataFolder, restore.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StoriesAsync(app));
        Assert.Equal(databaseBytes, new FileInfo(Path.Combine(app.DataFolder, "editorial.db")).Length);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(app.DataFolder)!, "." + Path.GetFileName(app.DataFolder) + ".restore-*"));
    }

    [Fact]
    public async Task RestoreWithoutAnArchive_OrAMissingOne_SaysSoInVietnamese()
    {
        using var fresh = new TemporaryFolder();
        var target = Path.Combine(fresh.Path, "data");

        var noArchive = await RunAsync("--restore", $"--Editorial:DataFolder={target}");
        var missing = await RunAsync("--restore", Path.Combine(fresh.Path, "khong-co.zip"), $"--Editorial:DataFolder={target}");

        Assert.Equal(1, noArchive.Code);
        Assert.Contains("Thiếu tệp sao lưu", noArchive.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.Code);
        Assert.Contains("Không tìm thấy tệp sao lưu", missing.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task AnAdministrator_DownloadsAnArchive_AndTheDownloadIsAudited()
    {
        var archive = await BackUpAsAdministratorAsync();
        var name = Path.GetFileName(archive);
        using var admin = await SignedInAsync("quantri");

        var response = await admin.GetAsync(BackupEndpoints.DownloadUrl(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(archive), await response.Content.ReadAsByteArrayAsync());
        await using var db = await DatabaseAsync(app);
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == AuditActions.SystemBackupDownloaded).ToListAsync(), e => e.UserName == "quantri" && e.Details == name);
    }

    [Theory]
    [InlineData("phongvien")]
    [InlineData("bientap")]
    public async Task ReportersAndEditors_Get403_OnTheBackupEndpoints(string userName)
    {
        var name = Path.GetFileName(await BackUpAsAdministratorAsync());
        using var browser = await SignedInAsync(userName);

        var download = await browser.GetAsync(BackupEndpoints.DownloadUrl(name));
        var unknown = await browser.GetAsync(BackupEndpoints.DownloadUrl("editorial-2000-01-01-000000.zip"));

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.NotEqual("application/zip", download.Content.Headers.ContentType?.MediaType);

        // The page itself sends them to "access denied", like every admin page.
        var page = await browser.GetAsync("/admin/backup");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/Account/AccessDenied", Browser.LocationPath(page));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var name = Path.GetFileName(await BackUpAsAdministratorAsync());
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync(BackupEndpoints.DownloadUrl(name));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(response));
    }

    [Theory]
    [InlineData("..%2Feditorial.db")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("editorial.db")]
    [InlineData(".backup.lock")]
    [InlineData("editorial-2000-01-01-000000.zip")]
    public async Task OnlyArchivesAreServed(string name)
    {
        await BackUpAsAdministratorAsync();
        using var admin = await SignedInAsync("quantri");

        var response = await admin.GetAsync(BackupEndpoints.ArchivesPath + "/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.False(body.AsSpan().StartsWith("SQLite format 3"u8));
    }

    [Fact]
    public async Task TheAdministratorsPage_ListsTheArchives_WithDownloadLinks()
    {
        var name = Path.GetFileName(await BackUpAsAdministratorAsync());
        using var admin = await SignedInAsync("quantri");

        var html = await admin.GetPageAsync("/admin/backup");

        Assert.Equal("Sao lưu dữ liệu", Browser.Title(html));
        Assert.Contains("Sao lưu ngay", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/backup/archives/{name}\"", html, StringComparison.Ordinal);
    }

    private async Task<string> BackUpAsAdministratorAsync()
    {
        _ = app.Server;
        var service = app.Services.GetRequiredService<BackupService>();
        var existing = await service.ListAsync(AdministratorPrincipal);
        if (existing.Count > 0)
        {
            return service.ArchivePath(existing[0].FileName)!;
        }

        var outcome = await service.CreateAsync(AdministratorPrincipal);
        Assert.True(outcome.Succeeded, outcome.Problem.ToString());
        return outcome.Path!;
    }

    private static System.Security.Claims.ClaimsPrincipal AdministratorPrincipal => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, "quantri"), new(System.Security.Claims.ClaimTypes.Role, Editorial.Core.Accounts.Roles.Administrator)],
        "Test"));

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var command = BackupCommandLine.Parse(args);
        Assert.NotNull(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.RunAsync(output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<Browser> SignedInAsync(string userName)
    {
        var browser = Browser.Open(app);
        await browser.SignInAsync(userName, app.PasswordOf(userName));
        return browser;
    }

    private static async Task<string> UploadAsync(Browser browser, byte[] jpeg)
    {
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = new MultipartFormDataContent { { file, "file", "hoi-nghi.jpg" } } };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("location").GetString()!;
    }

    private static Task<EditorialDbContext> DatabaseAsync(EditorialAppFactory factory)
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
    }

    private static async Task<List<string>> StoriesAsync(EditorialAppFactory factory)
    {
        await using var db = await DatabaseAsync(factory);
        var rows = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.Slug, a.Title, a.State, a.BodyHtml, a.PublishedAtUtc }).ToListAsync();
        return [.. rows.OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.Slug}|{a.Title}|{a.State}|{a.PublishedAtUtc:O}|{a.BodyHtml.GetHashCode(StringComparison.Ordinal)}")];
    }

    private static string MainOf(string html) => PortalHttp.Parse(html).QuerySelector("main")!.OuterHtml;
}
