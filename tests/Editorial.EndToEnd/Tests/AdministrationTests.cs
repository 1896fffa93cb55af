using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>
/// Accounts made through the UI, against the account-changes app (its own database), so the shared app keeps
/// its demo accounts. The administrator only creates a new account here; nobody else's password changes.
/// </summary>
[Collection(AccountChangesCollection.Name)]
public sealed partial class AdministrationTests(AccountChangesAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task An_administrator_creates_a_reporter_who_signs_in_with_the_shown_password_must_change_it_and_sees_only_reporter_pages() => InBrowserAsync(async session =>
    {
        const string userName = "pv.hoangha";
        const string newPassword = "Mat-khau-rieng-2026";

        // The administrator creates the account and reads the password shown once.
        var admin = await session.NewPageAsync();
        await admin.SignInAsync(Fixture.Administrator);
        await admin.WaitForInteractiveAsync();
        await admin.NavLink("Người dùng").ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin/users$"));
        await admin.GetByTestId("create-account").ClickAsync();
        await admin.Locator("#account-full-name").FillAsync("Hoàng Thu Hà");
        await admin.Locator("#account-user-name").FillAsync(userName);
        await admin.Locator("#account-email").FillAsync("hoangha@hagiang.gov.vn");
        await admin.GetByTestId("create-submit").ClickAsync();

        var shown = admin.GetByTestId("new-password");
        await Expect(shown).ToBeVisibleAsync();
        var password = (await shown.TextContentAsync())!.Trim();
        Assert.True(password.Length >= 10, password);
        await Expect(admin.GetByTestId("copy-password")).ToBeVisibleAsync();
        await SaveScreenshotAsync(admin, "account-created");
        await admin.GetByTestId("password-done").ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);

        var row = admin.GetByTestId("user-table").Locator("tr")
            .Filter(new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });
        await Expect(row).ToContainTextAsync("Phóng viên");
        await Expect(row).ToContainTextAsync("Phải đổi mật khẩu");
        Assert.DoesNotContain(password, await admin.ContentAsync());

        await admin.OpenUserMenuAsync();
        await admin.GetByTestId("sign-out").ClickAsync();
        await admin.WaitForURLAsync(Newsroom.LoginUrl());

        // The reporter signs in with it on another computer and is made to change it first.
        var reporter = await session.NewPageAsync();
        await reporter.GotoAsync("/Account/Login");
        await reporter.SubmitSignInAsync(userName, password);
        await reporter.WaitForURLAsync(ChangePasswordUrl());
        await Expect(reporter.GetByTestId("must-change-password")).ToBeVisibleAsync();

        await reporter.GotoAsync("/editorial/my-stories");
        await reporter.WaitForURLAsync(ChangePasswordUrl());

        await reporter.Locator("#Input\\.OldPassword").FillAsync(password);
        await reporter.Locator("#Input\\.NewPassword").FillAsync(newPassword);
        await reporter.Locator("#Input\\.ConfirmPassword").FillAsync(newPassword);
        await reporter.SubmitAccountFormAsync();
        await reporter.WaitForURLAsync(new Regex("/editorial/my-stories$"));
        await Expect(reporter.Locator("h1")).ToHaveTextAsync("Bài của tôi");

        // Only reporter pages: the navigation and the addresses agree.
        await reporter.GotoAsync("/editorial");
        await reporter.WaitForURLAsync(Newsroom.DashboardUrl());
        await reporter.WaitForInteractiveAsync();
        foreach (var entry in Newsroom.ReporterNav)
        {
            await Expect(reporter.NavLink(entry)).ToBeVisibleAsync();
        }

        foreach (var entry in Newsroom.EditorNav.Concat(Newsroom.AdminNav))
        {
            await Expect(reporter.NavLink(entry)).ToHaveCountAsync(0);
        }

        await SaveScreenshotAsync(reporter, "new-reporter-dashboard");
        await reporter.GotoAsync("/admin/users");
        await reporter.WaitForURLAsync(new Regex("/Account/AccessDenied", RegexOptions.IgnoreCase));
        await Expect(reporter.GetByText("Không có quyền truy cập").First).ToBeVisibleAsync();
    });

    [GeneratedRegex(@"/Account/Manage/ChangePassword(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ChangePasswordUrl();
}
