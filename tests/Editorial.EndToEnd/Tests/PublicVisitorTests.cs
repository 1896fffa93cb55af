using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>Someone who is not signed in: a reader of the portal, or staff before signing in.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class PublicVisitorTests(EditorialAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Visitor_sees_the_public_home_as_plain_html_without_the_Blazor_script() => InBrowserAsync(async page =>
    {
        var webSockets = new List<string>();
        page.WebSocket += (_, socket) => webSockets.Add(socket.Url);

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);

        await Expect(page.Locator("h1")).ToHaveTextAsync(Newsroom.PortalName);
        await Expect(page).ToHaveTitleAsync(Newsroom.PortalName);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("script[src*='blazor.web.js']")).ToHaveCountAsync(0);

        // The portal's own stylesheet is applied (not just linked).
        var stylesheets = await page.EvaluateAsync<int>("() => document.styleSheets.length");
        Assert.True(stylesheets >= 1, "the public home has no stylesheet");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(webSockets);

        // The footer leads staff to the newsroom, which asks them to sign in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập tòa soạn" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Feditorial$", RegexOptions.IgnoreCase));
    });

    [Theory]
    [InlineData("/editorial")]
    [InlineData("/editorial/review")]
    [InlineData("/admin/users")]
    public Task Visitor_opening_a_newsroom_page_is_sent_to_sign_in_and_back_afterwards(string path) => InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);

        await page.WaitForURLAsync(Newsroom.LoginUrl());
        var url = new Uri(page.Url);
        Assert.Equal("/Account/Login", url.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), url.Query, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator("script[src*='blazor.web.js']")).ToHaveCountAsync(0);

        // After signing in (as someone allowed everywhere) the person lands where they wanted to go.
        await page.SubmitSignInAsync(Fixture.Administrator.UserName, Fixture.Administrator.Password);
        await page.WaitForURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^(Tổng quan|Chờ duyệt|Người dùng)$"));
    }, $"{nameof(Visitor_opening_a_newsroom_page_is_sent_to_sign_in_and_back_afterwards)}_{path.Trim('/').Replace('/', '_')}");

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("//evil.example.com/x")]
    [InlineData("/\\evil.example.com/x")]
    public Task Sign_in_with_a_return_address_on_another_site_stays_on_the_portal(string returnUrl) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.SubmitSignInAsync(Fixture.Reporter.UserName, Fixture.Reporter.Password);

        Assert.StartsWith(BaseUrl.GetLeftPart(UriPartial.Authority), page.Url, StringComparison.OrdinalIgnoreCase);
        await page.WaitForURLAsync(Newsroom.DashboardUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
    }, $"{nameof(Sign_in_with_a_return_address_on_another_site_stays_on_the_portal)}_{returnUrl.Length}");

    [Fact]
    public Task Visitor_whose_browser_prefers_English_still_gets_the_Vietnamese_sign_in_page() => InBrowserAsync(async session =>
    {
        var page = await session.NewPageAsync(locale: "en-US");
        await page.GotoAsync("/Account/Login");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator(".account-button")).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator("label[for='Input.UserName']")).ToHaveTextAsync("Tên đăng nhập");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    });

    [Fact]
    public Task Unknown_user_name_gets_the_same_Vietnamese_error_as_a_wrong_password() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/Account/Login");
        await page.SubmitSignInAsync("khong-ton-tai", "MatKhauSai-12345");

        await Expect(page.GetByText(Newsroom.InvalidSignIn)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Newsroom.LoginUrl());

        // Still not signed in.
        await page.GotoAsync("/editorial");
        await page.WaitForURLAsync(Newsroom.LoginUrl());
    });
}
