using System.Net;
using Editorial.Web.Features.Administration;

namespace Editorial.Tests.Http;

public sealed class LockoutTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        using var browser = Browser.Open(app);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await browser.SubmitLoginAsync("phongvien", $"sai-mat-khau-{attempt}");

            Assert.True(failed.StatusCode == HttpStatusCode.OK, $"attempt {attempt}: {(int)failed.StatusCode} {failed.Headers.Location}");
            Assert.Contains(Browser.WrongPasswordMessage, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await browser.SubmitLoginAsync("phongvien", "sai-mat-khau-5");
        Assert.Equal(HttpStatusCode.Found, fifth.StatusCode);
        Assert.Equal("/Account/Lockout", Browser.LocationPath(fifth));

        var rightPassword = await browser.SubmitLoginAsync("phongvien", app.PasswordOf("phongvien"));
        Assert.Equal(HttpStatusCode.Found, rightPassword.StatusCode);
        Assert.Equal("/Account/Lockout", Browser.LocationPath(rightPassword));

        var workstation = await browser.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Found, workstation.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(workstation));

        var lockoutPage = await browser.GetPageAsync("/Account/Lockout");
        Assert.Contains("đăng nhập sai 5 lần", lockoutPage, StringComparison.Ordinal);
        Assert.Contains("15 phút", lockoutPage, StringComparison.Ordinal);

        var audited = await SignInAndSignOutTests.AuditActionsOfAsync(app, "phongvien");
        Assert.Equal(4, audited.Count(a => a == AuditActions.SignInFailed));
        Assert.Equal(2, audited.Count(a => a == AuditActions.LockedOut));
        Assert.DoesNotContain(AuditActions.SignIn, audited);
    }

    [Fact]
    public async Task ALockedAccount_DoesNotLockOthers()
    {
        using (var attacker = Browser.Open(app))
        {
            for (var attempt = 1; attempt <= 6; attempt++)
            {
                await attacker.SubmitLoginAsync("quantri", $"doan-mo-{attempt}");
            }
        }

        using var editor = Browser.Open(app);
        await editor.SignInAsync("bientap", app.PasswordOf("bientap"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editorial/review")).StatusCode);
    }
}
