using System.Net;
using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Tests.Text;

namespace Editorial.Tests.Portal;

/// <summary>The demo database's seed story as a reader gets it over HTTP, and what readers never get.</summary>
public sealed class PortalStoryPageTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private static readonly (string Title, string Time)[] Neighbours =
    [
        ("Phó Chủ tịch UBND tỉnh Trần Đức Quý thăm, khảo sát cơ sở vật chất một số công trình xây dựng xã Quyết Tiến", "20/04/2017 09:10"),
        ("Ban pháp chế - HĐND tỉnh họp thẩm tra Dự thảo Nghị quyết kèm Tờ trình trình tại kỳ họp thứ tư – HĐND tỉnh khóa XVII, nhiệm kỳ 2016 – 2021", "20/04/2017 09:00"),
        ("Tổng duyệt Lễ hội Chợ tình Khâu Vai", "20/04/2017 08:35"),
        ("Bí thư Tỉnh ủy tiếp xúc cử tri xã Mậu Duệ, huyện Yên Minh", "20/04/2017 08:30"),
        ("Ban Kinh tế HĐND tỉnh họp thẩm tra các văn bản trình kỳ họp thứ tư – HĐND tỉnh", "19/04/2017 15:40"),
    ];

    [Fact]
    public async Task SeedStory_HasTheSeedsPartsInTheSeedsOrder()
    {
        using var browser = Browser.Open(app);

        var html = await browser.GetPageAsync("/tin/" + PortalHttp.SeedSlug);

        var main = PortalHttp.Parse(html).QuerySelector("main")!;
        var text = main.TextContent;
        string[] parts =
        [
            "Hoạt động của tỉnh",
            "In bài",
            SeedStory.Headline,
            "20/04/2017 13:00",
            SeedStory.Lead, // "CTTĐT – Sáng 20/4, …"
            SeedStory.Caption,
            SeedStory.TrongQuyI,
            "Tác giả: Trần Khánh - Thu Ngà",
            "Tin khác",
            .. Neighbours.Select(n => $"{n.Title}\n            ({n.Time})"),
            "xem tiếp",
        ];
        var position = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' missing or out of order after position {position}");
            position = found + part.Length;
        }

        Assert.Equal(5, main.QuerySelectorAll("[data-testid=story-others] li").Length);
        Assert.Equal("Hoạt động của tỉnh", main.QuerySelector("[data-testid=story-category]")!.TextContent);
        Assert.Equal("/tin/" + PortalHttp.SeedSlug + "/in", main.QuerySelector("[data-testid=story-print]")!.GetAttribute("href"));
        Assert.Equal("/chuyen-muc/hoat-dong-cua-tinh", main.QuerySelector("[data-testid=story-more]")!.GetAttribute("href"));
        Assert.Equal("2017-04-20T13:00+07:00", main.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Tác giả: Trần Khánh - Thu Ngà", main.QuerySelector("[data-testid=story-byline]")!.TextContent);
    }

    [Fact]
    public async Task SeedStory_HasARealCaptionedPicture()
    {
        using var browser = Browser.Open(app);
        var document = PortalHttp.Parse(await browser.GetPageAsync("/tin/" + PortalHttp.SeedSlug));

        var figure = document.QuerySelector("[data-testid=story-figure]")!;
        Assert.Equal(SeedStory.Caption, figure.QuerySelector("figcaption")!.TextContent);
        var src = figure.QuerySelector("img")!.GetAttribute("src")!;
        Assert.StartsWith("/media/", src, StringComparison.Ordinal);

        var image = await browser.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 20_000, $"the picture is only {bytes.Length} bytes");
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    [Fact]
    public async Task StoryPage_HasCanonicalAndOpenGraphTags_WithAbsoluteAddresses()
    {
        using var browser = Browser.Open(app);
        var document = PortalHttp.Parse(await browser.GetPageAsync("/tin/" + PortalHttp.SeedSlug));
        string Meta(string property) => document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content") ?? "";

        var url = "http://localhost/tin/" + PortalHttp.SeedSlug;
        Assert.Equal(url, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(url, Meta("og:url"));
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal(SeedStory.Headline, Meta("og:title"));
        Assert.Equal(SeedStory.Lead["CTTĐT – ".Length..], Meta("og:description"));
        Assert.StartsWith("http://localhost/media/", Meta("og:image"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(Meta("og:image")).AbsolutePath)).StatusCode);
        Assert.Equal($"{SeedStory.Headline} – Cổng thông tin điện tử tỉnh Hà Giang", document.Title);
    }

    [Fact]
    public async Task PrintView_IsTheStoryAlone_WithThePortalNameAndItsSource()
    {
        using var browser = Browser.Open(app);

        var document = PortalHttp.Parse(await browser.GetPageAsync("/tin/" + PortalHttp.SeedSlug + "/in"));

        Assert.Null(document.QuerySelector("nav"));
        Assert.Null(document.QuerySelector(".portal-footer"));
        Assert.Null(document.QuerySelector("[data-testid=story-print]"));
        Assert.Null(document.QuerySelector("[data-testid=story-others]"));
        Assert.Equal("Cổng thông tin điện tử tỉnh Hà Giang", document.QuerySelector(".print-header")!.TextContent);
        Assert.Equal(SeedStory.Headline, document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Tác giả: Trần Khánh - Thu Ngà", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nguồn: http://localhost/tin/" + PortalHttp.SeedSlug, document.QuerySelector("[data-testid=print-source]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var css = await browser.GetAsync(document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!.TrimStart('/').Insert(0, "/"));
        Assert.Contains("@page { size: A4", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<ArticleState> HiddenStates => new(Enum.GetValues<ArticleState>().Where(s => s != ArticleState.Published));

    [Theory]
    [MemberData(nameof(HiddenStates))]
    public async Task AStoryNotPublished_DoesNotExistForReaders(ArticleState state)
    {
        var title = $"Bài ở trạng thái {state} không được lộ ra";
        await app.AddStoryAsync(title, state);
        await app.EvictAsync();
        using var browser = Browser.Open(app);
        var slug = PortalHttp.SlugFor(title);

        foreach (var path in new[] { "/tin/" + slug, "/tin/" + slug + "/in" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy trang", body, StringComparison.Ordinal);
            Assert.DoesNotContain(title, body, StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/", "/chuyen-muc/kinh-te", "/rss.xml", "/chuyen-muc/kinh-te/rss.xml", "/sitemap.xml", "/tim-kiem?q=" + Uri.EscapeDataString(title) })
        {
            var body = await (await browser.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(slug, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/tin/khong-co-bai-nay")]
    [InlineData("/tin/khong-co-bai-nay/in")]
    [InlineData("/tin/1")]
    [InlineData("/chuyen-muc/khong-co")]
    [InlineData("/chuyen-muc/khong-co/rss.xml")]
    [InlineData("/chuyen-muc/hoat-dong-cua-tinh?trang=99")]
    public async Task GuessedAddresses_Answer404(string path)
    {
        using var browser = Browser.Open(app);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ScriptInAStoredBody_IsRemovedAgainOnDisplay()
    {
        // Stored without the sanitiser (an old row, a manual import): the page still shows no script.
        var title = "Bài có mã độc trong nội dung cũ";
        await app.AddStoryAsync(title, bodyHtml: "<p>Chữ vẫn còn.</p><script>alert('xss')</script><img src=x onerror=alert(1)>", sanitise: false);
        await app.EvictAsync();
        using var browser = Browser.Open(app);

        var html = await browser.GetPageAsync("/tin/" + PortalHttp.SlugFor(title));

        Assert.Contains("Chữ vẫn còn.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoryPages_ShowTenStoriesNewestFirst_AndXemTiepToTheNext()
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 12; i++)
        {
            await app.AddStoryAsync($"Tin văn hóa số {i:00}", categorySlug: "van-hoa-xa-hoi", publishedAtUtc: start.AddHours(i));
        }

        await app.EvictAsync();
        using var browser = Browser.Open(app);

        var first = PortalHttp.Parse(await browser.GetPageAsync("/chuyen-muc/van-hoa-xa-hoi"));
        var second = PortalHttp.Parse(await browser.GetPageAsync("/chuyen-muc/van-hoa-xa-hoi?trang=2"));

        string[] Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("[data-testid=category-stories] h2").Select(h => h.TextContent).ToArray();
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Tin văn hóa số {i:00}"), Titles(first));
        Assert.Equal(["Tin văn hóa số 02", "Tin văn hóa số 01"], Titles(second));
        var next = first.QuerySelector("[data-testid=category-next]")!;
        Assert.Equal("xem tiếp", next.TextContent);
        Assert.Equal("/chuyen-muc/van-hoa-xa-hoi?trang=2", next.GetAttribute("href"));
        Assert.Null(second.QuerySelector("[data-testid=category-next]"));
    }

    [Fact]
    public async Task Home_ListsTheLatestStoriesOfEachCategory_InTheCategoriesOrder()
    {
        using var browser = Browser.Open(app);

        var document = PortalHttp.Parse(await browser.GetPageAsync("/"));

        var sections = document.QuerySelectorAll("[data-testid=home-section]");
        Assert.NotEmpty(sections);
        Assert.Equal("Hoạt động của tỉnh", sections[0].QuerySelector("h2")!.TextContent);
        Assert.Equal(SeedStory.Headline, sections[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("Cổng thông tin điện tử tỉnh Hà Giang", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Search_FindsTheSeedStory_WithAndWithoutDiacritics_AndMarksTheWords()
    {
        using var browser = Browser.Open(app);

        foreach (var query in new[] { "dong chi thao hong son", "Thào Hồng Sơn" })
        {
            var document = PortalHttp.Parse(await browser.GetPageAsync("/tim-kiem?q=" + Uri.EscapeDataString(query)));

            var hit = Assert.Single(document.QuerySelectorAll("[data-testid=search-hit]"));
            Assert.Equal("/tin/" + PortalHttp.SeedSlug, hit.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains(hit.QuerySelectorAll("mark"), m => m.TextContent.Contains("Thào Hồng Sơn", StringComparison.Ordinal));
            Assert.Equal(query, document.QuerySelector("[data-testid=search-input]")!.GetAttribute("value"));
        }
    }
}
