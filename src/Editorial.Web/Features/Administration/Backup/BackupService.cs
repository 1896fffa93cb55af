using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Editorial.Core.Accounts;
using Editorial.Core.Time;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.Data.Sqlite;

namespace Editorial.Web.Features.Administration.Backup;

/// <summary>Why a backup was not written; the page shows <c>Backup.Problem.{code}</c>.</summary>
public enum BackupProblem
{
    None,
    NotAllowed,
    Busy,
    DatabaseMissing,
    DatabaseCorrupt,
    Failed,

    /// <summary>The database is a PostgreSQL server: the operator backs it up with pg_dump, not this feature.</summary>
    UsePgDump,
}

public sealed record BackupOutcome(BackupProblem Problem, BackupArchiveInfo? Archive, string? Path, BackupManifest? Manifest)
{
    public bool Succeeded => Problem == BackupProblem.None;

    public static BackupOutcome Refused(BackupProblem problem) => new(problem, null, null, null);
}

/// <summary>
/// Writes a consistent backup while the app runs: the database through SQLite's online backup API (never a
/// copy of the live file, whose WAL may hold the latest saves), then every media file, then a manifest, into
/// <c>&lt;DataFolder&gt;/backups/editorial-yyyy-MM-dd-HHmmss.zip</c>. The archive is written under a
/// <c>.partial</c> name and renamed when complete. One backup at a time, also across processes (a lock file).
/// </summary>
public sealed class BackupService(
    EditorialSettings settings,
    MediaSettings media,
    AuditTrail audit,
    TimeProvider clock,
    PortalTime portalTime,
    ILogger<BackupService> logger)
{
    /// <summary>Who the audit trail names for a backup made with <c>--backup</c>.</summary>
    public const string CommandLineUser = "(dòng lệnh)";

    private const string LockFileName = ".backup.lock";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Folder => Path.Combine(settings.DataFolder, "backups");

    public bool IsRunning => _gate.CurrentCount == 0;

    /// <summary>
    /// Archives are SQLite's (an online copy of the file, whose DataProtectionKeys table carries the sign-in keys).
    /// A PostgreSQL server is backed up with its own tools (pg_dump), which also copy a consistent snapshot.
    /// </summary>
    public bool IsAvailable => !settings.UsesPostgreSql;

    /// <summary>A backup asked for by a signed-in administrator; audited as <see cref="AuditActions.SystemBackup"/>.</summary>
    public Task<BackupOutcome> CreateAsync(ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Policies.IsGranted(Policies.Administer, Roles.Of(user)))
        {
            return Task.FromResult(BackupOutcome.Refused(BackupProblem.NotAllowed));
        }

        return RunAsync(user.Identity.Name ?? "", clientAddress, cancellationToken);
    }

    /// <summary>A backup from the command line (<c>--backup</c>): whoever can run the app on the server may.</summary>
    public Task<BackupOutcome> CreateFromCommandLineAsync(CancellationToken cancellationToken = default) =>
        RunAsync(CommandLineUser, null, cancellationToken);

    /// <summary>The archives in the backups folder, newest first.</summary>
    public Task<IReadOnlyList<BackupArchiveInfo>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(user)))
        {
            return Task.FromResult<IReadOnlyList<BackupArchiveInfo>>([]);
        }

        return Task.Run<IReadOnlyList<BackupArchiveInfo>>(() => ListArchives(cancellationToken), cancellationToken);
    }

    /// <summary>The full path of an archive this feature wrote, or null for any other name (no path traversal).</summary>
    public string? ArchivePath(string? fileName)
    {
        if (!BackupArchive.IsArchiveName(fileName))
        {
            return null;
        }

        var path = Path.Combine(Folder, fileName!);
        return File.Exists(path) ? path : null;
    }

    private List<BackupArchiveInfo> ListArchives(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var archives = new List<BackupArchiveInfo>();
        foreach (var path in Directory.EnumerateFiles(Folder, "editorial-*.zip"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(path);
            if (!BackupArchive.IsArchiveName(file.Name))
            {
                continue;
            }

            BackupManifest? manifest = null;
            try
            {
                using var zip = ZipFile.OpenRead(path);
                manifest = BackupArchive.ReadManifest(zip);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Backup archive {Archive} has no readable manifest", file.Name);
            }

            archives.Add(new BackupArchiveInfo(
                file.Name, file.Length, manifest?.CreatedAtUtc ?? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), manifest?.Counts));
        }

        return [.. archives.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.FileName, StringComparer.Ordinal)];
    }

    private async Task<BackupOutcome> RunAsync(string requestedBy, string? clientAddress, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return BackupOutcome.Refused(BackupProblem.UsePgDump);
        }

        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return BackupOutcome.Refused(BackupProblem.Busy);
        }

        try
        {
            Directory.CreateDirectory(Folder);
            FileStream processLock;
            try
            {
                // FileShare.None is an exclusive lock on Linux too (.NET takes flock): a --backup run and the app exclude each other.
                processLock = new FileStream(Path.Combine(Folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return BackupOutcome.Refused(BackupProblem.Busy);
            }

            await using (processLock)
            {
                var outcome = await Task.Run(() => WriteArchiveAsync(requestedBy, cancellationToken), cancellationToken);
                if (outcome.Succeeded)
                {
                    await AuditAsync(outcome, requestedBy, clientAddress);
                }

                return outcome;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BackupOutcome> WriteArchiveAsync(string requestedBy, CancellationToken cancellationToken)
    {
        var databasePath = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(databasePath) || !File.Exists(databasePath))
        {
            logger.LogError("Backup refused: no database at {Path}", databasePath);
            return BackupOutcome.Refused(BackupProblem.DatabaseMissing);
        }

        var now = clock.GetUtcNow();
        var fileName = FreeFileName(now);
        var finalPath = Path.Combine(Folder, fileName);
        var partialPath = finalPath + BackupArchive.PartialSuffix;
        var work = Path.Combine(Folder, "." + fileName + ".work");
        Directory.CreateDirectory(work);
        var copyPath = Path.Combine(work, BackupArchive.DatabaseEntry);
        try
        {
            // 1. The database, as one consistent snapshot: writers carry on meanwhile (WAL).
            BackUpDatabase(copyPath);
            var facts = ReadFacts(copyPath);
            if (facts.Integrity != "ok")
            {
                logger.LogError("Backup copy failed the integrity check: {Result}", facts.Integrity);
                return BackupOutcome.Refused(BackupProblem.DatabaseCorrupt);
            }

            // 2. The media files, listed after the snapshot: every image it names was written (and renamed) before its row.
            var mediaFiles = ListMediaFiles();
            var onDisk = mediaFiles.ToHashSet(StringComparer.Ordinal);
            var missing = facts.ReferencedMedia.Where(p => !onDisk.Contains(p)).Order(StringComparer.Ordinal).ToList();
            foreach (var path in missing)
            {
                logger.LogWarning("Backup: the database names media file {Path}, which is not in the media folder", path);
            }

            BackupManifest manifest;
            await using (var output = new FileStream(partialPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var database = await AddFileAsync(zip, copyPath, BackupArchive.DatabaseEntry, CompressionLevel.Optimal, cancellationToken);
                    var stored = new List<BackupFile>(mediaFiles.Count);
                    foreach (var relative in mediaFiles)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var source = Path.Combine(media.Folder, relative.Replace('/', Path.DirectorySeparatorChar));

                        // Images are already compressed: storing them as they are is as small and much faster.
                        var file = await AddFileAsync(zip, source, BackupArchive.MediaPrefix + relative, CompressionLevel.NoCompression, cancellationToken);
                        stored.Add(file with { Path = relative });
                    }

                    manifest = new BackupManifest
                    {
                        AppVersion = AppVersion,
                        CreatedAtUtc = now,
                        CreatedBy = requestedBy,
                        LastMigration = facts.LastMigration,
                        Counts = new BackupCounts(facts.Stories, facts.PublishedStories, facts.MediaAssets, stored.Count, facts.Users),
                        Database = database,
                        Media = stored,
                        MissingMedia = missing,
                    };
                    var entry = zip.CreateEntry(BackupArchive.ManifestEntry, CompressionLevel.Optimal);
                    await using var manifestStream = await entry.OpenAsync(cancellationToken);
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupArchive.Json, cancellationToken);
                }

                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }

            // Only a complete archive carries the final name.
            File.Move(partialPath, finalPath);
            var info = new BackupArchiveInfo(fileName, new FileInfo(finalPath).Length, now, manifest.Counts);
            logger.LogInformation(
                "Backup {Archive} written: {Bytes} bytes, {Stories} stories, {MediaFiles} media files",
                fileName, info.Bytes, manifest.Counts.Stories, manifest.Counts.MediaFiles);
            return new BackupOutcome(BackupProblem.None, info, finalPath, manifest);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Backup {Archive} failed", fileName);
            return BackupOutcome.Refused(BackupProblem.Failed);
        }
        finally
        {
            TryDelete(partialPath);
            TryDeleteFolder(work);
        }
    }

    private string FreeFileName(DateTimeOffset now)
    {
        var local = portalTime.ToLocal(now);
        for (var attempt = 1; ; attempt++)
        {
            var name = BackupArchive.FileNameFor(local, attempt);
            if (!File.Exists(Path.Combine(Folder, name)))
            {
                return name;
            }
        }
    }

    private void BackUpDatabase(string copyPath)
    {
        var source = new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        using var from = new SqliteConnection(source.ConnectionString);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ConnectionString);
        from.Open();
        to.Open();
        from.BackupDatabase(to);

        // The copy stands alone: no -wal file beside it in the archive. The app turns WAL on again when it starts.
        using var command = to.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    internal sealed record DatabaseFacts(
        string Integrity, int Stories, int PublishedStories, int MediaAssets, int Users, string? LastMigration, IReadOnlyList<string> ReferencedMedia);

    /// <summary>Integrity, counts and the media files a database (a backup copy, not the live one) names.</summary>
    internal static DatabaseFacts ReadFacts(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        connection.Open();

        var integrity = string.Join("; ", Strings(connection, "PRAGMA integrity_check;"));
        if (integrity != "ok")
        {
            return new DatabaseFacts(integrity, 0, 0, 0, 0, null, []);
        }

        var referenced = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT OriginalPath, WebPath, ThumbnailPath FROM MediaAssets;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                referenced.Add(reader.GetString(0));
                referenced.Add(reader.GetString(1));
                referenced.Add(reader.GetString(2));
            }
        }

        return new DatabaseFacts(
            integrity,
            Count(connection, "SELECT COUNT(*) FROM Articles;"),
            Count(connection, "SELECT COUNT(*) FROM Articles WHERE State = 'Published';"),
            Count(connection, "SELECT COUNT(*) FROM MediaAssets;"),
            Count(connection, "SELECT COUNT(*) FROM AspNetUsers;"),
            Count(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") == 0
                ? null
                : Strings(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;").FirstOrDefault(),
            referenced);
    }

    private static int Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Stored media files ("2026/11/….jpg"), never a temporary <c>.tmp</c> of an upload in progress.</summary>
    private List<string> ListMediaFiles()
    {
        if (!Directory.Exists(media.Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(media.Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(media.Folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(MediaPaths.IsStoredFile)
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<BackupFile> AddFileAsync(ZipArchive zip, string sourcePath, string entryName, CompressionLevel level, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var entry = zip.CreateEntry(entryName, level);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(sourcePath);
        await using var target = await entry.OpenAsync(cancellationToken);
        var (bytes, sha256) = await BackupArchive.CopyHashedAsync(source, target, cancellationToken);
        return new BackupFile(entryName, bytes, sha256);
    }

    private async Task AuditAsync(BackupOutcome outcome, string requestedBy, string? clientAddress)
    {
        try
        {
            var details = string.Create(
                CultureInfo.InvariantCulture,
                $"{outcome.Archive!.FileName} ({outcome.Archive.Bytes} bytes; {outcome.Manifest!.Counts.Stories} stories; {outcome.Manifest.Counts.MediaFiles} media files)");
            await audit.RecordAsync(AuditActions.SystemBackup, requestedBy, details, clientAddress);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The archive is complete; a database too busy or too old to take the audit row must not hide that.
            logger.LogWarning(ex, "Backup {Archive} written but not audited", outcome.Archive?.FileName);
        }
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupService).Assembly.GetName().Version?.ToString()
        ?? "";

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove {Path}", path);
        }
    }

    private void TryDeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove {Path}", path);
        }
    }
}
