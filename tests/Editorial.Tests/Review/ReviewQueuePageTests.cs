using Bunit;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Review;

namespace Editorial.Tests.Review;

/// <summary>"Chờ duyệt" as an editor sees it: what waits, for how long, filters, and where each row leads.</summary>
public sealed class ReviewQueuePageTests : ReviewComponentTest
{
    private const string Meeting = "Hội nghị tổng kết công tác dân vận năm 2016";
    private const string Economy = "Hà Giang thu hút đầu tư vào nông nghiệp công nghệ cao";
    private const string Countryside = "Huyện Đồng Văn ra quân xây dựng nông thôn mới";

    public ReviewQueuePageTests()
    {
        SignIn(Person.Lan);
    }

    [Fact]
    public async Task Lists_waiting_stories_oldest_first_with_author_category_time_and_waiting_time()
    {
        var meeting = await Db.SubmitNewAsync(Person.Khanh, Meeting, Db.Stories.ProvinceNews);
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(35));
        var economy = await Db.SubmitNewAsync(Person.Nga, Economy, Db.Stories.EconomyNews);
        await Db.WriteAsync(Person.Nga, Countryside); // a draft: not in the queue
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(10));

        var page = RenderPage<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=review-row]").Count), Patience);
        Assert.Equal("Chờ duyệt", page.Find("h1").TextContent);
        Assert.Equal(
            [
                [Meeting, "Trần Khánh", "Hoạt động của tỉnh", "20/04/2017 07:00", "45 phút", "Xem Sửa"],
                [Economy, "Thu Ngà", "Tin kinh tế", "20/04/2017 07:35", "10 phút", "Xem Sửa"],
            ],
            Rows(page));
        var first = page.FindAll("[data-testid=review-row]")[0];
        Assert.Equal($"/editorial/review/{meeting}", first.QuerySelector("[data-testid=review-title]")!.GetAttribute("href"));
        Assert.Equal($"/editorial/review/{meeting}", first.QuerySelector("[data-testid=review-open]")!.GetAttribute("href"));
        Assert.Equal($"/editorial/stories/{meeting}", first.QuerySelector("[data-testid=review-edit]")!.GetAttribute("href"));
        Assert.Equal($"/editorial/stories/{economy}", page.FindAll("[data-testid=review-row]")[1].QuerySelector("[data-testid=review-edit]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Waiting_time_is_told_in_hours_and_then_days()
    {
        await Db.SubmitNewAsync(Person.Khanh, Meeting);
        Db.Stories.Clock.Advance(TimeSpan.FromDays(1));
        await Db.SubmitNewAsync(Person.Nga, Economy);
        Db.Stories.Clock.Advance(TimeSpan.FromHours(29));

        var page = RenderPage<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=review-row]").Count), Patience);
        Assert.Equal(["2 ngày", "29 giờ"], Rows(page).Select(r => r[4]));
    }

    [Fact]
    public async Task Filtering_by_category_and_author_narrows_the_list()
    {
        await Db.SubmitNewAsync(Person.Khanh, Meeting, Db.Stories.ProvinceNews);
        await Db.SubmitNewAsync(Person.Nga, Economy, Db.Stories.EconomyNews);
        await Db.SubmitNewAsync(Person.Khanh, Countryside, Db.Stories.EconomyNews);
        var page = RenderPage<ReviewQueue>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=review-row]").Count), Patience);

        Choose<ReviewQueue, int?>(page, "Chuyên mục", "Tin kinh tế");
        page.WaitForAssertion(() => Assert.Equal([Economy, Countryside], Titles(page)), Patience);

        Choose<ReviewQueue, string>(page, "Tác giả", "Trần Khánh");
        page.WaitForAssertion(() => Assert.Equal([Countryside], Titles(page)), Patience);
    }

    [Fact]
    public async Task The_author_filter_offers_the_people_with_stories_waiting()
    {
        await Db.SubmitNewAsync(Person.Khanh, Meeting);
        await Db.SubmitNewAsync(Person.Nga, Economy);
        await Db.WriteAsync(Person.Minh, Countryside);
        var page = RenderPage<ReviewQueue>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=review-row]").Count), Patience);

        OpenSelect<ReviewQueue, string>(page, "Tác giả");

        Popovers.WaitForAssertion(() => Assert.Equal(["Thu Ngà", "Trần Khánh"], Options()), Patience);
    }

    [Fact]
    public async Task An_empty_queue_says_so()
    {
        var returned = await Db.SubmitNewAsync(Person.Khanh, Meeting);
        await Db.ActAsync(Person.Lan, returned, WorkflowAction.RequestChanges, "Bổ sung số liệu.");

        var page = RenderPage<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Equal("Không có bài nào chờ duyệt.", page.Find("[data-testid=review-empty]").TextContent), Patience);
        Assert.Empty(page.FindAll("[data-testid=review-row]"));
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_shows_the_empty_text()
    {
        await Db.SubmitNewAsync(Person.Khanh, Meeting, Db.Stories.ProvinceNews);
        var page = RenderPage<ReviewQueue>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=review-row]")), Patience);

        Choose<ReviewQueue, int?>(page, "Chuyên mục", "Tin kinh tế");

        page.WaitForAssertion(() => Assert.Equal("Không có bài nào chờ duyệt.", page.Find("[data-testid=review-empty]").TextContent), Patience);
    }

    private static List<string[]> Rows(IRenderedComponent<ReviewQueue> page) =>
        page.FindAll("[data-testid=review-row]")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => string.Join(' ', td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .ToList();

    private static List<string> Titles(IRenderedComponent<ReviewQueue> page) =>
        page.FindAll("[data-testid=review-title]").Select(a => a.TextContent).ToList();
}
