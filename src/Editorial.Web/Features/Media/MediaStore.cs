using System.Globalization;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Media;

/// <summary>
/// Checks an uploaded image and stores it: a re-encoded original, a web-size copy and a thumbnail under a
/// random name in the media folder, plus a <see cref="MediaAsset"/> row. A refused upload writes nothing.
/// </summary>
public sealed class MediaStore(
    MediaSettings settings,
    IDbContextFactory<EditorialDbContext> contextFactory,
    TimeProvider clock,
    ILogger<MediaStore> logger)
{
    private const int MaxFileNameLength = 260;

    // A 100-megapixel photo takes 400 MB decoded; two at a time keeps a burst of uploads from exhausting memory.
    private static readonly SemaphoreSlim Decoders = new(2, 2);

    public MediaSettings Settings => settings;

    /// <summary>URL of the web-size copy of a stored image, or null when there is no such image.</summary>
    public async Task<string?> WebUrlAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var path = await db.MediaAssets.AsNoTracking().Where(m => m.Id == id).Select(m => m.WebPath).FirstOrDefaultAsync(cancellationToken);
        return path is null ? null : $"{MediaPaths.UrlPrefix}/{path}";
    }

    public async Task<MediaUploadResult> SaveAsync(
        Stream content,
        string originalFileName,
        string? declaredContentType,
        string uploadedById,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(uploadedById);

        // The browser's content type and the name are the uploader's claims; only the bytes are trusted.
        _ = declaredContentType;

        var bytes = await ReadAtMostAsync(content, settings.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return MediaUploadResult.Refused(MediaRefusal.TooLarge, MediaMessages.TooLarge(settings));
        }

        if (bytes.Length == 0)
        {
            return MediaUploadResult.Refused(MediaRefusal.Empty, MediaMessages.Empty);
        }

        if (ImageSignature.Detect(bytes) == ImageFormat.Unknown)
        {
            return MediaUploadResult.Refused(MediaRefusal.NotAnImage, MediaMessages.NotAnImage);
        }

        if (!ImageSignature.HasImageExtension(originalFileName ?? ""))
        {
            return MediaUploadResult.Refused(MediaRefusal.WrongExtension, MediaMessages.WrongExtension);
        }

        if (ImageSignature.ContainsMarkup(bytes))
        {
            return MediaUploadResult.Refused(MediaRefusal.EmbeddedMarkup, MediaMessages.EmbeddedMarkup);
        }

        EncodedRenditions? renditions;
        DecodeProblem problem;
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            (renditions, problem) = ImageRenditions.Create(bytes, settings.WebMaxWidth, settings.ThumbnailMaxWidth);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "An upload of {Length} bytes could not be decoded", bytes.Length);
            (renditions, problem) = (null, DecodeProblem.Unreadable);
        }
        finally
        {
            Decoders.Release();
        }

        if (renditions is null)
        {
            return problem == DecodeProblem.TooManyPixels
                ? MediaUploadResult.Refused(MediaRefusal.TooManyPixels, MediaMessages.TooManyPixels)
                : MediaUploadResult.Refused(MediaRefusal.Unreadable, MediaMessages.Unreadable);
        }

        return await StoreAsync(renditions, originalFileName ?? "", uploadedById, cancellationToken);
    }

    /// <summary>The absolute path of a stored file, or null when <paramref name="relativePath"/> is not one of ours.</summary>
    public string? PhysicalPath(string relativePath) =>
        MediaPaths.IsStoredFile(relativePath) ? Path.Combine(settings.Folder, relativePath.Replace('/', Path.DirectorySeparatorChar)) : null;

    private async Task<MediaUploadResult> StoreAsync(EncodedRenditions renditions, string originalFileName, string uploadedById, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var folder = now.ToString("yyyy'/'MM", CultureInfo.InvariantCulture);
        var name = id.ToString("N");
        var asset = new MediaAsset
        {
            Id = id,
            OriginalPath = $"{folder}/{name}.{renditions.Extension}",
            WebPath = $"{folder}/{name}-web.{renditions.Extension}",
            ThumbnailPath = $"{folder}/{name}-thumb.{renditions.Extension}",
            OriginalFileName = CleanFileName(originalFileName),
            ContentType = renditions.ContentType,
            Width = renditions.Width,
            Height = renditions.Height,
            ByteSize = renditions.Original.Length,
            UploadedById = uploadedById,
            UploadedAtUtc = now,
        };

        (string Path, byte[] Bytes)[] files =
        [
            (PhysicalPath(asset.OriginalPath)!, renditions.Original),
            (PhysicalPath(asset.WebPath)!, renditions.Web),
            (PhysicalPath(asset.ThumbnailPath)!, renditions.Thumbnail),
        ];
        var written = new List<string>(6);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(files[0].Path)!);

            // Write every file under a temporary name first, then rename: a failure never leaves a half-written image.
            foreach (var (path, content) in files)
            {
                var temporary = path + ".tmp";
                written.Add(temporary);
                await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            }

            foreach (var (path, _) in files)
            {
                written.Add(path);
                File.Move(path + ".tmp", path);
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.MediaAssets.Add(asset);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            foreach (var path in written)
            {
                TryDelete(path);
            }

            if (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Storing upload {MediaId} failed; its files were removed", id);
            }

            throw;
        }

        logger.LogInformation("Stored image {MediaId} ({Width}x{Height}) for {UserId}", id, asset.Width, asset.Height, uploadedById);
        return MediaUploadResult.Stored(asset, renditions.WebWidth, renditions.WebHeight);
    }

    /// <summary>The whole stream, or null as soon as it proves longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string CleanFileName(string fileName)
    {
        // For people only: never part of a path. Drop folders and control characters a browser may send.
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Normalize(System.Text.NormalizationForm.FormC);
        return name.Length <= MaxFileNameLength ? name : name[..MaxFileNameLength];
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not remove {Path} after a failed upload", path);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogWarning(ex, "Could not remove {Path} after a failed upload", path);
        }
    }
}
