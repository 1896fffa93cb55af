using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Tests.Text;

namespace Editorial.Tests.Portal;

public sealed class PortalFeedTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task PortalRss_IsValidRss2_WithAbsoluteLinksAndRfc822Dates_OfPublishedStoriesOnly()
    {
        await app.AddStoryAsync("Bản nháp không vào RSS", ArticleState.Draft);
        await app.AddStoryAsync("Bài đã gỡ không vào RSS", ArticleState.Unpublished);
        await app.EvictAsync();
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync("/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("Cổng thông tin điện tử tỉnh Hà Giang", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/", channel.Element("link")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(6, items.Count); // the seed story and its five neighbours
        Assert.Equal(SeedStory.Headline, items[0].Element("title")!.Value);
        Assert.Equal("http://localhost/tin/" + PortalHttp.SeedSlug, items[0].Element("link")!.Value);
        Assert.Equal("Thu, 20 Apr 2017 06:00:00 GMT", items[0].Element("pubDate")!.Value);
        Assert.StartsWith("CTTĐT – Sáng 20/4", items[0].Element("description")!.Value, StringComparison.Ordinal);
        foreach (var item in items)
        {
            Assert.True(Uri.TryCreate(item.Element("link")!.Value, UriKind.Absolute, out _));
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            DateTimeOffset.ParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture);
            Assert.DoesNotContain("không vào RSS", item.Element("title")!.Value, StringComparison.Ordinal);
        }

        var dates = items.Select(i => DateTimeOffset.ParseExact(i.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task CategoryRss_HoldsOnlyThatCategory()
    {
        await app.AddStoryAsync("Tin kinh tế trong RSS chuyên mục", categorySlug: PortalHttp.EconomySlug);
        await app.EvictAsync();
        using var browser = Browser.Open(app);

        var economy = XDocument.Parse(await browser.GetPageAsync("/chuyen-muc/kinh-te/rss.xml"));
        var province = XDocument.Parse(await browser.GetPageAsync("/chuyen-muc/hoat-dong-cua-tinh/rss.xml"));

        Assert.Equal(["Tin kinh tế trong RSS chuyên mục"], economy.Descendants("item").Select(i => i.Element("title")!.Value));
        Assert.All(economy.Descendants("item"), i => Assert.Equal("Kinh tế", i.Element("category")!.Value));
        Assert.Equal(6, province.Descendants("item").Count());
        Assert.Equal("http://localhost/chuyen-muc/kinh-te", economy.Root!.Element("channel")!.Element("link")!.Value);
    }

    [Fact]
    public async Task Sitemap_IsValidXml_ListingHomeCategoriesAndPublishedStoriesOnly()
    {
        var draft = "Bản nháp không vào sitemap";
        await app.AddStoryAsync(draft, ArticleState.InReview);
        await app.EvictAsync();
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync("/sitemap.xml");

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var locations = sitemap.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/chuyen-muc/hoat-dong-cua-tinh", locations);
        Assert.Contains("http://localhost/tin/" + PortalHttp.SeedSlug, locations);
        Assert.DoesNotContain(locations, l => l.Contains(PortalHttp.SlugFor(draft), StringComparison.Ordinal));
        Assert.All(locations, l => Assert.True(Uri.TryCreate(l, UriKind.Absolute, out _), l));
        Assert.All(sitemap.Descendants(Sitemap + "lastmod"), m => DateTimeOffset.Parse(m.Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap_AndKeepsCrawlersOutOfTheNewsroom()
    {
        using var browser = Browser.Open(app);

        var robots = await browser.GetPageAsync("/robots.txt");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /editorial", robots, StringComparison.Ordinal);
    }
}
