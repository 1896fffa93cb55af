using System.Net;
using System.Text.RegularExpressions;
using Editorial.Core.Accounts;
using Editorial.Tests.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Http;

/// <summary>
/// Each demo account, signed in through the login form, against every workstation route; every /admin page
/// and every /admin or /api/admin endpoint (found, not listed) against anonymous visitors and each role.
/// </summary>
public sealed partial class RoleAccessTests(RoleAccessTests.SignedInApp app) : IClassFixture<RoleAccessTests.SignedInApp>
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

    /// <summary>
    /// The administration table: every page under /admin (the [Route] attributes of the web assembly, i.e.
    /// @page) and every endpoint whose pattern starts with /admin or /api/admin (the app's EndpointDataSource),
    /// × anonymous (sent to sign in), reporter and editor (refused), administrator (let in). A new admin page
    /// or endpoint without <c>Policies.Administer</c> fails here without anyone adding it to a list.
    /// </summary>
    [Fact]
    public async Task EveryAdminPageAndEndpoint_RefusesAnonymousUsersReportersAndEditors()
    {
        var targets = AdminTargets();
        Assert.Contains(targets, t => t.Url == "/admin/users" && t.Method == "GET");
        Assert.Contains(targets, t => t.Url == "/admin/categories" && t.Method == "GET");
        Assert.Contains(targets, t => t.Url == "/admin/audit" && t.Method == "GET");

        using var anonymous = Browser.Open(app);
        var visitors = new (string Name, Browser Browser)[]
        {
            ("anonymous", anonymous),
            (Roles.Reporter, await app.SignedInAsync(Roles.Reporter)),
            (Roles.Editor, await app.SignedInAsync(Roles.Editor)),
            (Roles.Administrator, await app.SignedInAsync(Roles.Administrator)),
        };

        var violations = new List<string>();
        foreach (var target in targets)
        {
            foreach (var (name, browser) in visitors)
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
                if (target.Method != "GET")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await browser.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location is null ? null : Browser.LocationPath(response);
                var answer = $"{status}{(location is null ? "" : " → " + location)}";
                var ok = name switch
                {
                    "anonymous" => status == 401 || (status == 302 && location == "/Account/Login"),
                    Roles.Reporter or Roles.Editor => status == 403 || (status == 302 && location == "/Account/AccessDenied"),
                    _ => AdministratorLetIn(target, response, location),
                };

                if (!ok)
                {
                    violations.Add($"{target.Method} {target.Url} ({target.Source}) as {name}: {answer}");
                }
            }
        }

        Assert.True(violations.Count == 0, $"Checked {targets.Count} admin routes × 4 visitors:{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
    }

    private static bool AdministratorLetIn(AdminTarget target, HttpResponseMessage response, string? location)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || location is "/Account/Login" or "/Account/AccessDenied")
        {
            return false;
        }

        if (target.Method != "GET")
        {
            // Let through authorization; the empty form may then be refused (antiforgery, validation): that is not access.
            return (int)response.StatusCode < 500;
        }

        // A page or export with an id made up here may rightly say "not found".
        return response.StatusCode == HttpStatusCode.OK || (target.HasParameters && response.StatusCode == HttpStatusCode.NotFound);
    }

    private sealed record AdminTarget(string Method, string Url, bool HasParameters, string Source);

    private List<AdminTarget> AdminTargets()
    {
        var targets = new List<AdminTarget>();

        foreach (var page in PageAccessTests.RoutablePage.All(typeof(Program).Assembly).Where(p => IsAdmin(p.Route)))
        {
            targets.Add(new AdminTarget("GET", SampleUrl(page.Route), page.Route.Contains('{'), page.Component.Name));
        }

        _ = app.Server; // started, so the endpoints are mapped
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!IsAdmin(pattern))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // HEAD is answered by the GET handler (checked as GET); through the status-code pages its refusal reads 404.
            foreach (var method in methods.Where(m => m != "HEAD"))
            {
                targets.Add(new AdminTarget(method, SampleUrl(pattern), pattern.Contains('{'), endpoint.DisplayName ?? pattern));
            }
        }

        // A page is also an endpoint: check each method and address once.
        return targets.DistinctBy(t => (t.Method, t.Url.ToLowerInvariant())).OrderBy(t => t.Url, StringComparer.Ordinal).ToList();
    }

    private static bool IsAdmin(string route) =>
        route.Equals("/admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
        || route.StartsWith("/api/admin/", StringComparison.OrdinalIgnoreCase) || route.Equals("/api/admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>A concrete address for a route template: numbers for numeric parameters, a word otherwise.</summary>
    private static string SampleUrl(string template) =>
        RouteParameter().Replace(template, match =>
        {
            var constraint = match.Groups["constraint"].Value;
            return constraint.Contains("int", StringComparison.OrdinalIgnoreCase) || constraint.Contains("long", StringComparison.OrdinalIgnoreCase)
                ? "1"
                : constraint.Contains("datetime", StringComparison.OrdinalIgnoreCase) ? "2017-04-20"
                : constraint.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true"
                : constraint.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString()
                : "x";
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();

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
