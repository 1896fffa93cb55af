using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>
/// Tests that change accounts run against their own app and database, so the shared one keeps its
/// demo passwords. Each test here uses a different account: lock-out the reporter, password change the
/// editor; the administrator only looks.
/// </summary>
[Collection(AccountChangesCollection.Name)]
public sealed partial class AccountChangesTests(AccountChangesAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Five_wrong_passwords_lock_the_reporter_out_and_the_administrator_sees_the_lock() => InBrowserAsync(async session =>
    {
        var page = await session.NewPageAsync();
        var reporter = Fixture.Reporter;
        await page.GotoAsync("/Account/Login");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SubmitSignInAsync(reporter.UserName, $"sai-mat-khau-{attempt}");
            await Expect(page.GetByText(Newsroom.InvalidSignIn)).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(Newsroom.LoginUrl());
        }

        await page.SubmitSignInAsync(reporter.UserName, "sai-mat-khau-5");
        await page.WaitForURLAsync(LockoutUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản tạm bị khóa");

        // Locked means locked: the right password does not get in either.
        await page.GotoAsync("/Account/Login");
        await page.SubmitSignInAsync(reporter.UserName, reporter.Password);
        await page.WaitForURLAsync(LockoutUrl());
        await page.GotoAsync("/editorial");
        await page.WaitForURLAsync(Newsroom.LoginUrl());

        // On another computer the administrator sees who is locked.
        var admin = await session.NewPageAsync();
        await admin.SignInAsync(Fixture.Administrator);
        await admin.WaitForInteractiveAsync();
        await admin.NavLink("Người dùng").ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin/users$"));
        var reporterRow = admin.GetByTestId("user-table").Locator("tr")
            .Filter(new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = reporter.UserName, Exact = true }) });
        await Expect(reporterRow).ToContainTextAsync("Khóa đến");
        var editorRow = admin.GetByTestId("user-table").Locator("tr")
            .Filter(new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = "bientap", Exact = true }) });
        await Expect(editorRow).ToContainTextAsync("Đang hoạt động");
    });

    [Fact]
    public Task Editor_changes_password_from_the_user_menu_and_signs_in_with_the_new_one() => InBrowserAsync(async session =>
    {
        var editor = Fixture.Editor;
        const string newPassword = "Bien-tap-moi-2026";

        var page = await session.NewPageAsync();
        await page.SignInAsync(editor);
        await page.WaitForInteractiveAsync();

        var changePassword = page.MenuItem("Đổi mật khẩu");
        await page.OpenMenuAsync(page.UserMenuButton(), changePassword);
        await changePassword.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Manage/ChangePassword$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đổi mật khẩu");

        // A mistyped confirmation is caught first.
        await page.Locator("#Input\\.OldPassword").FillAsync(editor.Password);
        await page.Locator("#Input\\.NewPassword").FillAsync(newPassword);
        await page.Locator("#Input\\.ConfirmPassword").FillAsync(newPassword + "x");
        await page.SubmitAccountFormAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.GetByText("Đã đổi mật khẩu.")).ToHaveCountAsync(0);

        await page.Locator("#Input\\.OldPassword").FillAsync(editor.Password);
        await page.Locator("#Input\\.NewPassword").FillAsync(newPassword);
        await page.Locator("#Input\\.ConfirmPassword").FillAsync(newPassword);
        await page.SubmitAccountFormAsync();
        await Expect(page.GetByText("Đã đổi mật khẩu.")).ToBeVisibleAsync();

        // Still signed in after the change.
        await page.GotoAsync("/editorial");
        await page.WaitForURLAsync(Newsroom.DashboardUrl());

        // Elsewhere: the old password no longer works, the new one does.
        var elsewhere = await session.NewPageAsync();
        await elsewhere.GotoAsync("/Account/Login");
        await elsewhere.SubmitSignInAsync(editor.UserName, editor.Password);
        await Expect(elsewhere.GetByText(Newsroom.InvalidSignIn)).ToBeVisibleAsync();

        await elsewhere.SignInAsync(editor, newPassword);
        await Expect(elsewhere.GetByTestId("dashboard-editor")).ToBeVisibleAsync();
    });

    [GeneratedRegex("/Account/Lockout", RegexOptions.IgnoreCase)]
    private static partial Regex LockoutUrl();
}
