using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>Signing out, and switching the workstation's language.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class SessionTests(EditorialAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Editor_signs_out_from_the_user_menu_and_the_newsroom_asks_for_sign_in_again() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Editor);
        await page.WaitForInteractiveAsync();

        await page.OpenUserMenuAsync();
        await Expect(page.Locator(".user-menu-name")).ToHaveTextAsync("bientap");
        await Expect(page.Locator(".user-menu-roles")).ToHaveTextAsync("Biên tập viên");
        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync(Newsroom.LoginUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");

        await page.GotoAsync("/editorial");
        await page.WaitForURLAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Feditorial$", RegexOptions.IgnoreCase));

        // The browser holds no valid sign-in any more: the server says so too.
        var response = await page.Context.APIRequest.GetAsync("/editorial", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Contains("/Account/Login", response.Headers["location"], StringComparison.OrdinalIgnoreCase);
    });

    [Fact]
    public Task Reporter_switches_the_workstation_to_English_and_back_to_Vietnamese() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);
        await page.WaitForInteractiveAsync();
        await Expect(page.NavLink("Bài của tôi")).ToBeVisibleAsync();

        await page.SwitchLanguageAsync("English");
        await page.WaitForURLAsync(Newsroom.DashboardUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.NavLink("My stories")).ToBeVisibleAsync();
        await Expect(page.NavLink("Dashboard")).ToBeVisibleAsync();
        await Expect(page.NavLink("Bài của tôi")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("portal-name")).ToHaveTextAsync(Newsroom.PortalName);

        // The choice sticks: another page is English too.
        await page.NavLink("My stories").ClickAsync();
        await page.WaitForURLAsync(new Regex("/editorial/my-stories$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My stories");

        await page.WaitForInteractiveAsync();
        await page.SwitchLanguageAsync("Tiếng Việt");
        await page.WaitForURLAsync(new Regex("/editorial/my-stories$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bài của tôi");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.NavLink("Tổng quan")).ToBeVisibleAsync();
        await Expect(page.NavLink("My stories")).ToHaveCountAsync(0);
    });
}
