using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Editorial.Web.Features.Administration.Backup;

/// <summary>What is inside a backup archive, written as <c>manifest.json</c> beside the database and the media.</summary>
public sealed record BackupManifest
{
    public const string FormatName = "editorial-backup";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public string AppVersion { get; init; } = "";

    public DateTimeOffset CreatedAtUtc { get; init; }

    public string CreatedBy { get; init; } = "";

    /// <summary>The newest EF Core migration the database had: a restore onto an older app can be told apart.</summary>
    public string? LastMigration { get; init; }

    public BackupCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    public BackupFile Database { get; init; } = new(BackupArchive.DatabaseEntry, 0, "");

    /// <summary>Every media file, path relative to the media folder ("2026/11/….jpg").</summary>
    public IReadOnlyList<BackupFile> Media { get; init; } = [];

    /// <summary>Files the database names that were already missing from the media folder when the backup ran.</summary>
    public IReadOnlyList<string> MissingMedia { get; init; } = [];
}

public sealed record BackupCounts(int Stories, int PublishedStories, int MediaAssets, int MediaFiles, int Users);

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>One archive in the backups folder, as the page lists it.</summary>
public sealed record BackupArchiveInfo(string FileName, long Bytes, DateTimeOffset CreatedAtUtc, BackupCounts? Counts);

/// <summary>Names and layout of an archive: <c>editorial.db</c>, <c>media/yyyy/MM/…</c>, <c>manifest.json</c>.</summary>
public static partial class BackupArchive
{
    public const string DatabaseEntry = "editorial.db";
    public const string ManifestEntry = "manifest.json";
    public const string MediaPrefix = "media/";
    public const string PartialSuffix = ".partial";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>"editorial-2026-11-25-153012.zip" (Vietnam time), "-2" added when that second is taken.</summary>
    public static string FileNameFor(DateTimeOffset localTime, int attempt) =>
        "editorial-" + localTime.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture)
        + (attempt > 1 ? "-" + attempt.ToString(CultureInfo.InvariantCulture) : "") + ".zip";

    /// <summary>Only names this feature writes: no folder, no "..", no temporary file.</summary>
    public static bool IsArchiveName(string? fileName) => fileName is not null && ArchiveName().IsMatch(fileName);

    public static BackupManifest? ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestEntry);
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream, Json);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>; returns the length and SHA-256 (hex).</summary>
    public static async Task<(long Bytes, string Sha256)> CopyHashedAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [GeneratedRegex(@"\Aeditorial-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}(-[0-9]{1,4})?\.zip\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArchiveName();
}
