using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Editorial.Tests.Http;

/// <summary>
/// A cookie-keeping client that does not follow redirects, and signs in the way a person does: through the
/// static login form, with its antiforgery token.
/// </summary>
internal sealed partial class Browser(HttpClient client) : IDisposable
{
    public const string WrongPasswordMessage = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public HttpClient Client { get; } = client;

    public static Browser Open(EditorialAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fills in and submits the login form; returns the raw answer (a redirect when it worked).</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(string userName, string password)
    {
        var form = await GetPageAsync("/Account/Login");
        Assert.Equal("login", HiddenInput(form, "_handler"));

        return await Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public async Task SignInAsync(string userName, string password)
    {
        var response = await SubmitLoginAsync(userName, password);

        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Signing in {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/editorial", LocationPath(response));
    }

    public static string AntiforgeryToken(string html) => HiddenInput(html, "__RequestVerificationToken");

    public static string HiddenInput(string html, string name)
    {
        var match = Regex.Match(html, $"""<input[^>]*name="{Regex.Escape(name)}"[^>]*value="(?<value>[^"]*)"[^>]*>""");
        Assert.True(match.Success, $"No hidden input {name} in the page");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>The path (without query) a redirect points to, whether the header is absolute or relative.</summary>
    public static string LocationPath(HttpResponseMessage response) => LocationUri(response).AbsolutePath;

    public static Uri LocationUri(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
    }

    public static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => string.Equals(pair[0], name, StringComparison.OrdinalIgnoreCase))
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))
            .FirstOrDefault();

    public static string Title(string html)
    {
        var match = TitlePattern().Match(html);
        Assert.True(match.Success, "The page has no <title>");
        return WebUtility.HtmlDecode(match.Groups["title"].Value).Trim();
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("<title>(?<title>[^<]*)</title>")]
    private static partial Regex TitlePattern();
}
