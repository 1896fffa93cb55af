using System.IO.Compression;
using System.Text.Json;
using Editorial.Web.Features.Media;
using Microsoft.Data.Sqlite;

namespace Editorial.Web.Features.Administration.Backup;

/// <summary>Why a restore was refused; the console shows <c>Backup.Restore.Problem.{code}</c> with the detail.</summary>
public enum RestoreProblem
{
    ArchiveNotFound,
    NotAnArchive,
    ManifestMissing,
    ManifestInvalid,
    UnsupportedFormat,
    UnexpectedEntry,
    EntryMissing,
    ChecksumMismatch,
    DatabaseCorrupt,
    CountMismatch,
    TargetNotEmpty,
}

public sealed class RestoreRefusedException(RestoreProblem problem, string detail)
    : Exception($"{problem}: {detail}")
{
    public RestoreProblem Problem { get; } = problem;

    /// <summary>The file, entry or folder concerned, shown beside the Vietnamese sentence.</summary>
    public string Detail { get; } = detail;
}

public sealed record RestoreResult(BackupManifest Manifest, string DataFolder, string DatabasePath, string MediaFolder);

/// <summary>
/// Restores an archive written by <see cref="BackupService"/> into a data folder that is empty or does not exist;
/// never over existing data. Everything is unpacked and checked (manifest, SHA-256 of every file, PRAGMA
/// integrity_check, counts, every image the database names) in a staging folder beside the target, and only
/// then moved into place, media first and the database last: a refused or interrupted restore leaves no
/// database that the app would start on.
/// </summary>
public sealed class BackupRestorer(string dataFolder, string databasePath, string mediaFolder)
{
    public string DataFolder { get; } = Path.GetFullPath(dataFolder);

    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    public string MediaFolder { get; } = Path.GetFullPath(mediaFolder);

    public async Task<RestoreResult> RestoreAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        archivePath = Path.GetFullPath(archivePath);
        if (!File.Exists(archivePath))
        {
            throw new RestoreRefusedException(RestoreProblem.ArchiveNotFound, archivePath);
        }

