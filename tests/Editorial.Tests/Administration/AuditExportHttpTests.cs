using System.Net;
using System.Text;
using Editorial.Tests.Http;

namespace Editorial.Tests.Administration;

/// <summary>GET /admin/audit/export.csv against the real app, signed in through the login form.</summary>
public sealed class AuditExportHttpTests(AuditExportHttpTests.App app) : IClassFixture<AuditExportHttpTests.App>
{
    /// <summary>A failed sign-in keeps the name as typed: a formula with Vietnamese in it.</summary>
    private const string HostileName = "=HYPERLINK(\"http://x\",\"Nguyễn Văn Ánh\")";

    public sealed class App : EditorialAppFactory
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private bool prepared;

        public async Task PrepareAsync()
        {
            await gate.WaitAsync();
            try
            {
                if (!prepared)
                {
                    using var stranger = Browser.Open(this);
                    var refused = await stranger.SubmitLoginAsync(HostileName, "wrong-password-123");
                    Assert.NotEqual(HttpStatusCode.Found, refused.StatusCode);
                    prepared = true;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        internal async Task<Browser> SignedInAsync(string user)
        {
            await PrepareAsync();
            var browser = Browser.Open(this);
            await browser.SignInAsync(user, PasswordOf(user));
            return browser;
        }
    }

    private static async Task<(HttpResponseMessage Response, byte[] Bytes, string Text)> ExportAsync(Browser browser, string query = "")
    {
        var response = await browser.GetAsync("/admin/audit/export.csv" + query);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response, bytes, Encoding.UTF8.GetString(bytes));
    }

    private static List<string> Lines(string text) => text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task Administrator_GetsUtf8WithBom_VietnameseHeader_AndFormulaCellsNeutralised()
    {
        using var admin = await app.SignedInAsync("quantri");

        var (response, bytes, text) = await ExportAsync(admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Lines(text);
        Assert.Equal(
            "Thời gian,Người thực hiện,Mã hành động,Hành động,Mã bài,Tiêu đề bài,Trạng thái trước,Trạng thái sau,Ghi chú,Chi tiết,Địa chỉ máy",
            lines[0]);

        // Quoted (it holds commas and quotes), quotes doubled, and a ' before the = so Excel shows text, not a formula.
        var hostile = Assert.Single(lines, l => l.Contains("Nguyễn Văn Ánh"));
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"Nguyễn Văn Ánh\"\")\",account.sign-in-failed,Đăng nhập thất bại,", hostile.Split(',', 2)[1]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2},", hostile);
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',', 3)[1].StartsWith('='));
    }

    [Fact]
    public async Task Filters_AreApplied_AsOnThePage()
    {
        using var admin = await app.SignedInAsync("quantri");

        var failed = Lines((await ExportAsync(admin, "?action=account.sign-in-failed")).Text).Skip(1).ToList();
        var byUser = Lines((await ExportAsync(admin, "?user=quantri&action=account.sign-in")).Text).Skip(1).ToList();
        var future = Lines((await ExportAsync(admin, "?from=2999-01-01")).Text).Skip(1).ToList();

        Assert.Single(failed);
        Assert.Contains("account.sign-in-failed", failed[0]);
        Assert.NotEmpty(byUser);
        Assert.All(byUser, l => Assert.Contains(",quantri,account.sign-in,Đăng nhập,", l));
        Assert.Empty(future);
    }

    [Fact]
    public async Task BadDates_AreRefusedInVietnamese()
    {
        using var admin = await app.SignedInAsync("quantri");

        var (bad, _, badText) = await ExportAsync(admin, "?from=31-02-2017");
        var (reversed, _, reversedText) = await ExportAsync(admin, "?from=2017-05-01&to=2017-04-01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ngày không hợp lệ", badText);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("Từ ngày", reversedText);
    }

    [Theory]
    [InlineData("phongvien")]
    [InlineData("bientap")]
    public async Task ReportersAndEditors_Get403(string user)
    {
        using var browser = await app.SignedInAsync(user);

        var (response, _, text) = await ExportAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Chỉ quản trị viên", text);
        Assert.DoesNotContain("account.sign-in", text);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await app.PrepareAsync();
        using var anonymous = Browser.Open(app);

        var response = await anonymous.GetAsync("/admin/audit/export.csv");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(response));
    }
}
