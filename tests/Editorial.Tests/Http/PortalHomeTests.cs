using System.Net;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Http;

public sealed class PortalHomeTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private const string PortalName = "Cổng thông tin điện tử tỉnh Hà Giang";

    [Fact]
    public async Task Home_IsServed()
    {
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
    }

    [Fact]
    public async Task Home_ShowsThePortalNameAsVietnameseCharacters_NotEntities()
    {
        using var browser = Browser.Open(app);

        var html = await browser.GetPageAsync("/");

        Assert.Contains(PortalName, html, StringComparison.Ordinal);
        Assert.Equal(PortalName, Browser.Title(html));
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_IsStatic_WithoutTheBlazorScript()
    {
        using var browser = Browser.Open(app);

        var html = await browser.GetPageAsync("/");

        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor.min.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_IsStaticToo()
    {
        using var browser = Browser.Open(app);

        var html = await browser.GetPageAsync("/Account/Login");

        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.Contains(PortalName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Answers404WithTheVietnameseNotFoundPage()
    {
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppUsesTheDataFolderGivenToIt_NotTheRepositorys()
    {
        var settings = app.Services.GetRequiredService<EditorialSettings>();

        Assert.Equal(Path.GetFullPath(app.DataFolder), settings.DataFolder);
        Assert.Contains(Path.GetFullPath(app.DataFolder), settings.ConnectionString, StringComparison.Ordinal);
    }
}
