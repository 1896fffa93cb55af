using System.Net;
using Editorial.Tests.Http;

namespace Editorial.Tests.Royalties;

/// <summary>GET /editorial/royalties/report.csv on the real app: the demo's April 2017 stories, the seeded genres and unit value.</summary>
public sealed class RoyaltyCsvHttpTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private const string Url = "/editorial/royalties/report.csv?month=2017-04";

    [Fact]
    public async Task Editors_get_UTF8_CSV_with_a_byte_order_mark_and_Vietnamese_headings()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("bientap", app.PasswordOf("bientap"));

        var response = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nhuan-but-2017-04.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Người hưởng,Bài viết,Mã bài,Thời gian xuất bản,Thể loại,Vai trò,Hệ số,Tỉ lệ (%),Đơn giá (đồng),Thành tiền (đồng),Thanh toán\r\n", text);
        Assert.EndsWith(",Tổng cộng,,,,,,,,0,\r\n", text); // nothing assessed yet
    }

    [Fact]
    public async Task Reporters_are_refused_with_403()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("phongvien", app.PasswordOf("phongvien"));

        var response = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("không có quyền", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var browser = Browser.Open(app);
        var response = await browser.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(response));
    }

    [Fact]
    public async Task A_malformed_month_is_refused_in_Vietnamese()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("quantri", app.PasswordOf("quantri"));
        var response = await browser.GetAsync("/editorial/royalties/report.csv?month=04-2017");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tháng không hợp lệ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pages_refuse_reporters()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("phongvien", app.PasswordOf("phongvien"));
        foreach (var url in new[] { "/editorial/royalties", "/editorial/royalties/report?month=2017-04", "/admin/royalties/settings" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Found)
            {
                Assert.Equal("/Account/AccessDenied", Browser.LocationPath(response));
            }
        }
    }
}
