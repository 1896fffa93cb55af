using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>A picture of the editor's dashboard for people to look at (screenshots/editor-dashboard.png).</summary>
[Collection(SharedAppCollection.Name)]
public sealed class DashboardScreenshotTests(EditorialAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Editor_dashboard_is_saved_as_a_screenshot_with_the_workstation_styles_applied() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Editor);
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("dashboard-editor")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);

        // MudBlazor's stylesheet really applies: the app bar is fixed and coloured, the drawer is open.
        var appBar = page.Locator("header.mud-appbar");
        await Expect(appBar).ToHaveCSSAsync("position", "fixed");
        await Expect(appBar).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await Expect(page.Locator(".mud-drawer")).ToBeVisibleAsync();
        await Expect(page.Locator(".stat-card").First).ToBeVisibleAsync();

        // Wait for web fonts and the drawer's transition, then take the picture.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Mouse.MoveAsync(0, BrowserTest.ViewportHeight - 1);
        await page.WaitForTimeoutAsync(400);

        var path = await SaveScreenshotAsync(page, "editor-dashboard");
        Output.WriteLine($"Editor dashboard: {path}");
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is suspiciously small");
    });
}
