using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>A reader of the public portal on the demo database: the seed story, its print view, search.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class PortalReaderTests(EditorialAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string SeedTitle = "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";

    [Theory]
    [InlineData("dong chi thao hong son")]
    [InlineData("Thào Hồng Sơn")]
    public Task Reader_searches_from_the_header_with_or_without_diacritics_and_finds_the_seed_story(string query) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.Locator("#portal-search-q").FillAsync(query);
        await page.Locator("#portal-search-q").PressAsync("Enter");

        await page.WaitForURLAsync(new Regex(@"/tim-kiem\?q="));
        var hits = page.GetByTestId("search-hit");
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator("h2 a")).ToHaveTextAsync(SeedTitle);
        await Expect(hits.Locator("mark").Filter(new() { HasText = "Thào Hồng Sơn" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("search-input")).ToHaveValueAsync(query);
        await SaveScreenshotAsync(page, $"portal-search-{(query.Contains('à') ? "diacritics" : "plain")}");

        await hits.Locator("h2 a").ClickAsync();
        await Expect(page.GetByTestId("story-title")).ToHaveTextAsync(SeedTitle);
    }, $"{nameof(Reader_searches_from_the_header_with_or_without_diacritics_and_finds_the_seed_story)}_{query.Length}");

    [Fact]
    public Task Reader_opens_the_seed_story_from_the_home_page_and_it_is_saved_as_a_screenshot() => InBrowserAsync(async page =>
    {
        var webSockets = 0;
        page.WebSocket += (_, _) => webSockets++;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = SeedTitle }).First.ClickAsync();

        await Expect(page.GetByTestId("story-category")).ToHaveTextAsync("Hoạt động của tỉnh");
        await Expect(page.GetByTestId("story-print")).ToHaveTextAsync("In bài");
        await Expect(page.GetByTestId("story-time")).ToHaveTextAsync("20/04/2017 13:00");
        await Expect(page.GetByTestId("story-lead")).ToHaveTextAsync(new Regex("^CTTĐT – Sáng 20/4, Ban Chỉ đạo"));
        await Expect(page.GetByTestId("story-lead")).ToHaveCSSAsync("font-weight", "700");
        await Expect(page.GetByTestId("story-byline")).ToHaveTextAsync("Tác giả: Trần Khánh - Thu Ngà");
        await Expect(page.GetByTestId("story-byline")).ToHaveCSSAsync("text-align", "right");
        await Expect(page.GetByTestId("story-others").Locator("li")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("story-figure").Locator("figcaption")).ToHaveTextAsync("Toàn cảnh Hội nghị");

        // The picture really loaded (not a broken-image icon).
        var width = await page.GetByTestId("story-figure").Locator("img").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(width > 0, "the seed picture did not load");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, webSockets);
        var path = await SaveScreenshotAsync(page, "portal-story");
        Output.WriteLine($"Story page: {path}");
        Assert.True(new FileInfo(path).Length > 50_000, $"{path} is suspiciously small");
    });

    [Fact]
    public Task Print_view_is_a_clean_A4_page_saved_as_a_screenshot_and_a_pdf() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = SeedTitle }).First.ClickAsync();
        await page.GetByTestId("story-print").ClickAsync();
        await page.WaitForURLAsync(new Regex("/in$"));

        await Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await Expect(page.Locator(".print-header")).ToHaveTextAsync("Cổng thông tin điện tử tỉnh Hà Giang");
        await Expect(page.GetByTestId("print-source")).ToContainTextAsync("Nguồn: " + BaseUrl.ToString().TrimEnd('/') + "/tin/");

        // As the printer sees it: A4 width at 96 dpi, print styles.
        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".print-hint")).ToBeHiddenAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var path = await SaveScreenshotAsync(page, "portal-print");
        Output.WriteLine($"Print view: {path}");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = false });
        var pdfText = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", pdfText, StringComparison.Ordinal);
        Assert.Matches(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", pdfText); // A4: 595 × 842 points
        var pdfPath = Path.Combine(ScreenshotFolder, "portal-print.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        Output.WriteLine($"Print view as PDF: {pdfPath}");
    });

    [Fact]
    public Task Home_page_lists_the_seed_story_under_its_category_and_is_saved_as_a_screenshot() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");

        var section = page.GetByTestId("home-section").First;
        await Expect(section.Locator("h2")).ToHaveTextAsync("Hoạt động của tỉnh");
        await Expect(section.Locator("h3")).ToHaveTextAsync(SeedTitle);
        await Expect(section.Locator(".story-list li")).ToHaveCountAsync(4);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaveScreenshotAsync(page, "portal-home");
    });

    [Fact]
    public Task Story_page_and_search_work_with_javascript_turned_off() => InBrowserAsync(async (BrowserSession _) =>
    {
        await using var context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            JavaScriptEnabled = false,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/tim-kiem?q=thao+hong+son");
        await page.GetByTestId("search-hit").Locator("h2 a").ClickAsync();
        await Expect(page.GetByTestId("story-title")).ToHaveTextAsync(SeedTitle);
        await page.GetByTestId("story-more").ClickAsync();
        await Expect(page.GetByTestId("category-title")).ToHaveTextAsync("Hoạt động của tỉnh");
    });
}
