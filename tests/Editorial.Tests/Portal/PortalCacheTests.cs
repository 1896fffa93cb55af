using System.Net;
using Editorial.Core.Articles;
using Editorial.Tests.Http;

namespace Editorial.Tests.Portal;

/// <summary>Public pages are output-cached, the same for everybody, and evicted when what readers see changes.</summary>
public sealed class PortalCacheTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/",
        "/tin/" + PortalHttp.SeedSlug,
        "/tin/" + PortalHttp.SeedSlug + "/in",
        "/chuyen-muc/hoat-dong-cua-tinh",
        "/tim-kiem?q=hoi+nghi",
        "/rss.xml",
        "/sitemap.xml",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_CarriesNothingPerVisitor_AndIsServedFromTheCacheTheSecondTime(string path)
    {
        using var browser = Browser.Open(app);

        var first = await browser.GetAsync(path);
        var second = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} sets a cookie: {string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        Assert.False(first.Headers.CacheControl?.NoStore ?? false, $"{path} says no-store");
        var html = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Blazor-Server-Component-State", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x(?!2B;)", html); // Vietnamese as characters; Blazor writes only "+" as an entity
        Assert.NotNull(second.Headers.Age); // answered by the output cache
        Assert.Equal(html, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedPage_ChangesOnlyOnceThePortalCacheIsEvicted()
    {
        using var browser = Browser.Open(app);
        var before = await browser.GetPageAsync("/chuyen-muc/tin-tuc-su-kien");
        var title = "Tin mới xuất bản sau khi trang đã vào bộ nhớ đệm";

        await app.AddStoryAsync(title, categorySlug: "tin-tuc-su-kien");
        var stale = await browser.GetPageAsync("/chuyen-muc/tin-tuc-su-kien");
        await app.EvictAsync();
        var fresh = await browser.GetPageAsync("/chuyen-muc/tin-tuc-su-kien");

        Assert.DoesNotContain(title, before, StringComparison.Ordinal);
        Assert.DoesNotContain(title, stale, StringComparison.Ordinal); // the cache really served it
        Assert.Contains(title, fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnpublishedStory_IsGoneFromItsCachedPage_AfterEviction()
    {
        var title = "Tin sẽ bị gỡ khỏi cổng";
        var id = await app.AddStoryAsync(title, categorySlug: PortalHttp.EconomySlug);
        await app.EvictAsync();
        using var browser = Browser.Open(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tin/" + PortalHttp.SlugFor(title))).StatusCode);

        await using (var db = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Editorial.Web.Infrastructure.Data.EditorialDbContext>>(app.Services).CreateDbContextAsync())
        {
            var article = await db.Articles.FindAsync(id);
            article!.State = ArticleState.Unpublished;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tin/" + PortalHttp.SlugFor(title))).StatusCode); // still cached
        await app.EvictAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/tin/" + PortalHttp.SlugFor(title))).StatusCode);
    }

    [Fact]
    public async Task SignedInStaff_AreNeitherServedFromNorStoredInTheCache()
    {
        using var reader = Browser.Open(app);
        using var staff = Browser.Open(app);
        await staff.SignInAsync("bientap", app.PasswordOf("bientap"));
        await app.EvictAsync();

        var staffFirst = await staff.GetAsync("/chuyen-muc/kinh-te");
        var readerFirst = await reader.GetAsync("/chuyen-muc/kinh-te");
        var staffSecond = await staff.GetAsync("/chuyen-muc/kinh-te");

        Assert.Null(staffFirst.Headers.Age);
        Assert.Null(readerFirst.Headers.Age); // the staff's page was not stored for readers
        Assert.Null(staffSecond.Headers.Age); // nor the readers' page served to staff
        Assert.NotNull((await reader.GetAsync("/chuyen-muc/kinh-te")).Headers.Age);
    }

    [Fact]
    public async Task AnEnglishPage_IsCachedApart_AndNeverServedToVietnameseReaders()
    {
        using var english = Browser.Open(app);
        english.Client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        using var vietnamese = Browser.Open(app);
        await app.EvictAsync();

        var englishPage = await english.GetPageAsync("/tin/" + PortalHttp.SeedSlug);
        var vietnamesePage = await vietnamese.GetPageAsync("/tin/" + PortalHttp.SeedSlug);

        Assert.Contains(">Print</a>", englishPage, StringComparison.Ordinal);
        Assert.Contains(">In bài</a>", vietnamesePage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Print</a>", vietnamesePage, StringComparison.Ordinal);
    }
}
