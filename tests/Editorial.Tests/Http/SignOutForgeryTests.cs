using System.Net;

namespace Editorial.Tests.Http;

/// <summary>
/// AccountEndpoints promises "Sign-out is a POST with an antiforgery token, so another site cannot sign
/// people out". A minimal-API endpoint that binds no form value is not antiforgery-validated, though.
/// </summary>
public sealed class SignOutForgeryTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        using var browser = Browser.Open(app);
        await browser.SignInAsync("phongvien", app.PasswordOf("phongvien"));

        // What a forged cross-site form would send: no token.
        var response = await browser.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/editorial")).StatusCode);
    }
}
