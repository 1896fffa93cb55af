using System.Text.RegularExpressions;
using Editorial.Core.Accounts;
using Editorial.Tests.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Http;

/// <summary>
/// The authorization sweep: every route of the app — each Razor page ([Route] in the web assembly) and each
/// endpoint in the app's EndpointDataSource — × anonymous, reporter, editor, administrator, against an
/// explicit table. A route found without a table entry fails the test, and so does an entry whose route no
/// longer exists, so a new endpoint cannot slip in without someone deciding who may use it.
/// </summary>
/// <remarks>
/// Left out of the table, by rule: static assets and the Blazor hub (endpoints without a display name, i.e.
/// MapStaticAssets and MapRazorComponents' framework endpoints) and HEAD (answered by the GET handler).
/// A page's POST twin (Blazor's form handling) is not listed separately: the page's GET row decides its access.
/// POST endpoints are sent an empty form without the antiforgery token: "bad-request" there means authorization
/// let the visitor through and the request was then refused as malformed (the 403/401 rows are what matter).
/// </remarks>
public sealed partial class AllRoutesAccessTests(RoleAccessTests.SignedInApp app) : IClassFixture<RoleAccessTests.SignedInApp>
{
    private const string Ok = "ok";                 // 200
    private const string SignIn = "sign-in";        // 302 → /Account/Login, or 401 for APIs
    private const string Denied = "denied";         // 403, or 302 → /Account/AccessDenied
    private const string NotFound = "not-found";    // 404
    private const string BadRequest = "bad-request"; // 400: past authorization, refused as malformed
    private const string Redirect = "redirect";     // 302 elsewhere (not sign-in, not access denied)

    /// <summary>The first published seed story's slug, found from sitemap.xml at run time.</summary>
    private const string SeedStorySlug = "{seed-story}";

    private sealed record Row(string Sample, string Anonymous, string Reporter, string Editor, string Administrator);

    /// <summary>"METHOD route pattern" → a concrete address and the expected outcome per visitor.</summary>
    private static readonly Dictionary<string, Row> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // Public portal
        ["GET /"] = new("/", Ok, Ok, Ok, Ok),
        ["GET /tin/{Slug}"] = new("/tin/" + SeedStorySlug, Ok, Ok, Ok, Ok),
        ["GET /tin/{Slug}/in"] = new("/tin/" + SeedStorySlug + "/in", Ok, Ok, Ok, Ok),
        ["GET /chuyen-muc/{CategorySlug}"] = new("/chuyen-muc/hoat-dong-cua-tinh", Ok, Ok, Ok, Ok),
        ["GET /chuyen-muc/{slug}/rss.xml"] = new("/chuyen-muc/hoat-dong-cua-tinh/rss.xml", Ok, Ok, Ok, Ok),
        ["GET /tim-kiem"] = new("/tim-kiem?q=hoi+nghi", Ok, Ok, Ok, Ok),
        ["GET /rss.xml"] = new("/rss.xml", Ok, Ok, Ok, Ok),
        ["GET /sitemap.xml"] = new("/sitemap.xml", Ok, Ok, Ok, Ok),
        ["GET /robots.txt"] = new("/robots.txt", Ok, Ok, Ok, Ok),
        ["GET /media/{**path}"] = new("/media/2026/11/0123456789abcdef0123456789abcdef-web.jpg", NotFound, NotFound, NotFound, NotFound),
        ["GET /culture/set"] = new("/culture/set?culture=vi-VN&returnUrl=%2F", Redirect, Redirect, Redirect, Redirect),
        ["GET /not-found"] = new("/not-found", Ok, Ok, Ok, Ok),
        ["GET /Error"] = new("/Error", Ok, Ok, Ok, Ok),
        ["GET /{**path:file}"] = new("/khong-co-tep-nay.txt", NotFound, NotFound, NotFound, NotFound),
        ["GET /_framework/opaque-redirect"] = new("/_framework/opaque-redirect", BadRequest, BadRequest, BadRequest, BadRequest),

        // Accounts
        ["GET /Account/Login"] = new("/Account/Login", Ok, Ok, Ok, Ok),
        ["GET /Account/Lockout"] = new("/Account/Lockout", Ok, Ok, Ok, Ok),
        ["GET /Account/AccessDenied"] = new("/Account/AccessDenied", Ok, Ok, Ok, Ok),
        ["GET /Account/Manage/ChangePassword"] = new("/Account/Manage/ChangePassword", SignIn, Ok, Ok, Ok),
        ["POST /Account/Logout"] = new("/Account/Logout", BadRequest, BadRequest, BadRequest, BadRequest),