        EnsureTargetIsEmpty();

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException)
        {
            throw new RestoreRefusedException(RestoreProblem.NotAnArchive, archivePath);
        }

        using (zip)
        {
            var manifest = ReadManifest(zip);
            var entries = CheckEntries(zip, manifest);

            var parent = Path.GetDirectoryName(DataFolder) ?? DataFolder;
            Directory.CreateDirectory(parent);
            var staging = Path.Combine(parent, "." + Path.GetFileName(DataFolder) + ".restore-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(staging);
            try
            {
                var stagedDatabase = Path.Combine(staging, BackupArchive.DatabaseEntry);
                await ExtractAsync(entries[BackupArchive.DatabaseEntry], manifest.Database, stagedDatabase, cancellationToken);
                CheckDatabase(stagedDatabase, manifest);

                var stagedMedia = Path.Combine(staging, "media");
                Directory.CreateDirectory(stagedMedia);
                foreach (var file in manifest.Media)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var target = Path.Combine(stagedMedia, file.Path.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await ExtractAsync(entries[BackupArchive.MediaPrefix + file.Path], file, target, cancellationToken);
                }

                // Someone may have started the app on the folder meanwhile.
                EnsureTargetIsEmpty();
                Directory.CreateDirectory(DataFolder);
                MoveFolder(stagedMedia, MediaFolder);
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                File.Move(stagedDatabase, DatabasePath);
                return new RestoreResult(manifest, DataFolder, DatabasePath, MediaFolder);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
    }

    private void EnsureTargetIsEmpty()
    {
        if (Directory.Exists(DataFolder) && Directory.EnumerateFileSystemEntries(DataFolder).Any())
        {
            throw new RestoreRefusedException(RestoreProblem.TargetNotEmpty, DataFolder);
        }

        if (Directory.Exists(MediaFolder) && Directory.EnumerateFileSystemEntries(MediaFolder).Any())
        {
            throw new RestoreRefusedException(RestoreProblem.TargetNotEmpty, MediaFolder);
        }

        if (File.Exists(DatabasePath))
        {
            throw new RestoreRefusedException(RestoreProblem.TargetNotEmpty, DatabasePath);
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip)
    {
        BackupManifest? manifest;
        try
        {
            manifest = BackupArchive.ReadManifest(zip);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new RestoreRefusedException(RestoreProblem.ManifestInvalid, ex.Message);
        }

        if (manifest is null)
        {
            throw new RestoreRefusedException(RestoreProblem.ManifestMissing, BackupArchive.ManifestEntry);
        }

        if (manifest.Format != BackupManifest.FormatName || manifest.FormatVersion is < 1 or > BackupManifest.CurrentFormatVersion)
        {
            throw new RestoreRefusedException(RestoreProblem.UnsupportedFormat, $"{manifest.Format} {manifest.FormatVersion}");
        }

        if (manifest.Database is null || manifest.Media is null || manifest.Counts is null
            || manifest.Media.Any(f => f is null || !MediaPaths.IsStoredFile(f.Path))
            || manifest.Media.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count() != manifest.Media.Count)
        {
            throw new RestoreRefusedException(RestoreProblem.ManifestInvalid, BackupArchive.ManifestEntry);
        }

        return manifest;
    }

    /// <summary>Only the names a backup writes, each once: nothing lands outside the target (no "../", no absolute path).</summary>
    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, BackupManifest manifest)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { BackupArchive.DatabaseEntry, BackupArchive.ManifestEntry };
        expected.UnionWith(manifest.Media.Select(f => BackupArchive.MediaPrefix + f.Path));

        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (!expected.Contains(entry.FullName) || !entries.TryAdd(entry.FullName, entry))
            {
                throw new RestoreRefusedException(RestoreProblem.UnexpectedEntry, entry.FullName);
            }
        }

        var missing = expected.FirstOrDefault(name => !entries.ContainsKey(name));
        if (missing is not null)
        {
            throw new RestoreRefusedException(RestoreProblem.EntryMissing, missing);
        }

        return entries;
    }

    private static async Task ExtractAsync(ZipArchiveEntry entry, BackupFile expected, string target, CancellationToken cancellationToken)
    {
        (long Bytes, string Sha256) actual;
        try
        {
            await using var source = await entry.OpenAsync(cancellationToken);
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            actual = await BackupArchive.CopyHashedAsync(source, output, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new RestoreRefusedException(RestoreProblem.ChecksumMismatch, entry.FullName);
        }

        if (actual.Bytes != expected.Bytes || !string.Equals(actual.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RestoreRefusedException(RestoreProblem.ChecksumMismatch, entry.FullName);
        }
    }

    private static void CheckDatabase(string path, BackupManifest manifest)
    {
        BackupService.DatabaseFacts facts;
        try
        {
            facts = BackupService.ReadFacts(path);
        }
        catch (SqliteException ex)
        {
            throw new RestoreRefusedException(RestoreProblem.DatabaseCorrupt, ex.Message);
        }

        if (facts.Integrity != "ok")
        {
            throw new RestoreRefusedException(RestoreProblem.DatabaseCorrupt, facts.Integrity);
        }

        if (facts.Stories != manifest.Counts.Stories || facts.MediaAssets != manifest.Counts.MediaAssets
            || manifest.Counts.MediaFiles != manifest.Media.Count)
        {
            throw new RestoreRefusedException(
                RestoreProblem.CountMismatch,
                $"{facts.Stories}/{manifest.Counts.Stories}, {facts.MediaAssets}/{manifest.Counts.MediaAssets}");
        }

        // Every image the database names is in the archive, unless it was already gone when the backup ran.
        var inArchive = manifest.Media.Select(f => f.Path).Concat(manifest.MissingMedia ?? []).ToHashSet(StringComparer.Ordinal);
        var absent = facts.ReferencedMedia.FirstOrDefault(p => !inArchive.Contains(p));
        if (absent is not null)
        {
            throw new RestoreRefusedException(RestoreProblem.EntryMissing, BackupArchive.MediaPrefix + absent);
        }
    }

    private static void MoveFolder(string source, string destination)
    {
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination); // empty: checked just before
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            Directory.Move(source, destination);
        }
        catch (IOException)
        {
            // Another file system (a media folder configured elsewhere): copy instead.
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(destination, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
