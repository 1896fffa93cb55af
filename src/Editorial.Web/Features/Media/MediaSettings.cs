using System.Globalization;
using Editorial.Core.Configuration;
using Editorial.Web.Infrastructure.Configuration;

namespace Editorial.Web.Features.Media;

/// <summary>The validated <c>Editorial:Media</c> settings with the folder resolved to an absolute path.</summary>
public sealed class MediaSettings
{
    /// <summary>Room for the multipart envelope and the antiforgery field around the file itself.</summary>
    public const long RequestOverheadBytes = 64 * 1024;

    public required string Folder { get; init; }

    /// <summary>Set from configuration, then by an administrator on the settings page (takes effect at once).</summary>
    public long MaxUploadBytes { get; set; } = MediaOptions.DefaultMaxUploadBytes;

    public int WebMaxWidth { get; init; } = MediaOptions.DefaultWebMaxWidth;

    public int ThumbnailMaxWidth { get; init; } = MediaOptions.DefaultThumbnailMaxWidth;

    /// <summary>Beyond the limit, how much of a refused body is still read and thrown away (see <see cref="RequestBodyCeiling"/>).</summary>
    public const long DrainAllowanceBytes = 128 * 1024 * 1024;

    /// <summary>The largest request body the upload endpoint accepts.</summary>
    public long MaxRequestBytes => MaxUploadBytes + RequestOverheadBytes;

    /// <summary>
    /// The server's hard limit for the upload endpoint. A browser that is still sending when the server answers
    /// and closes sees a network error instead of the 413 message, so an over-long body up to this size is read
    /// to its end and discarded before answering.
    /// </summary>
    public long RequestBodyCeiling => MaxRequestBytes + DrainAllowanceBytes;

    /// <summary>The endpoint's fixed limit: the most any setting may allow, so raising the setting needs no restart.</summary>
    public const long AbsoluteRequestBodyCeiling = MediaOptions.MaxUploadBytesCeiling + RequestOverheadBytes + DrainAllowanceBytes;

    /// <summary>"10 MB", "1,5 MB": the limit as a person reads it.</summary>
    public string MaxUploadText =>
        (MaxUploadBytes / (1024d * 1024d)).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + " MB";

    /// <summary>An empty folder means "media" in the data folder; a relative one starts at the repository root.</summary>
    public static MediaSettings From(EditorialSettings settings, string root)
    {
        var media = settings.Options.Media;
        var folder = string.IsNullOrWhiteSpace(media.Folder)
            ? Path.Combine(settings.DataFolder, "media")
            : Path.GetFullPath(media.Folder, root);

        return new MediaSettings
        {
            Folder = folder,
            MaxUploadBytes = media.MaxUploadBytes,
            WebMaxWidth = media.WebMaxWidth,
            ThumbnailMaxWidth = media.ThumbnailMaxWidth,
        };
    }
}
