using System.Net;
using Editorial.Web.Features.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Http;

public sealed class SignInAndSignOutTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public async Task SignOut_WithTheToken_EndsTheSession()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("bientap", app.PasswordOf("bientap"));
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));

        var response = await browser.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(response));
        var after = await browser.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(after));
    }

    [Fact]
    public async Task SignIn_WithTheWrongPassword_StaysOnTheFormWithAMessage()
    {
        using var browser = Browser.Open(app);

        var response = await browser.SubmitLoginAsync("quantri", "khong-phai-mat-khau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Browser.WrongPasswordMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/editorial")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheRequestedPage()
    {
        using var browser = Browser.Open(app);
        var form = await browser.GetPageAsync("/Account/Login?ReturnUrl=%2Feditorial%2Fmy-stories");

        var response = await browser.Client.PostAsync("/Account/Login?ReturnUrl=%2Feditorial%2Fmy-stories", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(form),
            ["Input.UserName"] = "quantri",
            ["Input.Password"] = app.PasswordOf("quantri"),
        }));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/editorial/my-stories", Browser.LocationPath(response));
    }

    [Fact]
    public async Task SignInAndSignOut_AreRecordedInTheAuditTrail()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("quantri", app.PasswordOf("quantri"));
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));
        await browser.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var actions = await AuditActionsOfAsync(app, "quantri");

        Assert.Contains(AuditActions.SignIn, actions);
        Assert.Contains(AuditActions.SignOut, actions);
    }

    internal static async Task<IReadOnlyList<string>> AuditActionsOfAsync(EditorialAppFactory app, string userName)
    {
        var page = await app.Services.GetRequiredService<AuditTrail>().ListAsync(0, 500);
        return page.Entries.Where(e => e.UserName == userName).OrderBy(e => e.Id).Select(e => e.Action).ToList();
    }
}
