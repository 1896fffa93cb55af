using System.Net;

namespace Editorial.Tests.Http;

/// <summary>A return address pointing off the site must not be followed, nor break the sign-in.</summary>
public sealed class LoginReturnUrlTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task ForeignReturnUrl_SignsInAndGoesToTheDashboard(string returnUrl)
    {
        using var browser = Browser.Open(app);
        var form = await browser.GetPageAsync("/Account/Login");

        var response = await browser.Client.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(form),
            ["Input.UserName"] = "phongvien",
            ["Input.Password"] = app.PasswordOf("phongvien"),
        }));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = Browser.LocationUri(response);
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/editorial", location.AbsolutePath);
    }
}