        // Workstation: everyone who writes
        ["GET /editorial"] = new("/editorial", SignIn, Ok, Ok, Ok),
        ["GET /editorial/my-stories"] = new("/editorial/my-stories", SignIn, Ok, Ok, Ok),
        ["GET /editorial/notifications"] = new("/editorial/notifications", SignIn, Ok, Ok, Ok),
        ["GET /editorial/stories/new"] = new("/editorial/stories/new", SignIn, Ok, Ok, Ok),
        ["GET /editorial/stories/{Id:int}"] = new("/editorial/stories/1", SignIn, Ok, Ok, Ok),
        ["GET /editorial/stories/{Id:int}/revisions"] = new("/editorial/stories/1/revisions", SignIn, Ok, Ok, Ok),
        ["GET /editorial/stories/{id:int}/preview"] = new("/editorial/stories/1/preview", SignIn, Ok, Ok, Ok),
        ["POST /api/media"] = new("/api/media", SignIn, BadRequest, BadRequest, BadRequest),
        ["POST /api/stories/{id:int}/workflow"] = new("/api/stories/1/workflow", SignIn, BadRequest, BadRequest, BadRequest),

        // Workstation: editors and administrators
        ["GET /editorial/review"] = new("/editorial/review", SignIn, Denied, Ok, Ok),
        ["GET /editorial/review/{Id:int}"] = new("/editorial/review/1", SignIn, Denied, Ok, Ok),
        ["GET /editorial/schedule"] = new("/editorial/schedule", SignIn, Denied, Ok, Ok),
        ["GET /editorial/royalties"] = new("/editorial/royalties", SignIn, Denied, Ok, Ok),
        ["GET /editorial/royalties/report"] = new("/editorial/royalties/report", SignIn, Denied, Ok, Ok),
        ["GET /editorial/royalties/{ArticleId:int}"] = new("/editorial/royalties/1", SignIn, Denied, Ok, Ok),
        ["GET /editorial/royalties/report.csv"] = new("/editorial/royalties/report.csv?month=2017-04", SignIn, Denied, Ok, Ok),

