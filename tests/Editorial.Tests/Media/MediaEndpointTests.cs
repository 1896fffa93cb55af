using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Editorial.Tests.Http;

namespace Editorial.Tests.Media;

/// <summary>POST /api/media and GET /media/... through the real app, signed in through the real login form.</summary>
public sealed class MediaEndpointTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public async Task AnAnonymousUpload_Gets401Json_NotARedirectToTheLoginPage()
    {
        using var browser = Browser.Open(app);
        var before = StoredFiles();

        var response = await browser.Client.PostAsync("/api/media", ImageForm(TestImages.Jpeg(100, 100), "anh.jpg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Cần đăng nhập để tải ảnh lên.", await ErrorOf(response));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task AnUploadWithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = await SignedInAsync("phongvien");

        var response = await browser.Client.PostAsync("/api/media", ImageForm(TestImages.Jpeg(100, 100), "anh.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tải lại trang", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phongvien")]
    [InlineData("bientap")]
    [InlineData("quantri")]
    public async Task AWriter_UploadsAPhoto_AndItIsServedFromTheLocationReturned(string userName)
    {
        using var browser = await SignedInAsync(userName);
        var token = await TokenAsync(browser);

        var response = await PostWithHeaderTokenAsync(browser, token, ImageForm(TestImages.Jpeg(2400, 1800), "hoi-nghi.jpg"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        var location = body.GetProperty("location").GetString()!;
        var thumbnail = body.GetProperty("thumbnail").GetString()!;
        Assert.Matches(@"\A/media/[0-9]{4}/[0-9]{2}/[0-9a-f]{32}-web\.jpg\z", location);
        Assert.Matches(@"\A/media/[0-9]{4}/[0-9]{2}/[0-9a-f]{32}-thumb\.jpg\z", thumbnail);
        Assert.Equal(1600, body.GetProperty("width").GetInt32());
        Assert.Equal(1200, body.GetProperty("height").GetInt32());

        var image = await browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(image.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl?.ToString());
        Assert.Equal((1600, 1200), TestImages.SizeOf(await image.Content.ReadAsByteArrayAsync()));

        var thumb = await browser.GetAsync(thumbnail);
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal((320, 240), TestImages.SizeOf(await thumb.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task TheTokenMayComeAsAFormField()
    {
        using var browser = await SignedInAsync("phongvien");
        var form = ImageForm(TestImages.Png(64, 64, transparent: true), "logo.png", "image/png");
        form.Add(new StringContent(await TokenAsync(browser)), "__RequestVerificationToken");

        var response = await browser.Client.PostAsync("/api/media", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString()!;
        Assert.EndsWith("-web.png", location, StringComparison.Ordinal);
        var image = await browser.GetAsync(location);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("svg")]
    public async Task MarkupRenamedToJpg_Gets400_WithAVietnameseMessage(string kind)
    {
        using var browser = await SignedInAsync("phongvien");
        var before = StoredFiles();
        var text = kind == "html" ? TestImages.Html : TestImages.Svg;

        var response = await PostWithHeaderTokenAsync(browser, await TokenAsync(browser), ImageForm(TestImages.Text(text), "anh.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.", await ErrorOf(response));
        // The answer carries the Vietnamese text itself, not \u escapes.
        Assert.Contains("Tệp không phải ảnh", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task AnUploadWithoutAFile_Gets400()
    {
        using var browser = await SignedInAsync("phongvien");
        var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        var response = await PostWithHeaderTokenAsync(browser, await TokenAsync(browser), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Chưa chọn tệp ảnh để tải lên.", await ErrorOf(response));
    }

    [Fact]
    public async Task An11MegabyteUpload_Gets413_WithTheLimitInTheMessage()
    {
        using var browser = await SignedInAsync("phongvien");
        var before = StoredFiles();
        var bytes = new byte[11 * 1024 * 1024];
        TestImages.Jpeg(10, 10).CopyTo(bytes, 0);

        var response = await PostWithHeaderTokenAsync(browser, await TokenAsync(browser), ImageForm(bytes, "lon.jpg"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Ảnh quá lớn: tối đa 10 MB.", await ErrorOf(response));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task A50MegabyteUploadOfUnknownLength_IsCutOffAt413()
    {
        using var browser = await SignedInAsync("phongvien");
        var before = StoredFiles();
        var file = new StreamContent(new EndlessJpeg(50L * 1024 * 1024));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var form = new MultipartFormDataContent { { file, "file", "lon.jpg" } };

        var response = await PostWithHeaderTokenAsync(browser, await TokenAsync(browser), form);

        Assert.Null(form.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Ảnh quá lớn: tối đa 10 MB.", await ErrorOf(response));
        Assert.Equal(before, StoredFiles());
    }

    [Theory]
    [InlineData("/media/..%2Feditorial.db")]
    [InlineData("/media/%2e%2e/editorial.db")]
    [InlineData("/media/2026/11/..%2F..%2F..%2Feditorial.db")]
    [InlineData("/media/keys")]
    [InlineData("/media/editorial.db")]
    [InlineData("/media/2026/11/0123456789abcdef0123456789abcdef-web.jpg")]
    public async Task PathsOutsideTheStoredImages_AreNotFound(string url)
    {
        using var browser = Browser.Open(app);
        _ = app.Server; // the database exists

        var response = await browser.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.False(body.AsSpan().StartsWith("SQLite format 3"u8), $"{url} served the database");
    }

    private string MediaFolder => Path.Combine(app.DataFolder, "media");

    private IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(MediaFolder) ? [.. Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Order()] : [];

    private async Task<Browser> SignedInAsync(string userName)
    {
        var browser = Browser.Open(app);
        await browser.SignInAsync(userName, app.PasswordOf(userName));
        return browser;
    }

    /// <summary>The token a signed-in page renders (the editor page would hand it to TinyMCE).</summary>
    private static async Task<string> TokenAsync(Browser browser) =>
        Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));

    private static Task<HttpResponseMessage> PostWithHeaderTokenAsync(Browser browser, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return browser.Client.SendAsync(request);
    }

    private static MultipartFormDataContent ImageForm(byte[] bytes, string fileName, string contentType = "image/jpeg")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("error").GetString();
    }

    /// <summary>A JPEG header and then zeros, produced as read, of a length the sender does not announce.</summary>
    private sealed class EndlessJpeg(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            for (var i = 0; i < n && _position + i < 3; i++)
            {
                buffer[offset + i] = (byte)(_position + i == 0 ? 0xFF : _position + i == 1 ? 0xD8 : 0xFF);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
