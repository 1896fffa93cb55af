using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Editorial.Tests.Http;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Media;

/// <summary>
/// The bad-upload sweep, end to end: POST /api/media on the real app, signed in through the login form, with
/// the antiforgery token. Each bad file is refused with a Vietnamese message and leaves nothing behind: no file
/// anywhere under the media folder (not even a temporary one) and no MediaAssets row.
/// MediaStoreTests covers the same refusals at the store; MediaEndpointTests covers markup renamed .jpg,
/// 11 MB and 50 MB of unknown length. What is new here: every case through HTTP, with the database checked too.
/// Decision on extensions: the bytes decide the format — a real PNG named .jpg (or a JPEG named .png) is
/// accepted and stored under its true type; a file whose bytes are not an accepted image is refused whatever
/// it is called (an .exe renamed .png), and an image under a non-image name (.exe) is refused too.
/// </summary>
public sealed class BadUploadSweepTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private const string Unreadable = "Ảnh bị hỏng hoặc không đọc được.";
    private const string NotAnImage = "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.";
    private const string TooLarge = "Ảnh quá lớn: tối đa 10 MB.";
    private const string Markup = "Tệp ảnh có chèn mã HTML hoặc script nên không được nhận.";
    private const string WrongExtension = "Tên tệp phải có đuôi .jpg, .jpeg, .png, .gif hoặc .webp.";

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "zero-byte", 400, "Tệp rỗng." },
        { "truncated jpeg", 400, Unreadable },
        { "truncated png", 400, Unreadable },
        { "jpeg header then garbage", 400, Unreadable },
        { "50 MB with its length announced", 413, TooLarge },
        { "polyglot jpeg + script", 400, Markup },
        { "polyglot png + html", 400, Markup },
        { "polyglot gif header + script", 400, Markup },
        { "html with a jpeg header", 400, Markup },
        { "exe renamed .png", 400, NotAnImage },
        { "exe renamed .jpg", 400, NotAnImage },
        { "jpeg named .exe", 400, WrongExtension },
        { "jpeg named .jpg.php", 400, WrongExtension },
        { "bitmap renamed .png", 400, NotAnImage },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadUpload_IsRefusedInVietnamese_AndNothingIsWritten(string kind, int status, string message)
    {
        var (bytes, fileName, contentType) = FileFor(kind);
        using var browser = await SignedInAsync("phongvien");
        var token = await TokenAsync(browser);
        var files = StoredFiles();
        var rows = await MediaRowsAsync();

        var response = await PostAsync(browser, token, bytes, fileName, contentType);

        Assert.True((int)response.StatusCode == status, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(message, await ErrorOf(response));
        Assert.Equal(files, StoredFiles());
        Assert.Equal(rows, await MediaRowsAsync());
    }

    [Theory]
    [InlineData("png named .jpg")]
    [InlineData("jpeg named .png")]
    public async Task AnImageUnderTheOtherImageExtension_IsAccepted_AsWhatItsBytesAre(string kind)
    {
        var (bytes, fileName, contentType) = FileFor(kind);
        using var browser = await SignedInAsync("phongvien");
        var rows = await MediaRowsAsync();

        var response = await PostAsync(browser, await TokenAsync(browser), bytes, fileName, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString()!;
        var image = await browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var served = await image.Content.ReadAsByteArrayAsync();
        // Re-encoded from what the bytes are (an opaque PNG becomes JPEG), never trusted from the name.
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SkiaSharp.SKEncodedImageFormat.Jpeg, TestImages.FormatOf(served));
        Assert.Equal(rows + 1, await MediaRowsAsync());
    }

    private static (byte[] Bytes, string FileName, string ContentType) FileFor(string kind)
    {
        var jpeg = TestImages.Jpeg(800, 600);
        var png = TestImages.Png(400, 300, transparent: false);
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[48], .. "PE\0\0"u8, .. new byte[2000]];
        return kind switch
        {
            "zero-byte" => ([], "trong.jpg", "image/jpeg"),
            "truncated jpeg" => (jpeg[..(jpeg.Length / 2)], "mat-nua.jpg", "image/jpeg"),
            "truncated png" => (png[..(png.Length / 3)], "mat-nua.png", "image/png"),
            "jpeg header then garbage" => ([0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))], "rac.jpg", "image/jpeg"),
            "50 MB with its length announced" => (FiftyMegabytes(jpeg), "lon.jpg", "image/jpeg"),
            "polyglot jpeg + script" => ([.. jpeg, .. "<script>window.__xss=1</script>"u8], "polyglot.jpg", "image/jpeg"),
            "polyglot png + html" => ([.. png, .. "<html><body onload=alert(1)>xin chào</body></html>"u8], "polyglot.png", "image/png"),
            "polyglot gif header + script" => ([.. "GIF89a/*"u8, .. "*/=1;alert(document.domain)//<script>alert(1)</script>"u8], "gifar.gif", "image/gif"),
            "html with a jpeg header" => ([0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes(TestImages.Html)], "anh.jpg", "image/jpeg"),
            "exe renamed .png" => (exe, "anh.png", "image/png"),
            "exe renamed .jpg" => (exe, "anh.jpg", "image/jpeg"),
            "jpeg named .exe" => (jpeg, "anh.exe", "application/octet-stream"),
            "jpeg named .jpg.php" => (jpeg, "anh.jpg.php", "image/jpeg"),
            "bitmap renamed .png" => (TestImages.Bmp(20, 20), "anh.png", "image/png"),
            "png named .jpg" => (png, "that-ra-la-png.jpg", "image/jpeg"),
            "jpeg named .png" => (jpeg, "that-ra-la-jpeg.png", "image/png"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static byte[] FiftyMegabytes(byte[] start)
    {
        var bytes = new byte[50 * 1024 * 1024];
        start.CopyTo(bytes, 0);
        return bytes;
    }

    private string MediaFolder => Path.Combine(app.DataFolder, "media");

    private IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(MediaFolder) ? [.. Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Order()] : [];

    private async Task<int> MediaRowsAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EditorialDbContext>().MediaAssets.CountAsync();
    }

    private async Task<Browser> SignedInAsync(string userName)
    {
        var browser = Browser.Open(app);
        await browser.SignInAsync(userName, app.PasswordOf(userName));
        return browser;
    }

    private static async Task<string> TokenAsync(Browser browser) =>
        Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));

    private static Task<HttpResponseMessage> PostAsync(Browser browser, string token, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = new MultipartFormDataContent { { file, "file", fileName } } };
        request.Headers.Add("RequestVerificationToken", token);
        return browser.Client.SendAsync(request);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
    }
}
