using System.Net;
using Editorial.Core.Articles;
using Editorial.Tests.Http;

namespace Editorial.Tests.Portal;

/// <summary>/editorial/stories/{id}/preview: the public story view for staff before publication.</summary>
public sealed class PortalPreviewTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private const string OtherReporter = "phongvien2";
    private const string OtherPassword = "Mat-khau-du-dai-2024";

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var id = await app.AddStoryAsync("Bản nháp xem trước khi chưa đăng nhập", ArticleState.Draft);
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync($"/editorial/stories/{id}/preview");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/Account/Login", Browser.LocationPath(response));
    }

    [Fact]
    public async Task TheAuthor_SeesTheDraftAsReadersWill_MarkedXemTruoc_AndNeverCached()
    {
        var title = "Bản nháp của phóng viên để xem trước";
        var id = await app.AddStoryAsync(title, ArticleState.Draft, categorySlug: PortalHttp.ProvinceSlug);
        using var browser = Browser.Open(app);
        await browser.SignInAsync("phongvien", app.PasswordOf("phongvien"));

        var response = await browser.GetAsync($"/editorial/stories/{id}/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a preview must not be stored anywhere");
        var document = PortalHttp.Parse(await response.Content.ReadAsStringAsync());
        var banner = document.QuerySelector("[data-testid=preview-banner]")!.TextContent;
        Assert.Contains("Xem trước", banner, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", banner, StringComparison.Ordinal);
        Assert.Equal(title, document.QuerySelector("[data-testid=story-title]")!.TextContent);
        Assert.Equal("CTTĐT – Tin ngắn.", document.QuerySelector("[data-testid=story-lead]")!.TextContent);
        Assert.Equal(5, document.QuerySelectorAll("[data-testid=story-others] li").Length);
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(document.QuerySelector("script"));
    }

    [Theory]
    [InlineData(ArticleState.InReview)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Unpublished)]
    public async Task AnEditor_PreviewsAnyonesStory(ArticleState state)
    {
        var id = await app.AddStoryAsync($"Bài {state} để biên tập viên xem trước", state);
        using var browser = Browser.Open(app);
        await browser.SignInAsync("bientap", app.PasswordOf("bientap"));

        var response = await browser.GetAsync($"/editorial/stories/{id}/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnotherReporter_GetsNotFound_AsIfTheStoryDidNotExist()
    {
        var id = await app.AddStoryAsync("Bản nháp riêng của phóng viên một", ArticleState.Draft);
        await app.AddReporterAsync(OtherReporter, OtherPassword);
        using var browser = Browser.Open(app);
        await browser.SignInAsync(OtherReporter, OtherPassword);

        var response = await browser.GetAsync($"/editorial/stories/{id}/preview");
        var missing = await browser.GetAsync("/editorial/stories/999999/preview");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Bản nháp riêng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
