using Bunit;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Articles.Form;

/// <summary>A story's history: the saved revisions, the latest two compared word by word, and restoring an old one.</summary>
public sealed class StoryRevisionsTests : StoryPageTest
{
    private static readonly string RevisedTitle = SeedStory.Headline.Replace("sơ kết", "tổng kết", StringComparison.Ordinal);

    public StoryRevisionsTests()
    {
        SignIn(Person.Khanh);
    }

    [Fact]
    public async Task The_latest_two_revisions_are_compared_word_by_word()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle });

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));

        Assert.Equal("Lịch sử phiên bản", page.Find("h1").TextContent);
        Assert.Equal([2, 1], Numbers(page));
        Assert.True(page.Find("[data-testid=old-1]").HasAttribute("checked"));
        Assert.True(page.Find("[data-testid=new-2]").HasAttribute("checked"));

        var diff = page.Find("[data-testid=revision-diff]");
        Assert.Equal(["Tiêu đề"], diff.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal("<del>sơ</del>", Assert.Single(diff.QuerySelectorAll("del")).OuterHtml);
        Assert.Equal("<ins>tổng</ins>", Assert.Single(diff.QuerySelectorAll("ins")).OuterHtml);
        Assert.Equal(
            "Hội nghị trực tuyến sơtổng kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017",
            diff.QuerySelector(".diff-modified")!.TextContent.Trim());
    }

    [Fact]
    public async Task Each_revision_shows_its_kind_author_and_time()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle }, secondBy: Person.Lan);

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));

        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["", "", "2", "Lưu", "Nguyễn Thị Lan", "20/04/2017 07:10", ""], rows[0]);
        Assert.Equal(["", "", "1", "Lưu", "Trần Khánh", "20/04/2017 07:00", "Khôi phục bản này"], rows[1]);
        Assert.Equal(SeedStory.Headline.Replace("sơ kết", "tổng kết", StringComparison.Ordinal), page.Find(".mud-text-secondary").TextContent);
        Assert.Equal($"/editorial/stories/{id}", page.Find("[data-testid=back-to-story]").GetAttribute("href"));
    }

    [Fact]
    public async Task Restoring_an_old_revision_makes_it_current_as_a_new_revision()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle });
        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));
        Assert.Empty(page.FindAll("[data-testid=restore-2]")); // the current one

        Click(page, "[data-testid=restore-1]");

        page.WaitForAssertion(() => Assert.Equal([3, 2, 1], Numbers(page)), Patience);
        Assert.Equal(["", "", "3", "Khôi phục từ bản 1", "Trần Khánh", "20/04/2017 07:10", ""], Rows(page)[0]);
        Assert.Equal(SeedStory.Headline, Database.Row(id).Title);
        Assert.Equal(RevisionKind.Restore, Database.Revisions(id)[^1].Kind);
        Assert.Contains("Đã khôi phục bản 1 thành bản mới 3.", Snackbars.Markup, StringComparison.Ordinal);

        // The newest two are compared again: the restore put "sơ" back.
        var diff = page.Find("[data-testid=revision-diff]");
        Assert.Equal("<del>tổng</del>", Assert.Single(diff.QuerySelectorAll("del")).OuterHtml);
        Assert.Equal("<ins>sơ</ins>", Assert.Single(diff.QuerySelectorAll("ins")).OuterHtml);
    }

    [Fact]
    public async Task Restoring_after_a_colleague_saved_is_refused_and_writes_nothing()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle });
        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));
        var current = Database.Row(id);
        await Database.SaveAsync(Person.Lan, id, Story() with { Title = RevisedTitle, Slug = current.Slug, Byline = "Thu Ngà" }, current.Version);

        Click(page, "[data-testid=restore-1]");

        page.WaitForAssertion(() => Assert.Contains("Bài đã được người khác lưu; hãy tải lại trang rồi khôi phục.", Snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(3, Database.Revisions(id).Count);
        Assert.Equal(RevisedTitle, Database.Row(id).Title);
    }

    [Fact]
    public async Task Choosing_two_other_revisions_compares_those()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle });
        var current = Database.Row(id);
        await Database.SaveAsync(Person.Khanh, id, Story() with { Title = RevisedTitle, Slug = current.Slug, Byline = "Trần Khánh - Thu Ngà" }, current.Version);
        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));
        Assert.Equal(["Tác giả"], page.FindAll("[data-testid=revision-diff] h3").Select(h => h.TextContent));

        Change(page, "[data-testid=old-1]", true);

        page.WaitForAssertion(() => Assert.Equal(["Tiêu đề", "Tác giả"], page.FindAll("[data-testid=revision-diff] h3").Select(h => h.TextContent)), Patience);
    }

    [Fact]
    public async Task Two_identical_revisions_are_said_to_be_the_same()
    {
        var id = await TwoRevisionsAsync(Story());

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));

        Assert.Equal([2, 1], Numbers(page));
        Assert.Equal("Hai phiên bản giống nhau.", page.Find("[data-testid=revision-diff] .mud-alert-message").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=revision-diff] section"));
    }

    [Fact]
    public async Task One_revision_has_nothing_to_compare()
    {
        var first = await Database.CreateAsync(Person.Khanh, Story());

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, first.Id));

        Assert.Equal([1], Numbers(page));
        Assert.Empty(page.FindAll("[data-testid=revision-diff]"));
        Assert.Empty(page.FindAll("[data-testid=restore-1]"));
    }

    [Fact]
    public async Task A_reporter_cannot_see_another_reporters_history()
    {
        var theirs = await Database.CreateAsync(Person.Nga, Story());

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, theirs.Id));

        Assert.Equal("Không tìm thấy bài viết, hoặc bạn không có quyền mở bài này.", page.Find(".mud-alert-message").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=revision-table]"));
        Assert.DoesNotContain(SeedStory.Headline, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_sees_the_history_of_their_story_in_review_but_cannot_restore()
    {
        var id = await TwoRevisionsAsync(Story() with { Title = RevisedTitle });
        Database.SetState(id, ArticleState.InReview);

        var page = RenderOnPage<StoryRevisions>(p => p.Add(x => x.Id, id));

        Assert.Equal([2, 1], Numbers(page));
        Assert.Single(page.FindAll("[data-testid=revision-diff] del"));
        Assert.Empty(page.FindAll("[data-testid=restore-1]"));
    }

    /// <summary>The reporter writes the story at 07:00; ten minutes later the second revision is saved.</summary>
    private async Task<int> TwoRevisionsAsync(ArticleContent second, Person? secondBy = null)
    {
        var first = await Database.CreateAsync(Person.Khanh, Story());
        Database.Clock.Advance(TimeSpan.FromMinutes(10));
        await Database.SaveAsync(secondBy ?? Person.Khanh, first.Id, second with { Slug = first.Slug }, first.Version);
        return first.Id;
    }

    private static ArticleContent Story() => new()
    {
        Title = SeedStory.Headline,
        Lead = SeedStory.Lead,
        BodyHtml = "<p>" + SeedStory.TrongQuyI + "</p>",
    };

    private static List<int> Numbers(IRenderedComponent<StoryRevisions> page) =>
        Rows(page).Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static List<List<string>> Rows(IRenderedComponent<StoryRevisions> page) =>
        page.FindAll("[data-testid=revision-table] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ToList();
}
