using System.Text;

namespace Editorial.Web.Features.Media;

public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
}

/// <summary>
/// Recognises an image by its first bytes, never by its name or the browser's content type: an SVG, an
/// HTML page or a script renamed to .jpg starts with text and is refused here.
/// </summary>
public static class ImageSignature
{
    /// <summary>How much of each end of the file is searched for markup.</summary>
    public const int MarkupScanBytes = 64 * 1024;

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp"];

    // Obvious signs of a file that is also a web page or a script (a "polyglot"). Lower case; compared ignoring case.
    private static readonly byte[][] MarkupMarkers =
        [.. new[] { "<script", "<html", "<svg", "<?php", "<iframe", "<!doctype", "<body", "javascript:" }.Select(Encoding.ASCII.GetBytes)];

    public static ImageFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return ImageFormat.Unknown;
    }

    /// <summary>Whether the name ends like an image file. Which image format does not matter: the bytes decide.</summary>
    public static bool HasImageExtension(string fileName) =>
        ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether HTML, SVG or script text sits in the first or last <see cref="MarkupScanBytes"/> bytes.</summary>
    public static bool ContainsMarkup(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= 2 * MarkupScanBytes)
        {
            return ContainsMarkupIn(bytes);
        }

        return ContainsMarkupIn(bytes[..MarkupScanBytes]) || ContainsMarkupIn(bytes[^MarkupScanBytes..]);
    }

    private static bool ContainsMarkupIn(ReadOnlySpan<byte> region)
    {
        var lower = new byte[region.Length];
        for (var i = 0; i < region.Length; i++)
        {
            var b = region[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        foreach (var marker in MarkupMarkers)
        {
            if (lower.AsSpan().IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
