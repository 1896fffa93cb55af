using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>Each role signs in through the login page and sees exactly what it may use.</summary>
[Collection(SharedAppCollection.Name)]
public sealed partial class RoleNavigationTests(EditorialAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Reporter_signs_in_and_sees_only_reporter_navigation() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("portal-name")).ToHaveTextAsync(Newsroom.PortalName);
        await Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Phóng viên Demo");
        await ExpectNavigationAsync(page, visible: Newsroom.ReporterNav, absent: [.. Newsroom.EditorNav, .. Newsroom.AdminNav]);

        await Expect(page.GetByTestId("dashboard-reporter")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-editor")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("dashboard-admin")).ToHaveCountAsync(0);

        // "Bài của tôi" opens the reporter's own list.
        await page.NavLink("Bài của tôi").ClickAsync();
        await page.WaitForURLAsync(new Regex("/editorial/my-stories$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bài của tôi");
    });

    [Fact]
    public Task Reporter_typing_an_editor_or_admin_address_gets_the_access_denied_page() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);

        foreach (var path in new[] { "/admin/users", "/admin/audit", "/editorial/review" })
        {
            await page.GotoAsync(path);
            await page.WaitForURLAsync(AccessDeniedUrl());
            await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");
        }
    });

    [Fact]
    public Task Reporter_cookie_is_refused_by_the_server_for_admin_pages_not_just_hidden_in_the_menu() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);

        // The same cookies, without a browser: the server itself must refuse.
        foreach (var path in new[] { "/admin/users", "/admin/categories", "/admin/audit", "/editorial/review", "/editorial/schedule" })
        {
            var response = await page.Context.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
            Assert.True(response.Status == 302, $"{path}: expected 302, got {response.Status}");
            Assert.True(response.Headers.TryGetValue("location", out var location), $"{path}: redirect without Location");
            Assert.Contains("/Account/AccessDenied", location, StringComparison.OrdinalIgnoreCase);
        }

        // ...while the reporter's own pages answer.
        var own = await page.Context.APIRequest.GetAsync("/editorial/my-stories", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(200, own.Status);
    });

    [Fact]
    public Task Editor_sees_review_navigation_but_not_administration() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Editor);
        await page.WaitForInteractiveAsync();

        await ExpectNavigationAsync(page, visible: [.. Newsroom.ReporterNav, .. Newsroom.EditorNav], absent: Newsroom.AdminNav);
        await Expect(page.GetByTestId("dashboard-reporter")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-admin")).ToHaveCountAsync(0);

        await page.NavLink("Chờ duyệt").ClickAsync();
        await page.WaitForURLAsync(new Regex("/editorial/review$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chờ duyệt");
        await Expect(page.GetByText("Không có bài nào chờ duyệt.")).ToBeVisibleAsync();

        await page.NavLink("Lịch xuất bản").ClickAsync();
        await page.WaitForURLAsync(new Regex("/editorial/schedule$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lịch xuất bản");

        await page.GotoAsync("/admin/users");
        await page.WaitForURLAsync(AccessDeniedUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");
    });

    [Fact]
    public Task Administrator_sees_every_menu_entry_and_the_users_categories_and_audit_pages() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Administrator);
        await page.WaitForInteractiveAsync();

        await ExpectNavigationAsync(page, visible: [.. Newsroom.ReporterNav, .. Newsroom.EditorNav, .. Newsroom.AdminNav], absent: []);
        await Expect(page.GetByTestId("dashboard-reporter")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard-admin")).ToBeVisibleAsync();

        await page.NavLink("Người dùng").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/users$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Người dùng");
        var users = page.GetByTestId("user-table");
        foreach (var userName in new[] { "phongvien", "bientap", "quantri" })
        {
            await Expect(users.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true })).ToBeVisibleAsync();
        }

        await page.NavLink("Chuyên mục").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/categories$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chuyên mục");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Hoạt động của tỉnh", Exact = true })).ToBeVisibleAsync();

        await page.NavLink("Nhật ký").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/audit$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhật ký");

        // This very sign-in is in the audit trail.
        var audit = page.GetByTestId("audit-grid");
        var signIns = audit.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Đăng nhập", Exact = true }) });
        await Expect(signIns.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "quantri", Exact = true }) }).First).ToBeVisibleAsync();
    });

    private static async Task ExpectNavigationAsync(IPage page, IEnumerable<string> visible, IEnumerable<string> absent)
    {
        await Expect(page.Nav().First).ToBeVisibleAsync();
        foreach (var entry in visible)
        {
            await Expect(page.NavLink(entry)).ToBeVisibleAsync();
        }

        foreach (var entry in absent)
        {
            await Expect(page.NavLink(entry)).ToHaveCountAsync(0);
        }
    }

    [GeneratedRegex("/Account/AccessDenied", RegexOptions.IgnoreCase)]
    private static partial Regex AccessDeniedUrl();
}
