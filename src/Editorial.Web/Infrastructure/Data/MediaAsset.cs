namespace Editorial.Web.Infrastructure.Data;

/// <summary>An uploaded image: the original and its web-size and thumbnail copies in the media folder.</summary>
public sealed class MediaAsset
{
    public Guid Id { get; set; }

    /// <summary>Path under the media folder of the original, e.g. "2026/11/8f3c….jpg" (random name).</summary>
    public string OriginalPath { get; set; } = "";

    /// <summary>Max 1600 px wide, JPEG (or PNG when the original has transparency).</summary>
    public string WebPath { get; set; } = "";

    public string ThumbnailPath { get; set; } = "";

    /// <summary>File name as uploaded, for people; never used to build a path.</summary>
    public string OriginalFileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public long ByteSize { get; set; }

    public string UploadedById { get; set; } = "";

    public DateTimeOffset UploadedAtUtc { get; set; }
}
