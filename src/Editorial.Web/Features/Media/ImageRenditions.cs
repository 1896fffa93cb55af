using SkiaSharp;

namespace Editorial.Web.Features.Media;

/// <summary>The three files made from one upload, already encoded.</summary>
public sealed record EncodedRenditions(
    string Extension,
    string ContentType,
    int Width,
    int Height,
    byte[] Original,
    byte[] Web,
    int WebWidth,
    int WebHeight,
    byte[] Thumbnail);

/// <summary>Why an image could not be made into renditions.</summary>
public enum DecodeProblem
{
    None,
    Unreadable,
    TooManyPixels,
}

/// <summary>
/// Decodes an upload completely with SkiaSharp and encodes it again. Nothing of the uploaded bytes is kept:
/// whatever hides after the end of the image, or in its metadata (GPS position, scripts), is dropped.
/// </summary>
public static class ImageRenditions
{
    public const int MaxSide = 20_000;
    public const long MaxPixels = 100_000_000;

    private const int OriginalQuality = 90;
    private const int CopyQuality = 85;

    private static readonly SKSamplingOptions Downscale = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static (EncodedRenditions? Renditions, DecodeProblem Problem) Create(byte[] bytes, int webMaxWidth, int thumbnailMaxWidth)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Webp))
        {
            return (null, DecodeProblem.Unreadable);
        }

        // Check the size the header claims before allocating anything: a few bytes can claim gigapixels.
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return (null, DecodeProblem.Unreadable);
        }

        if (info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
        {
            return (null, DecodeProblem.TooManyPixels);
        }

        var mayBeTransparent = info.AlphaType != SKAlphaType.Opaque;
        var decodeInfo = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, mayBeTransparent ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(decodeInfo))
        {
            return (null, DecodeProblem.TooManyPixels);
        }

        // Anything short of a complete decode (a truncated file reports IncompleteInput) is refused.
        if (codec.GetPixels(decodeInfo, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return (null, DecodeProblem.Unreadable);
        }

        var transparent = mayBeTransparent && HasTransparentPixel(decoded);
        using var upright = Orient(decoded, codec.EncodedOrigin, transparent);
        var full = upright ?? decoded;

        var format = transparent ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        var original = Encode(full, format, OriginalQuality);

        using var web = ScaleToWidth(full, webMaxWidth, transparent);
        var webCopy = web ?? full;
        var webBytes = Encode(webCopy, format, CopyQuality);

        using var thumbnail = ScaleToWidth(full, thumbnailMaxWidth, transparent);
        var thumbnailBytes = Encode(thumbnail ?? full, format, CopyQuality);

        return (new EncodedRenditions(
            transparent ? "png" : "jpg",
            transparent ? "image/png" : "image/jpeg",
            full.Width,
            full.Height,
            original,
            webBytes,
            webCopy.Width,
            webCopy.Height,
            thumbnailBytes), DecodeProblem.None);
    }

    private static bool HasTransparentPixel(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns a camera photo the way its EXIF orientation says; null when it is upright already.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin, bool transparent)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        var (w, h) = (source.Width, source.Height);
        // Skia's SkEncodedOriginToMatrix: maps the stored pixels to the upright picture.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = NewBitmap(swapsSides ? h : w, swapsSides ? w : h, transparent);
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(matrix);
        using var pixels = source.PeekPixels();
        using var image = SKImage.FromPixels(pixels); // shares the pixels: no second copy of a large photo
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return target;
    }

    /// <summary>A copy at most <paramref name="maxWidth"/> wide with the same proportions; null when already narrow enough.</summary>
    private static SKBitmap? ScaleToWidth(SKBitmap source, int maxWidth, bool transparent)
    {
        if (source.Width <= maxWidth)
        {
            return null;
        }

        var height = Math.Max(1, (int)Math.Round(source.Height * (double)maxWidth / source.Width));
        var target = NewBitmap(maxWidth, height, transparent);
        using var canvas = new SKCanvas(target);
        using var pixels = source.PeekPixels();
        using var image = SKImage.FromPixels(pixels);
        canvas.DrawImage(image, new SKRect(0, 0, maxWidth, height), Downscale, null);
        return target;
    }

    private static SKBitmap NewBitmap(int width, int height, bool transparent)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb()));
        bitmap.Erase(transparent ? SKColors.Transparent : SKColors.White);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var encoded = bitmap.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {bitmap.Width}x{bitmap.Height} {format} image.");
        return encoded.ToArray();
    }
}
