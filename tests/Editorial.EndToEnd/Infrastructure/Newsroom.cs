using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Infrastructure;

/// <summary>What a person does in the newsroom workstation, as browser steps.</summary>
public static partial class Newsroom
{
    public const string PortalName = "Cổng thông tin điện tử tỉnh Hà Giang";
    public const string InvalidSignIn = "Tên đăng nhập hoặc mật khẩu không đúng.";

    /// <summary>Every entry of the main navigation, in Vietnamese, with who sees it.</summary>
    public static readonly string[] ReporterNav = ["Tổng quan", "Bài của tôi"];
    public static readonly string[] EditorNav = ["Chờ duyệt", "Lịch xuất bản", "Nhuận bút"];
    public static readonly string[] AdminNav = ["Người dùng", "Chuyên mục", "Nhật ký", "Cấu hình nhuận bút", "Thống kê", "Sao lưu", "Cấu hình"];

    /// <summary>
    /// Types user name and password into the sign-in form and submits it; waits for the answer to load
    /// but does not check it (the caller expects success, an error or the lock-out page).
    /// </summary>
    public static async Task SubmitSignInAsync(this IPage page, string userName, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("/Account/Login");
        }

        await page.Locator("#Input\\.UserName").FillAsync(userName);
        await page.Locator("#Input\\.Password").FillAsync(password);
        await page.SubmitAccountFormAsync();
    }

    /// <summary>
    /// Clicks the submit button of a static account form (sign-in, change password) and waits for the
    /// browser to load the answer, so the next step never types into the page that is going away.
    /// </summary>
    public static async Task SubmitAccountFormAsync(this IPage page)
    {
        await page.EvaluateAsync("() => { window.__e2eSubmitted = true; }");
        await page.Locator(".account-button").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => window.__e2eSubmitted !== true && document.readyState !== 'loading'",
            null,
            new PageWaitForFunctionOptions { PollingInterval = 50 });
    }

    /// <summary>Signs in through the login page and waits for the dashboard.</summary>
    public static async Task SignInAsync(this IPage page, DemoAccount account, string? password = null)
    {
        await page.GotoAsync("/Account/Login");
        await Expect(page.Locator(".account-button")).ToHaveTextAsync("Đăng nhập");
        await page.SubmitSignInAsync(account.UserName, password ?? account.Password);
        await page.WaitForURLAsync(DashboardUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^(Tổng quan|Dashboard)$"));
    }

    public static Regex DashboardUrl() => DashboardPath();

    /// <summary>
    /// Waits until the prerendered workstation has been taken over by its interactive circuit: Blazor
    /// marks the elements it holds references to with <c>_bl_…</c> attributes, which prerendered HTML
    /// never has. Before that, clicks on MudBlazor controls do nothing.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('header button, nav a, nav button')].some(e => [...e.attributes].some(a => a.name.startsWith('_bl_')))",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
    }

    /// <summary>The workstation's main navigation (the drawer).</summary>
    public static ILocator Nav(this IPage page) => page.Locator(".mud-drawer nav.mud-navmenu").First;

    public static ILocator NavLink(this IPage page, string text) =>
        page.Nav().Locator("a.mud-nav-link").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(text) + "\\s*$") });

    /// <summary>
    /// Opens a MudBlazor menu. The workstation is prerendered, so its buttons are visible before the
    /// circuit is connected and a click then does nothing: click again (waiting longer each time, since
    /// the activator toggles) until the menu shows.
    /// </summary>
    public static async Task OpenMenuAsync(this IPage page, ILocator activator, ILocator itemInMenu)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var wait = 2_000; ; wait = Math.Min(wait * 2, 8_000))
        {
            if (await itemInMenu.IsVisibleAsync())
            {
                return;
            }

            await activator.ClickAsync();
            try
            {
                await Expect(itemInMenu).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = wait });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not interactive yet: try again.
            }
        }
    }

    public static ILocator UserMenuButton(this IPage page) => page.GetByTestId("user-menu");

    public static ILocator MenuItem(this IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-menu-item").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(text) + "\\s*$") });

    public static Task OpenUserMenuAsync(this IPage page) =>
        page.OpenMenuAsync(page.UserMenuButton(), page.GetByTestId("sign-out"));

    /// <summary>App-bar language menu → "English" or "Tiếng Việt"; the page reloads in that language.</summary>
    public static async Task SwitchLanguageAsync(this IPage page, string language)
    {
        var item = page.MenuItem(language);
        await page.OpenMenuAsync(page.GetByTestId("culture-menu").Locator("button").First, item);
        await item.ClickAsync();
    }

    public static Regex LoginUrl() => LoginPath();

    [GeneratedRegex(@"/editorial/?$")]
    private static partial Regex DashboardPath();

    [GeneratedRegex(@"/Account/Login(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPath();
}
