using System.Net;
using Editorial.Core.Accounts;
using Editorial.Tests.Http;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Administration;

/// <summary>
/// The account rules through the real app and its sign-in form: a disabled account cannot sign in, a lock or
/// a disabling ends a session already open, and a person who must change their password is held at the
/// change-password page until they have. Cookies are validated on every request here (the app does it every
/// minute), so "ends the session" is seen at once.
/// </summary>
public sealed class AccountsSignInTests(AccountsSignInTests.App app) : IClassFixture<AccountsSignInTests.App>
{
    private const string Password = "mat-khau-ban-dau-1";
    private const string DisabledMessage = "Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.";

    private static readonly System.Security.Claims.ClaimsPrincipal Administrator = AccountsHarness.Principal("test-admin", Roles.Administrator);

    private AccountAdministration Accounts => app.Services.GetRequiredService<AccountAdministration>();

    [Fact]
    public async Task ADisabledAccount_CannotSignIn_IsToldWhyInVietnamese_AndTheAttemptIsAudited()
    {
        var id = await CreateAsync("vohieu", mustChangePassword: false);
        Assert.True((await Accounts.DisableAsync(Administrator, id)).Succeeded);
        using var browser = Browser.Open(app);

        var answer = await browser.SubmitLoginAsync("vohieu", Password);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains(DisabledMessage, html, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("Editorial.Auth=", StringComparison.Ordinal) && !c.StartsWith("Editorial.Auth=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/editorial")).StatusCode);
        Assert.Contains(AuditActions.SignInDisabled, await AuditOfAsync("vohieu"));

        // Without the right password, the account's state is not given away.
        var guess = await browser.SubmitLoginAsync("vohieu", "doan-mat-khau-1");
        var guessed = await guess.Content.ReadAsStringAsync();
        Assert.Contains(Browser.WrongPasswordMessage, guessed, StringComparison.Ordinal);
        Assert.DoesNotContain(DisabledMessage, guessed, StringComparison.Ordinal);

        // Re-enabled, the same password works again.
        Assert.True((await Accounts.EnableAsync(Administrator, id)).Succeeded);
        await browser.SignInAsync("vohieu", Password);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("lock")]
    [InlineData("roles")]
    public async Task DisablingLockingOrChangingRoles_EndsASessionAlreadyOpen(string change)
    {
        var userName = $"phien-{change}";
        var id = await CreateAsync(userName, mustChangePassword: false);
        using var browser = Browser.Open(app);
        await browser.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editorial")).StatusCode);

        var result = change switch
        {
            "disable" => await Accounts.DisableAsync(Administrator, id),
            "lock" => await Accounts.LockAsync(Administrator, id),
            _ => await Accounts.SetRolesAsync(Administrator, id, [Roles.Editor]),
        };
        Assert.True(result.Succeeded);

        var after = await browser.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(after));
    }

    [Fact]
    public async Task ANewAccount_IsSentToChangeItsPassword_HeldThereFromTheWorkstation_AndGetsInAfterChangingIt()
    {
        await CreateAsync("moitao", mustChangePassword: true);
        using var browser = Browser.Open(app);

        var signIn = await browser.SubmitLoginAsync("moitao", Password);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword", Browser.LocationPath(signIn));

        foreach (var route in new[] { "/editorial", "/editorial/my-stories", "/editorial/stories/new" })
        {
            var held = await browser.GetAsync(route);
            Assert.True(held.StatusCode == HttpStatusCode.Found, $"{route}: {(int)held.StatusCode}");
            Assert.Equal("/Account/Manage/ChangePassword", Browser.LocationPath(held));
            Assert.Equal(route, Browser.QueryValue(Browser.LocationUri(held), "ReturnUrl"));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/media/anything")).StatusCode);

        var form = await browser.GetPageAsync("/Account/Manage/ChangePassword?ReturnUrl=%2Feditorial%2Fmy-stories");
        Assert.Contains("Bạn cần đặt mật khẩu mới trước khi vào tòa soạn.", form, StringComparison.Ordinal);

        // Keeping the same password is not a change.
        var same = await SubmitChangeAsync(browser, form, Password, Password);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("Mật khẩu mới phải khác mật khẩu hiện tại.", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/editorial")).StatusCode);

        form = await browser.GetPageAsync("/Account/Manage/ChangePassword?ReturnUrl=%2Feditorial%2Fmy-stories");
        var changed = await SubmitChangeAsync(browser, form, Password, "mat-khau-cua-toi-2");
        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        Assert.Equal("/editorial/my-stories", Browser.LocationPath(changed));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editorial")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editorial/my-stories")).StatusCode);
        Assert.False((await UserAsync("moitao")).MustChangePassword);
        Assert.Contains(AuditActions.PasswordChanged, await AuditOfAsync("moitao"));

        // And from another computer with the new password, straight to the workstation.
        using var elsewhere = Browser.Open(app);
        await elsewhere.SignInAsync("moitao", "mat-khau-cua-toi-2");
    }

    [Fact]
    public async Task AnAdministratorsRequest_SendsAnOpenSessionToTheChangePasswordPage()
    {
        var id = await CreateAsync("yeucau", mustChangePassword: false);
        using var browser = Browser.Open(app);
        await browser.SignInAsync("yeucau", Password);

        Assert.True((await Accounts.RequirePasswordChangeAsync(Administrator, id)).Succeeded);

        var held = await browser.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Found, held.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword", Browser.LocationPath(held));
    }

    [Fact]
    public async Task Someone_held_at_the_required_password_change_can_sign_out_instead()
    {
        await CreateAsync("roidi", mustChangePassword: true);
        using var browser = Browser.Open(app);
        Assert.Equal("/Account/Manage/ChangePassword", Browser.LocationPath(await browser.SubmitLoginAsync("roidi", Password)));

        var page = await browser.GetPageAsync("/Account/Manage/ChangePassword");
        Assert.Contains("action=\"/Account/Logout\"", page, StringComparison.Ordinal);
        var signOut = await browser.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
        }));

        Assert.Equal("/Account/Login", Browser.LocationPath(signOut));
        Assert.Equal("/Account/Login", Browser.LocationPath(await browser.GetAsync("/editorial")));
    }

    private static Task<HttpResponseMessage> SubmitChangeAsync(Browser browser, string form, string oldPassword, string newPassword) =>
        browser.Client.PostAsync(
            "/Account/Manage/ChangePassword?ReturnUrl=%2Feditorial%2Fmy-stories",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "change-password",
                ["__RequestVerificationToken"] = Browser.AntiforgeryToken(form),
                ["Input.OldPassword"] = oldPassword,
                ["Input.NewPassword"] = newPassword,
                ["Input.ConfirmPassword"] = newPassword,
            }));

    private async Task<string> CreateAsync(string userName, bool mustChangePassword)
    {
        var result = await Accounts.CreateAsync(Administrator, new NewAccount($"Người dùng {userName}", userName, null, [Roles.Reporter], Password));
        Assert.True(result.Succeeded, result.Refusal?.ToString());
        if (!mustChangePassword)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(result.UserId!))!;
            user.MustChangePassword = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        return result.UserId!;
    }

    private async Task<ApplicationUser> UserAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    private async Task<IReadOnlyList<string>> AuditOfAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    /// <summary>The app, validating sign-in cookies on every request instead of every minute.</summary>
    public sealed class App : EditorialAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        }
    }
}
