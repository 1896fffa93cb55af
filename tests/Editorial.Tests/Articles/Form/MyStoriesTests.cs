using Bunit;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Form;

/// <summary>A reporter's own stories, and the two ways to start a new one.</summary>
public sealed class MyStoriesTests : StoryPageTest
{
    private const string Economy = "Hà Giang thu hút đầu tư vào nông nghiệp công nghệ cao";
    private const string NgaStory = "Huyện Đồng Văn ra quân xây dựng nông thôn mới";

    public MyStoriesTests()
    {
        SignIn(Person.Khanh);
    }

    [Fact]
    public void Offers_a_new_story_and_a_new_meeting_report()
    {
        var page = RenderOnPage<MyStories>();

        Assert.Equal("Bài của tôi", page.Find("h1").TextContent);
        var newStory = page.Find("[data-testid=new-story]");
        Assert.Equal("Viết bài mới", newStory.TextContent.Trim());
        Assert.Equal("/editorial/stories/new", newStory.GetAttribute("href"));
        var newMeetingReport = page.Find("[data-testid=new-meeting-report]");
        Assert.Equal("Viết báo cáo Hội nghị", newMeetingReport.TextContent.Trim());
        Assert.Equal("/editorial/stories/new?kind=meeting", newMeetingReport.GetAttribute("href"));
    }

    [Fact]
    public async Task Lists_only_the_reporters_own_stories()
    {
        var meetingReport = await Database.CreateAsync(Person.Khanh, Story(SeedStory.Headline) with { CategoryId = Database.ProvinceNews });
        Database.Clock.Advance(TimeSpan.FromMinutes(30));
        var economy = await Database.CreateAsync(Person.Khanh, Story(Economy) with { CategoryId = Database.EconomyNews });
        await Database.CreateAsync(Person.Nga, Story(NgaStory));
        Database.SetState(meetingReport.Id, ArticleState.InReview);

        var page = RenderOnPage<MyStories>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("a.story-link").Count), Patience);
        Assert.Equal(
            [
                [Economy, "Tin kinh tế", "Bản nháp", "20/04/2017 07:30"],
                [SeedStory.Headline, "Hoạt động của tỉnh", "Chờ duyệt", "20/04/2017 07:00"],
            ],
            Rows(page));
        Assert.Equal(
            [$"/editorial/stories/{economy.Id}", $"/editorial/stories/{meetingReport.Id}"],
            page.FindAll("a.story-link").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(NgaStory, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_without_diacritics_finds_the_story()
    {
        await Database.CreateAsync(Person.Khanh, Story(SeedStory.Headline));
        await Database.CreateAsync(Person.Khanh, Story(Economy));
        var page = RenderOnPage<MyStories>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("a.story-link").Count), Patience);

        Type(page, "my-stories-search", "hoi nghi truc tuyen");

        page.WaitForAssertion(() => Assert.Equal([SeedStory.Headline], page.FindAll("a.story-link").Select(a => a.TextContent)), Patience);
    }

    [Fact]
    public async Task A_reporter_without_stories_is_told_so()
    {
        await Database.CreateAsync(Person.Nga, Story(NgaStory));

        var page = RenderOnPage<MyStories>();

        page.WaitForAssertion(() => Assert.Equal("Bạn chưa có bài viết nào.", page.Find("[data-testid=grid-empty]").TextContent), Patience);
        Assert.Empty(page.FindAll("a.story-link"));
    }

    /// <summary>Title, category, state and last change of each row, newest first.</summary>
    private static List<string[]> Rows(IRenderedComponent<MyStories> page) =>
        page.FindAll("[data-testid=article-grid] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();

    private static ArticleContent Story(string title) => new() { Title = title, Lead = SeedStory.Lead };
}
