using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Editorial.Tests.Media;

/// <summary>A <see cref="MediaStore"/> on a temporary media folder and a migrated SQLite database.</summary>
internal sealed class MediaStoreHarness : IDisposable
{
    public const string UploaderId = "user-phongvien";

    private readonly TemporaryFolder _folder = new();
    private readonly ServiceProvider _services;

    private MediaStoreHarness(long maxUploadBytes, bool migrate)
    {
        MediaFolder = Path.Combine(_folder.Path, "media");
        _services = new ServiceCollection()
            .AddDbContextFactory<EditorialDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder.Path, "editorial.db")}"))
            .BuildServiceProvider();
        if (migrate)
        {
            using var db = Contexts.CreateDbContext();
            db.Database.Migrate();
        }

        Settings = new MediaSettings { Folder = MediaFolder, MaxUploadBytes = maxUploadBytes };
        Store = new MediaStore(Settings, Contexts, Clock, NullLogger<MediaStore>.Instance);
    }

    public static MediaStoreHarness Create(long maxUploadBytes = 10 * 1024 * 1024) => new(maxUploadBytes, migrate: true);

    /// <summary>A database without tables: storing the row fails after the files were written.</summary>
    public static MediaStoreHarness WithBrokenDatabase() => new(10 * 1024 * 1024, migrate: false);

    public string MediaFolder { get; }

    public MediaSettings Settings { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    public MediaStore Store { get; }

    public IDbContextFactory<EditorialDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<EditorialDbContext>>();

    public Task<MediaUploadResult> SaveAsync(byte[] bytes, string fileName, string? contentType = "image/jpeg") =>
        Store.SaveAsync(new MemoryStream(bytes), fileName, contentType, UploaderId);

    /// <summary>Every file under the media folder (temporary ones too), relative, with forward slashes.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(MediaFolder)
            ? [.. Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MediaFolder, f).Replace('\\', '/')).Order()]
            : [];

    public byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(MediaFolder, relativePath));

    public int RowCount()
    {
        using var db = Contexts.CreateDbContext();
        return db.MediaAssets.Count();
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
