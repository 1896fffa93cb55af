using System.Net;
using Editorial.Core.Accounts;

namespace Editorial.Tests.Http;

/// <summary>Each demo account, signed in through the login form, against every workstation route.</summary>
public sealed class RoleAccessTests(RoleAccessTests.SignedInApp app) : IClassFixture<RoleAccessTests.SignedInApp>
{
    private const string Allowed = "allowed";
    private const string Refused = "refused";

    /// <summary>Route, its page title (proof that the page itself rendered), and the answer per role.</summary>
    public static TheoryData<string, string, string, string> Table
    {
        get
        {
            (string Route, string Title, string Reporter, string Editor, string Administrator)[] rows =
            [
                ("/editorial", "Tổng quan", Allowed, Allowed, Allowed),
                ("/editorial/my-stories", "Bài của tôi", Allowed, Allowed, Allowed),
                ("/editorial/review", "Chờ duyệt", Refused, Allowed, Allowed),
                ("/editorial/schedule", "Lịch xuất bản", Refused, Allowed, Allowed),
                ("/admin/users", "Người dùng", Refused, Refused, Allowed),
                ("/admin/categories", "Chuyên mục", Refused, Refused, Allowed),
                ("/admin/audit", "Nhật ký", Refused, Refused, Allowed),
                ("/Account/Manage/ChangePassword", "Đổi mật khẩu", Allowed, Allowed, Allowed),
            ];

            var data = new TheoryData<string, string, string, string>();
            foreach (var row in rows)
            {
                data.Add(row.Route, row.Title, Roles.Reporter, row.Reporter);
                data.Add(row.Route, row.Title, Roles.Editor, row.Editor);
                data.Add(row.Route, row.Title, Roles.Administrator, row.Administrator);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_AnswersEachRoleAsExpected(string route, string title, string role, string expected)
    {
        var browser = await app.SignedInAsync(role);

        var response = await browser.GetAsync(route);

        if (expected == Allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} on {route}: {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Equal(title, Browser.Title(await response.Content.ReadAsStringAsync()));
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{role} on {route}: {(int)response.StatusCode}");
            var location = Browser.LocationUri(response);
            Assert.Equal("/Account/AccessDenied", location.AbsolutePath);
            Assert.Equal(route, Browser.QueryValue(location, "ReturnUrl"));
        }
    }

    [Fact]
    public async Task Workstation_IsInteractive_ForASignedInPerson()
    {
        var browser = await app.SignedInAsync(Roles.Reporter);

        var html = await browser.Client.GetStringAsync("/editorial");

        Assert.Contains("blazor.web.js", html, StringComparison.Ordinal);
        Assert.Contains("Cổng thông tin điện tử tỉnh Hà Giang", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_GreetsThePersonByFullName()
    {
        var browser = await app.SignedInAsync(Roles.Editor);

        var html = await browser.Client.GetStringAsync("/editorial");

        Assert.Contains("Xin chào, Biên tập viên Demo.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDeniedPage_ExplainsInVietnamese()
    {
        var browser = await app.SignedInAsync(Roles.Reporter);

        var html = await browser.Client.GetStringAsync("/Account/AccessDenied?ReturnUrl=%2Fadmin%2Fusers");

        Assert.Contains("Không có quyền truy cập", html, StringComparison.Ordinal);
    }

    /// <summary>The app, with one signed-in browser per demo account, signed in once for the whole class.</summary>
    public sealed class SignedInApp : EditorialAppFactory
    {
        private readonly Dictionary<string, Browser> _browsers = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        internal async Task<Browser> SignedInAsync(string role)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_browsers.TryGetValue(role, out var browser))
                {
                    var userName = Editorial.Web.Infrastructure.Identity.AccountBootstrapper.DemoAccounts.Single(a => a.Role == role).UserName;
                    browser = Browser.Open(this);
                    await browser.SignInAsync(userName, PasswordOf(userName));
                    _browsers[role] = browser;
                }

                return browser;
            }
            finally
            {
                _gate.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var browser in _browsers.Values)
                {
                    browser.Dispose();
                }

                _gate.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
