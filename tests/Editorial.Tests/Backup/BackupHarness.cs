using System.IO.Compression;
using System.Security.Cryptography;
using Editorial.Core.Configuration;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration.Backup;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Backup;

/// <summary>
/// A backup service over a <see cref="StoryDatabase"/> file in WAL mode, with a media folder beside it holding a
/// few images the database names (as <see cref="MediaStore"/> lays them out).
/// </summary>
internal sealed class BackupHarness : IDisposable
{
    public BackupHarness()
    {
        Database = StoryDatabase.OnDisk();
        using (var db = Database.CreateDbContext())
        {
            ConnectionString = db.Database.GetConnectionString()!;
        }

        DataFolder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource)!;
        MediaFolder = Path.Combine(DataFolder, "media");
        Settings = new EditorialSettings
        {
            Options = new EditorialOptions(),
            DataFolder = DataFolder,
            ConnectionString = ConnectionString,
            TimeZone = Database.Time.Zone,
        };
        Service = new BackupService(
            Settings, new MediaSettings { Folder = MediaFolder }, Database.Audit, Database.Clock, Database.Time, NullLogger<BackupService>.Instance);
    }

    public StoryDatabase Database { get; }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    public string MediaFolder { get; }

    public EditorialSettings Settings { get; }

    public BackupService Service { get; }

    /// <summary>Writes an image's three files and its row; returns the relative paths.</summary>
    public string[] AddImage(int seed)
    {
        var name = Guid.NewGuid().ToString("N");
        string[] paths = [$"2017/04/{name}.jpg", $"2017/04/{name}-web.jpg", $"2017/04/{name}-thumb.jpg"];
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            var file = Path.Combine(MediaFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, Editorial.Tests.Media.TestImages.Jpeg(40 + i * 10, 30, seed: seed));
        }

        using var db = Database.CreateDbContext();
        db.MediaAssets.Add(new MediaAsset
        {
            Id = Guid.NewGuid(),
            OriginalPath = paths[0],
            WebPath = paths[1],
            ThumbnailPath = paths[2],
            OriginalFileName = "hoi-nghi.jpg",
            ContentType = "image/jpeg",
            Width = 40,
            Height = 30,
            ByteSize = 1,
            UploadedById = Person.Khanh.Id,
            UploadedAtUtc = Database.Clock.GetUtcNow(),
        });
        db.SaveChanges();
        return paths;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Unpacks the archive's database to a file and returns its path.</summary>
    public static string ExtractDatabase(string archive, string folder)
    {
        using var zip = ZipFile.OpenRead(archive);
        var path = Path.Combine(folder, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        zip.GetEntry(BackupArchive.DatabaseEntry)!.ExtractToFile(path);
        return path;
    }

    public static string Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose() => Database.Dispose();
}
