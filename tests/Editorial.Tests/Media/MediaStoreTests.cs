using System.Text;
using System.Text.RegularExpressions;
using Editorial.Web.Features.Media;
using SkiaSharp;

namespace Editorial.Tests.Media;

public sealed partial class MediaStoreTests
{
    [Fact]
    public async Task A4000x3000Photo_IsStored_WithA1600WebCopyAndA320Thumbnail()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Jpeg(4000, 3000), "Toàn cảnh hội nghị.jpg");

        Assert.True(result.Succeeded, result.Error);
        var asset = result.Asset!;
        Assert.Matches(StoredName(), asset.OriginalPath);
        Assert.StartsWith("2026/11/", asset.OriginalPath, StringComparison.Ordinal);
        Assert.Equal(asset.OriginalPath.Replace(".jpg", "-web.jpg", StringComparison.Ordinal), asset.WebPath);
        Assert.Equal(asset.OriginalPath.Replace(".jpg", "-thumb.jpg", StringComparison.Ordinal), asset.ThumbnailPath);
        Assert.Equal((4000, 3000), (asset.Width, asset.Height));
        Assert.Equal("image/jpeg", asset.ContentType);
        Assert.Equal("Toàn cảnh hội nghị.jpg", asset.OriginalFileName);
        Assert.Equal(MediaStoreHarness.UploaderId, asset.UploadedById);
        Assert.Equal(media.Clock.GetUtcNow(), asset.UploadedAtUtc);

        Assert.Equal((4000, 3000), TestImages.SizeOf(media.Read(asset.OriginalPath)));
        Assert.Equal((1600, 1200), TestImages.SizeOf(media.Read(asset.WebPath)));
        Assert.Equal((320, 240), TestImages.SizeOf(media.Read(asset.ThumbnailPath)));
        Assert.Equal((1600, 1200), (result.WebWidth, result.WebHeight));
        Assert.Equal(SKEncodedImageFormat.Jpeg, TestImages.FormatOf(media.Read(asset.WebPath)));
        Assert.Equal(new FileInfo(Path.Combine(media.MediaFolder, asset.OriginalPath)).Length, asset.ByteSize);

        Assert.Equal(new[] { asset.OriginalPath, asset.ThumbnailPath, asset.WebPath }.Order(), media.Files());
        Assert.Equal(1, media.RowCount());
    }

    [Fact]
    public async Task APngWithTransparency_StaysPng()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Png(2000, 500, transparent: true), "logo.png", "image/png");

        Assert.True(result.Succeeded, result.Error);
        var asset = result.Asset!;
        Assert.EndsWith(".png", asset.OriginalPath, StringComparison.Ordinal);
        Assert.EndsWith("-web.png", asset.WebPath, StringComparison.Ordinal);
        Assert.EndsWith("-thumb.png", asset.ThumbnailPath, StringComparison.Ordinal);
        Assert.Equal("image/png", asset.ContentType);
        Assert.Equal((1600, 400), TestImages.SizeOf(media.Read(asset.WebPath)));
        Assert.Equal((320, 80), TestImages.SizeOf(media.Read(asset.ThumbnailPath)));

        using var web = SKBitmap.Decode(media.Read(asset.WebPath));
        Assert.True(web.GetPixel(0, 200).Alpha < 128, "the transparent left edge stayed transparent");
        Assert.Equal(255, web.GetPixel(1599, 200).Alpha);
    }

    [Fact]
    public async Task AnOpaquePng_IsStoredAsJpeg()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Png(300, 200, transparent: false), "bieu-do.png", "image/png");

        Assert.True(result.Succeeded, result.Error);
        Assert.EndsWith(".jpg", result.Asset!.OriginalPath, StringComparison.Ordinal);
        Assert.Equal(SKEncodedImageFormat.Jpeg, TestImages.FormatOf(media.Read(result.Asset.OriginalPath)));
    }

    [Fact]
    public async Task ASmallImage_IsNeverEnlarged()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Jpeg(200, 150), "nho.jpg");

        Assert.True(result.Succeeded, result.Error);
        var asset = result.Asset!;
        Assert.Equal((200, 150), TestImages.SizeOf(media.Read(asset.WebPath)));
        Assert.Equal((200, 150), TestImages.SizeOf(media.Read(asset.ThumbnailPath)));
        Assert.Equal((200, 150), (result.WebWidth, result.WebHeight));
    }

    [Fact]
    public async Task APhoneJpeg_IsTurnedUpright_ByItsExifOrientation()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.JpegWithOrientation(400, 200, orientation: 6), "dien-thoai.jpg");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((200, 400), (result.Asset!.Width, result.Asset.Height));
        Assert.Equal((200, 400), TestImages.SizeOf(media.Read(result.Asset.OriginalPath)));
    }

    [Fact]
    public async Task WebPAndGif_AreAccepted_AndReEncoded()
    {
        using var media = MediaStoreHarness.Create();

        var webp = await media.SaveAsync(TestImages.WebP(640, 480), "anh.webp", "image/webp");
        var gif = await media.SaveAsync(TestImages.Gif1x1(), "cham.gif", "image/gif");

        Assert.True(webp.Succeeded, webp.Error);
        Assert.True(gif.Succeeded, gif.Error);
        Assert.Equal(SKEncodedImageFormat.Jpeg, TestImages.FormatOf(media.Read(webp.Asset!.OriginalPath)));
        Assert.Equal((1, 1), (gif.Asset!.Width, gif.Asset.Height));
        Assert.Equal(2, media.RowCount());
    }

    [Fact]
    public async Task AJpegNamedPng_IsAccepted_BecauseTheBytesDecide()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Jpeg(100, 100), "tai-ve-tu-web.png", "image/png");

        Assert.True(result.Succeeded, result.Error);
        Assert.EndsWith(".jpg", result.Asset!.OriginalPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUploadersFileName_IsKeptForPeople_ButNeverUsedAsAPath()
    {
        using var media = MediaStoreHarness.Create();

        var result = await media.SaveAsync(TestImages.Jpeg(50, 50), "..\\..\\editorial.db\u0001.jpg");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("editorial.db.jpg", result.Asset!.OriginalFileName);
        Assert.Matches(StoredName(), result.Asset.OriginalPath);
    }

    // ---- refusals: each with a Vietnamese message, no file and no row ----

    [Fact]
    public async Task AnEmptyFile_IsRefused()
    {
        await AssertRefusedAsync([], "trong.jpg", MediaRefusal.Empty, "Tệp rỗng.");
    }

    [Fact]
    public async Task ATruncatedJpeg_IsRefused()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        await AssertRefusedAsync(jpeg[..(jpeg.Length / 2)], "mat-nua.jpg", MediaRefusal.Unreadable, "Ảnh bị hỏng hoặc không đọc được.");
    }

    [Fact]
    public async Task AJpegHeaderFollowedByGarbage_IsRefused()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];

        await AssertRefusedAsync(bytes, "rac.jpg", MediaRefusal.Unreadable, "Ảnh bị hỏng hoặc không đọc được.");
    }

    public static TheoryData<string, string> TextRenamedToJpg => new()
    {
        { "svg", TestImages.Svg },
        { "html", TestImages.Html },
        { "script", TestImages.Script },
        { "php", "<?php system($_GET['c']); ?>" },
        { "svg without xml header", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>" },
    };

    [Theory]
    [MemberData(nameof(TextRenamedToJpg))]
    public async Task TextRenamedToJpg_IsRefused_AsNotAnImage(string kind, string text)
    {
        _ = kind;
        await AssertRefusedAsync(TestImages.Text(text), "anh.jpg", MediaRefusal.NotAnImage, "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.");
    }

    [Fact]
    public async Task ABitmap_IsRefused_AsNotAnAcceptedFormat()
    {
        await AssertRefusedAsync(TestImages.Bmp(20, 20), "anh.jpg", MediaRefusal.NotAnImage, "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.");
    }

    [Theory]
    [InlineData("anh.exe")]
    [InlineData("anh.svg")]
    [InlineData("anh.html")]
    [InlineData("anh.jpg.php")]
    [InlineData("anh")]
    public async Task AnImageWithANonImageExtension_IsRefused(string fileName)
    {
        await AssertRefusedAsync(TestImages.Jpeg(100, 100), fileName, MediaRefusal.WrongExtension, "Tên tệp phải có đuôi .jpg, .jpeg, .png, .gif hoặc .webp.");
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefused_WithTheLimitInTheMessage()
    {
        var bytes = new byte[1536 * 1024];
        new Random(4).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;

        await AssertRefusedAsync(bytes, "lon.jpg", MediaRefusal.TooLarge, "Ảnh quá lớn: tối đa 1 MB.", maxUploadBytes: 1024 * 1024);
    }

    [Fact]
    public async Task AFileOfExactlyTheLimit_IsNotRefusedForItsSize()
    {
        var jpeg = TestImages.Jpeg(300, 300);
        using var exact = MediaStoreHarness.Create(maxUploadBytes: jpeg.Length);

        var result = await exact.SaveAsync(jpeg, "vua.jpg");

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public void TheDefaultLimit_ReadsAsTenMegabytes()
    {
        var settings = new MediaSettings { Folder = "/unused" };

        Assert.Equal("Ảnh quá lớn: tối đa 10 MB.", MediaMessages.TooLarge(settings));
        Assert.Equal("Ảnh quá lớn: tối đa 1,5 MB.", MediaMessages.TooLarge(new MediaSettings { Folder = "/unused", MaxUploadBytes = 1536 * 1024 }));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<html><body>xin chào</body></html>")]
    [InlineData("<SVG onload=alert(1)>")]
    [InlineData("<?php echo 1; ?>")]
    public async Task AValidJpegWithMarkupAppended_IsRefused(string payload)
    {
        byte[] polyglot = [.. TestImages.Jpeg(300, 200), .. Encoding.UTF8.GetBytes(payload)];

        await AssertRefusedAsync(polyglot, "polyglot.jpg", MediaRefusal.EmbeddedMarkup, "Tệp ảnh có chèn mã HTML hoặc script nên không được nhận.");
    }

    [Fact]
    public async Task MarkupHiddenInTheMiddleOfALargeFile_NeverReachesTheStoredFiles()
    {
        using var media = MediaStoreHarness.Create();
        // Beyond the 64 KB scanned at each end: only the re-encoding protects against this one.
        var jpeg = TestImages.Jpeg(1200, 900, quality: 100);
        Assert.True(jpeg.Length > ImageSignature.MarkupScanBytes, "the test image is big enough");
        byte[] polyglot = [.. jpeg, .. Encoding.ASCII.GetBytes("<script>alert(1)</script>"), .. new byte[ImageSignature.MarkupScanBytes + 10]];

        var result = await media.SaveAsync(polyglot, "polyglot.jpg");

        Assert.True(result.Succeeded, result.Error);
        foreach (var file in media.Files())
        {
            Assert.Equal(-1, media.Read(file).AsSpan().IndexOf("<script"u8));
        }
    }

    [Fact]
    public async Task ADecompressionBomb_IsRefused_BeforeDecoding()
    {
        await AssertRefusedAsync(TestImages.PngClaiming(50_000, 50_000), "bom.png", MediaRefusal.TooManyPixels, MediaMessages.TooManyPixels);
    }

    [Fact]
    public async Task AnImageOverOneHundredMegapixels_IsRefused()
    {
        await AssertRefusedAsync(TestImages.PngClaiming(15_000, 7_000), "rong.png", MediaRefusal.TooManyPixels, MediaMessages.TooManyPixels);
    }

    [Fact]
    public async Task WhenTheRowCannotBeStored_TheFilesAreRemoved()
    {
        using var media = MediaStoreHarness.WithBrokenDatabase();

        await Assert.ThrowsAnyAsync<Exception>(() => media.SaveAsync(TestImages.Jpeg(400, 300), "anh.jpg"));

        Assert.Empty(media.Files());
    }

    [Theory]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef.jpg", true)]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef-web.png", true)]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef-thumb.jpg", true)]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef.jpg.tmp", false)]
    [InlineData("../editorial.db", false)]
    [InlineData("2026/11/../../editorial.db", false)]
    [InlineData("keys/key.xml", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("2026/11/0123456789ABCDEF0123456789ABCDEF.jpg", false)]
    [InlineData("2026\\11\\0123456789abcdef0123456789abcdef.jpg", false)]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef.svg", false)]
    [InlineData("", false)]
    public void OnlyNamesTheStoreWrites_AreServed(string path, bool served)
    {
        Assert.Equal(served, MediaPaths.IsStoredFile(path));
    }

    private static async Task AssertRefusedAsync(byte[] bytes, string fileName, MediaRefusal refusal, string message, long maxUploadBytes = 10 * 1024 * 1024)
    {
        using var media = MediaStoreHarness.Create(maxUploadBytes);

        var result = await media.SaveAsync(bytes, fileName);

        Assert.False(result.Succeeded);
        Assert.Null(result.Asset);
        Assert.Equal(refusal, result.Refusal);
        Assert.Equal(message, result.Error);
        Assert.Empty(media.Files());
        Assert.Equal(0, media.RowCount());
    }

    [GeneratedRegex(@"\A[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\.jpg\z")]
    private static partial Regex StoredName();
}
