using System.IO.Compression;
using System.Text.Json;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration.Backup;

namespace Editorial.Tests.Backup;

/// <summary>Restoring an archive: into an empty or new folder only, and only when every check passes.</summary>
public sealed class BackupRestorerTests : IDisposable
{
    private readonly BackupHarness _harness = new();
    private readonly TemporaryFolder _targets = new();

    [Fact]
    public async Task ARestore_IntoANewFolder_GivesTheSameDatabaseAndImages()
    {
        var image = _harness.AddImage(seed: 7);
        await _harness.Database.CreateAsync(Person.Khanh, new ArticleContent { Title = "Hội nghị trực tuyến", Lead = "Tin ngắn." });
        var archive = await BackUpAsync();
        var target = Path.Combine(_targets.Path, "moi", "data");

        var result = await Restorer(target).RestoreAsync(archive);

        Assert.Equal(1, result.Manifest.Counts.Stories);
        var database = Path.Combine(target, "editorial.db");
        Assert.Equal("ok", BackupHarness.Scalar(database, "PRAGMA integrity_check;"));
        Assert.Equal("Hội nghị trực tuyến", BackupHarness.Scalar(database, "SELECT Title FROM Articles;"));
        foreach (var path in image)
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(_harness.MediaFolder, path)),
                await File.ReadAllBytesAsync(Path.Combine(target, "media", path)));
        }

        // Nothing but the data: no staging folder left beside it.
        Assert.Equal(["editorial.db", "media"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([target], Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task AnEmptyExistingFolder_IsAccepted()
    {
        var archive = await BackUpAsync();
        var target = Path.Combine(_targets.Path, "empty");
        Directory.CreateDirectory(target);

        await Restorer(target).RestoreAsync(archive);

        Assert.True(File.Exists(Path.Combine(target, "editorial.db")));
    }

    [Fact]
    public async Task AFolderWithAnything_IsRefused_AndLeftAsItWas()
    {
        var archive = await BackUpAsync();
        var target = Path.Combine(_targets.Path, "in-use");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "ghi-chu.txt"), "dữ liệu cũ");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => Restorer(target).RestoreAsync(archive));

        Assert.Equal(RestoreProblem.TargetNotEmpty, refused.Problem);
        Assert.Equal(["ghi-chu.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal("dữ liệu cũ", await File.ReadAllTextAsync(Path.Combine(target, "ghi-chu.txt")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_targets.Path));
    }

    [Fact]
    public async Task AnAlteredImage_IsCaught_AndNothingIsRestored()
    {
        var image = _harness.AddImage(seed: 8);
        var archive = await BackUpAsync();
        Rewrite(archive, zip =>
        {
            zip.GetEntry("media/" + image[1])!.Delete();
            using var stream = zip.CreateEntry("media/" + image[1]).Open();
            stream.Write(Editorial.Tests.Media.TestImages.Jpeg(50, 30, seed: 99));
        });
        var target = Path.Combine(_targets.Path, "new");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => Restorer(target).RestoreAsync(archive));

        Assert.Equal(RestoreProblem.ChecksumMismatch, refused.Problem);
        Assert.Equal("media/" + image[1], refused.Detail);
        Assert.Empty(Directory.GetFileSystemEntries(_targets.Path));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("media/../../escaped.txt")]
    [InlineData("/etc/escaped.txt")]
    [InlineData("keys/key-1.xml")]
    public async Task AnEntryABackupNeverWrites_IsRefused_BeforeAnythingIsUnpacked(string entry)
    {
        var archive = await BackUpAsync();
        Rewrite(archive, zip =>
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write("x"u8);
        });
        var target = Path.Combine(_targets.Path, "nested", "new");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => Restorer(target).RestoreAsync(archive));

        Assert.Equal(RestoreProblem.UnexpectedEntry, refused.Problem);
        Assert.Equal(entry, refused.Detail);
        Assert.Empty(Directory.GetFileSystemEntries(_targets.Path));
        Assert.False(File.Exists(Path.Combine(_targets.Path, "escaped.txt")));
    }

    [Fact]
    public async Task ADamagedDatabase_FailsTheIntegrityCheck_AndNothingIsRestored()
    {
        var archive = await BackUpAsync();
        byte[] damaged;
        using (var zip = ZipFile.OpenRead(archive))
        {
            await using var stream = zip.GetEntry(BackupArchive.DatabaseEntry)!.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            damaged = copy.ToArray();
        }

        // Scribble over the second page onwards (the first holds the header), then make the manifest agree.
        for (var i = 4096 + 16; i < damaged.Length; i += 7)
        {
            damaged[i] = 0xA5;
        }

        Rewrite(archive, zip =>
        {
            var manifest = BackupArchive.ReadManifest(zip)!;
            zip.GetEntry(BackupArchive.DatabaseEntry)!.Delete();
            using (var stream = zip.CreateEntry(BackupArchive.DatabaseEntry).Open())
            {
                stream.Write(damaged);
            }

            zip.GetEntry(BackupArchive.ManifestEntry)!.Delete();
            using var manifestStream = zip.CreateEntry(BackupArchive.ManifestEntry).Open();
            JsonSerializer.Serialize(manifestStream, manifest with
            {
                Database = manifest.Database with { Bytes = damaged.Length, Sha256 = BackupHarness.Sha256(damaged) },
            }, BackupArchive.Json);
        });
        var target = Path.Combine(_targets.Path, "new");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => Restorer(target).RestoreAsync(archive));

        Assert.Equal(RestoreProblem.DatabaseCorrupt, refused.Problem);
        Assert.Empty(Directory.GetFileSystemEntries(_targets.Path));
    }

    [Fact]
    public async Task AZipWithoutAManifest_IsNotABackup()
    {
        var archive = Path.Combine(_targets.Path, "other.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            zip.CreateEntry(BackupArchive.DatabaseEntry);
        }

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => Restorer(Path.Combine(_targets.Path, "new")).RestoreAsync(archive));

        Assert.Equal(RestoreProblem.ManifestMissing, refused.Problem);
    }

    public void Dispose()
    {
        _targets.Dispose();
        _harness.Dispose();
    }

    private static BackupRestorer Restorer(string target) =>
        new(target, Path.Combine(target, "editorial.db"), Path.Combine(target, "media"));

    private async Task<string> BackUpAsync()
    {
        var outcome = await _harness.Service.CreateAsync(Person.Minh.Principal);
        Assert.True(outcome.Succeeded, outcome.Problem.ToString());
        return outcome.Path!;
    }

    private static void Rewrite(string archive, Action<ZipArchive> change)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        change(zip);
    }
}
