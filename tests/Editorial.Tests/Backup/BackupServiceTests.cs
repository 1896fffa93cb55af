using System.IO.Compression;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Administration.Backup;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Backup;

/// <summary>The backup service over a real SQLite file in WAL mode, as the app runs it.</summary>
public sealed class BackupServiceTests : IDisposable
{
    private readonly BackupHarness _harness = new();

    [Fact]
    public async Task ABackupTakenWhileStoriesKeepBeingSaved_IsAnIntactSnapshot()
    {
        using var stop = new CancellationTokenSource();
        var saved = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref saved);
                await _harness.Database.CreateAsync(Person.Khanh, new ArticleContent
                {
                    Title = $"Hội nghị số {n}",
                    Lead = "CTTĐT – Sáng 20/4, Ban Chỉ đạo đã họp.",
                    BodyHtml = "<p>" + string.Concat(Enumerable.Repeat("Nội dung dài của bài. ", 200)) + "</p>",
                });
            }
        });
        await WaitUntil(() => Volatile.Read(ref saved) >= 5);

        var outcomes = new List<BackupOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await _harness.Service.CreateAsync(Person.Minh.Principal));
        }

        var savedWhileBackingUp = Volatile.Read(ref saved);
        await stop.CancelAsync();
        await writer;

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Problem.ToString()));
        Assert.Equal(3, outcomes.Select(o => o.Archive!.FileName).Distinct().Count());
        var previous = 0;
        foreach (var outcome in outcomes)
        {
            var copy = BackupHarness.ExtractDatabase(outcome.Path!, _harness.DataFolder);
            Assert.Equal("ok", BackupHarness.Scalar(copy, "PRAGMA integrity_check;"));
            Assert.Equal("delete", BackupHarness.Scalar(copy, "PRAGMA journal_mode;"));
            var stories = int.Parse(BackupHarness.Scalar(copy, "SELECT COUNT(*) FROM Articles;"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(outcome.Manifest!.Counts.Stories, stories);

            // Each snapshot holds whole saves only: every story has its first revision, and it saw at least the earlier one's.
            Assert.Equal("0", BackupHarness.Scalar(copy, "SELECT COUNT(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleRevisions r WHERE r.ArticleId = a.Id);"));
            Assert.InRange(stories, Math.Max(previous, 4), savedWhileBackingUp);
            previous = stories;
        }

        Assert.True(previous < _harness.Database.Counts().Articles, "stories were still saved after the last backup");
    }

    [Fact]
    public async Task TheArchive_HoldsTheDatabaseEveryImageAndAManifest_UnderItsFinalNameOnly()
    {
        var image = _harness.AddImage(seed: 3);
        await _harness.Database.CreateAsync(Person.Khanh, new ArticleContent { Title = "Tin có ảnh", Lead = "Tin ngắn." });
        File.WriteAllBytes(Path.Combine(_harness.MediaFolder, "2017", "04", "upload-in-progress.jpg.tmp"), [1, 2, 3]);

        var outcome = await _harness.Service.CreateAsync(Person.Minh.Principal, "10.0.0.9");

        Assert.True(outcome.Succeeded, outcome.Problem.ToString());
        Assert.Matches(@"\Aeditorial-2017-04-20-070000\.zip\z", outcome.Archive!.FileName); // Vietnam time of the fake clock
        Assert.Equal(Path.Combine(_harness.DataFolder, "backups", outcome.Archive.FileName), outcome.Path);
        Assert.Equal([outcome.Archive.FileName], Directory.GetFiles(Path.Combine(_harness.DataFolder, "backups"), "*.zip*").Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_harness.DataFolder, "backups")));

        using var zip = ZipFile.OpenRead(outcome.Path!);
        Assert.Equal(
            new[] { BackupArchive.DatabaseEntry, BackupArchive.ManifestEntry }.Concat(image.Select(p => "media/" + p)).Order(StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var path in image)
        {
            await using var stream = zip.GetEntry("media/" + path)!.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_harness.MediaFolder, path)), copy.ToArray());
        }

        var manifest = BackupArchive.ReadManifest(zip)!;
        Assert.Equal(BackupManifest.FormatName, manifest.Format);
        Assert.Equal(StoryDatabase.Start, manifest.CreatedAtUtc);
        Assert.Equal(Person.Minh.Id, manifest.CreatedBy);
        Assert.Equal(new BackupCounts(Stories: 1, PublishedStories: 0, MediaAssets: 1, MediaFiles: 3, Users: 5), manifest.Counts);
        Assert.Equal(image.Order(StringComparer.Ordinal), manifest.Media.Select(m => m.Path));
        Assert.Equal(BackupHarness.Sha256(await File.ReadAllBytesAsync(Path.Combine(_harness.MediaFolder, image[1]))), manifest.Media.Single(m => m.Path == image[1]).Sha256);
        Assert.Empty(manifest.MissingMedia);
        Assert.False(string.IsNullOrEmpty(manifest.AppVersion));

        await using var db = _harness.Database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SystemBackup);
        Assert.Equal(Person.Minh.Id, audit.UserName);
        Assert.Equal("10.0.0.9", audit.ClientAddress);
        Assert.StartsWith(outcome.Archive.FileName, audit.Details, StringComparison.Ordinal);

        var listed = Assert.Single(await _harness.Service.ListAsync(Person.Minh.Principal));
        Assert.Equal(outcome.Archive, listed);
    }

    [Fact]
    public async Task AnImageTheDatabaseNamesButTheFolderLacks_IsNotedInTheManifest()
    {
        var image = _harness.AddImage(seed: 4);
        File.Delete(Path.Combine(_harness.MediaFolder, image[2]));

        var outcome = await _harness.Service.CreateAsync(Person.Minh.Principal);

        Assert.True(outcome.Succeeded);
        Assert.Equal([image[2]], outcome.Manifest!.MissingMedia);
        Assert.Equal(2, outcome.Manifest.Counts.MediaFiles);
    }

    [Theory]
    [InlineData("reporter-khanh")]
    [InlineData("editor-lan")]
    [InlineData("no-role")]
    public async Task OnlyAnAdministrator_MayBackUp(string id)
    {
        var person = Person.Everyone.Single(p => p.Id == id);

        var outcome = await _harness.Service.CreateAsync(person.Principal);

        Assert.Equal(BackupProblem.NotAllowed, outcome.Problem);
        Assert.False(Directory.Exists(Path.Combine(_harness.DataFolder, "backups")));
        Assert.Empty(await _harness.Service.ListAsync(person.Principal));
    }

    [Fact]
    public async Task WhileAnotherProcessIsBackingUp_ASecondBackupIsRefused_AndWritesNothing()
    {
        var folder = Path.Combine(_harness.DataFolder, "backups");
        Directory.CreateDirectory(folder);
        await using (new FileStream(Path.Combine(folder, ".backup.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var refused = await _harness.Service.CreateAsync(Person.Minh.Principal);

            Assert.Equal(BackupProblem.Busy, refused.Problem);
            Assert.Empty(Directory.GetFiles(folder, "*.zip*"));
        }

        Assert.True((await _harness.Service.CreateAsync(Person.Minh.Principal)).Succeeded);
    }

    [Fact]
    public async Task TwoBackupsInTheSameSecond_GetTwoNames()
    {
        var first = await _harness.Service.CreateAsync(Person.Minh.Principal);
        var second = await _harness.Service.CreateAsync(Person.Minh.Principal);

        Assert.Equal("editorial-2017-04-20-070000.zip", first.Archive!.FileName);
        Assert.Equal("editorial-2017-04-20-070000-2.zip", second.Archive!.FileName);
        Assert.Equal(2, (await _harness.Service.ListAsync(Person.Minh.Principal)).Count);
    }

    [Theory]
    [InlineData("editorial-2017-04-20-070000.zip", true)]
    [InlineData("editorial-2017-04-20-070000-2.zip", true)]
    [InlineData("editorial-2017-04-20-070000.zip.partial", false)]
    [InlineData("../editorial-2017-04-20-070000.zip", false)]
    [InlineData("..%2Feditorial.db", false)]
    [InlineData("editorial.db", false)]
    [InlineData(".backup.lock", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyNamesTheBackupWrites_AreArchiveNames(string? name, bool expected)
    {
        Assert.Equal(expected, BackupArchive.IsArchiveName(name));
        if (!expected)
        {
            Assert.Null(_harness.Service.ArchivePath(name));
        }
    }

    public void Dispose() => _harness.Dispose();

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