        // Administration
        ["GET /admin/users"] = new("/admin/users", SignIn, Denied, Denied, Ok),
        ["GET /admin/categories"] = new("/admin/categories", SignIn, Denied, Denied, Ok),
        ["GET /admin/audit"] = new("/admin/audit", SignIn, Denied, Denied, Ok),
        ["GET /admin/audit/export.csv"] = new("/admin/audit/export.csv", SignIn, Denied, Denied, Ok),
        ["GET /admin/royalties/settings"] = new("/admin/royalties/settings", SignIn, Denied, Denied, Ok),
        ["GET /admin/statistics"] = new("/admin/statistics", SignIn, Denied, Denied, Ok),
        ["GET /admin/backup"] = new("/admin/backup", SignIn, Denied, Denied, Ok),
        ["GET /admin/backup/archives/{name}"] = new("/admin/backup/archives/khong-co.zip", SignIn, Denied, Denied, NotFound),
        ["GET /admin/settings"] = new("/admin/settings", SignIn, Denied, Denied, Ok),
    };

    [Fact]
    public async Task EveryRouteAndEndpoint_HasAnEntry_AndAnswersEachVisitorAsTheTableSays()
    {
        var discovered = DiscoveredRoutes();
        Assert.Contains("GET /admin/users", discovered);
        Assert.Contains("POST /api/media", discovered);

        var missing = discovered.Where(key => !Table.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var stale = Table.Keys.Where(key => !discovered.Contains(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Routes without an entry in the table (decide who may use them):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}"
            + $"{Environment.NewLine}Entries whose route no longer exists:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", stale)}");

        var seedSlug = await SeedStorySlugAsync();
        using var anonymous = Browser.Open(app);
        var visitors = new (string Name, Browser Browser, Func<Row, string> Expected)[]
        {
            ("anonymous", anonymous, r => r.Anonymous),
            (Roles.Reporter, await app.SignedInAsync(Roles.Reporter), r => r.Reporter),
            (Roles.Editor, await app.SignedInAsync(Roles.Editor), r => r.Editor),
            (Roles.Administrator, await app.SignedInAsync(Roles.Administrator), r => r.Administrator),
        };

        var violations = new List<string>();
        var checks = 0;
        foreach (var (key, row) in Table.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var method = key[..key.IndexOf(' ')];
            var url = row.Sample.Replace(SeedStorySlug, seedSlug, StringComparison.Ordinal);
            foreach (var (name, browser, expectedOf) in visitors)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await browser.Client.SendAsync(request);
                var actual = Outcome(response);
                checks++;
                if (actual != expectedOf(row))
                {
                    violations.Add($"{method} {url} as {name}: expected {expectedOf(row)}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(violations.Count == 0, $"{violations.Count} of {checks} checks ({Table.Count} routes × 4 visitors) differ:{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// The table probes POST endpoints with an empty form, which a signed-in reporter gets past authorization with (400).
    /// Here the reporter sends a well-formed request with the antiforgery token and is still refused: taking a published
    /// story down is an editor's action (403 with a Vietnamese reason), and the story stays on the portal.
    /// </summary>
    [Fact]
    public async Task AReporter_WithAValidToken_IsRefusedAnEditorsWorkflowAction()
    {
        var reporter = await app.SignedInAsync(Roles.Reporter);
        var token = Browser.AntiforgeryToken(await reporter.GetPageAsync("/Account/Manage/ChangePassword"));
        var slug = await SeedStorySlugAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stories/1/workflow")
        {
            Content = new StringContent("""{"action":"Unpublish","note":"Gỡ thử","acceptWarnings":true}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await reporter.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {body}");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Matches("[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵéèẻẽẹóòỏõọ]", json.RootElement.GetProperty("message").GetString() ?? "");
        using var anonymous = Browser.Open(app);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/tin/" + slug)).StatusCode);
    }

    [Fact]
    public void TheTable_CoversEveryRoleForEveryRoute_WithKnownOutcomes()
    {
        string[] known = [Ok, SignIn, Denied, NotFound, BadRequest, Redirect];
        Assert.All(Table, e =>
        {
            Assert.StartsWith("/", e.Value.Sample, StringComparison.Ordinal);
            Assert.All(new[] { e.Value.Anonymous, e.Value.Reporter, e.Value.Editor, e.Value.Administrator }, o => Assert.Contains(o, known));
        });

        // Nothing under /editorial or /admin is open to anonymous visitors; nothing under /admin to non-administrators.
        Assert.All(Table.Where(e => e.Key.Contains(" /editorial", StringComparison.OrdinalIgnoreCase) || e.Key.Contains(" /admin", StringComparison.OrdinalIgnoreCase)),
            e => Assert.Equal(SignIn, e.Value.Anonymous));
        Assert.All(Table.Where(e => e.Key.Contains(" /admin", StringComparison.OrdinalIgnoreCase)),
            e => Assert.True(e.Value.Reporter == Denied && e.Value.Editor == Denied, e.Key));
    }

    private static string Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 302 || status == 303 || status == 307)
        {
            var path = Browser.LocationPath(response);
            return path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) ? SignIn
                : path.Equals("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? Denied
                : Redirect;
        }

        return status switch
        {
            200 => Ok,
            401 => SignIn,
            403 => Denied,
            404 => NotFound,
            400 => BadRequest,
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"METHOD pattern" for every page and every named endpoint of the running app.</summary>
    private HashSet<string> DiscoveredRoutes()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pages = PageAccessTests.RoutablePage.All(typeof(Program).Assembly).Select(p => p.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            keys.Add("GET " + page);
        }

        _ = app.Server; // started, so the endpoints are mapped
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (string.IsNullOrEmpty(endpoint.DisplayName))
            {
                continue; // static assets and the Blazor hub
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods.Where(m => m != "HEAD"))
            {
                if (pages.Contains(pattern) && method == "POST")
                {
                    continue; // a page's form-handling twin
                }

                keys.Add($"{method} {pattern}");
            }
        }

        return keys;
    }

    private async Task<string> SeedStorySlugAsync()
    {
        using var browser = Browser.Open(app);
        var sitemap = await browser.Client.GetStringAsync("/sitemap.xml");
        var match = StoryAddress().Match(sitemap);
        Assert.True(match.Success, "sitemap.xml lists no story");
        return match.Groups["slug"].Value;
    }

    [GeneratedRegex("/tin/(?<slug>[^<\"/?#]+)")]
    private static partial Regex StoryAddress();
}
