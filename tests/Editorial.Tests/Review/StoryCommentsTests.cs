using Bunit;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Review;
using Editorial.Web.Features.Workflow;

namespace Editorial.Tests.Review;

/// <summary>The comment thread on a story: posting, Vietnamese refusals, and comments from other sessions arriving live.</summary>
public sealed class StoryCommentsTests : ReviewComponentTest
{
    private const string Title = "Hội nghị tổng kết công tác dân vận năm 2016";

    public StoryCommentsTests()
    {
        SignIn(Person.Lan);
    }

    [Fact]
    public async Task A_posted_comment_appears_in_the_thread_and_in_the_timeline()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(12));
        var comments = RenderPage<StoryComments>(p => p.Add(c => c.ArticleId, id));
        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));
        comments.WaitForAssertion(() => Assert.Equal("Chưa có ý kiến nào.", comments.Find("[data-testid=comments-empty]").TextContent), Patience);

        Type(comments, "comment-input", "Ảnh hội nghị hơi tối,\nđề nghị thay ảnh khác.");
        Click(comments, "[data-testid=comment-send]");

        comments.WaitForAssertion(() => Assert.Single(comments.FindAll("[data-testid=comment]")), Patience);
        var comment = comments.Find("[data-testid=comment]");
        Assert.Equal("Nguyễn Thị Lan", comment.QuerySelector("[data-testid=comment-author]")!.TextContent);
        Assert.Equal("Ảnh hội nghị hơi tối,\nđề nghị thay ảnh khác.", comment.QuerySelector("[data-testid=comment-body]")!.TextContent);
        Assert.Contains("20/04/2017 07:12", comment.TextContent, StringComparison.Ordinal);
        Assert.Equal("", comments.Find("#comment-input").GetAttribute("value") ?? comments.Find("#comment-input").TextContent);
        timeline.WaitForAssertion(() => Assert.Equal(2, timeline.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Contains("Góp ý", timeline.FindAll("[data-testid=timeline-entry]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_in_Vietnamese_and_nothing_is_stored()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var comments = RenderPage<StoryComments>(p => p.Add(c => c.ArticleId, id));
        comments.WaitForAssertion(() => Assert.NotEmpty(comments.FindAll("[data-testid=comments-empty]")), Patience);

        Type(comments, "comment-input", "   ");
        Click(comments, "[data-testid=comment-send]");

        comments.WaitForAssertion(() => Assert.Contains("Nội dung ý kiến không được để trống.", comments.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(comments.FindAll("[data-testid=comment]"));
        using var db = Db.Stories.CreateDbContext();
        Assert.Empty(db.StoryComments);
    }

    [Fact]
    public async Task A_comment_over_4000_characters_is_refused_and_kept_in_the_box()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var comments = RenderPage<StoryComments>(p => p.Add(c => c.ArticleId, id));
        comments.WaitForAssertion(() => Assert.NotEmpty(comments.FindAll("[data-testid=comments-empty]")), Patience);
        var text = new string('ô', 4001);

        Type(comments, "comment-input", text);
        Click(comments, "[data-testid=comment-send]");

        comments.WaitForAssertion(() => Assert.Contains("Ý kiến dài quá 4.000 ký tự.", comments.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(comments.FindAll("[data-testid=comment]"));
        Assert.Contains(text, comments.Find("#comment-input").TextContent + comments.Find("#comment-input").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_outside_the_story_may_not_comment()
    {
        var id = await Db.SubmitNewAsync(Person.Nga, Title);
        SignIn(Person.Khanh);
        var comments = RenderPage<StoryComments>(p => p.Add(c => c.ArticleId, id));
        comments.WaitForAssertion(() => Assert.NotEmpty(comments.FindAll("[data-testid=comments-empty]")), Patience);

        Type(comments, "comment-input", "Xin góp ý.");
        Click(comments, "[data-testid=comment-send]");

        comments.WaitForAssertion(() => Assert.Contains("Bạn không tham gia trao đổi về bài này.", comments.Markup, StringComparison.Ordinal), Patience);
        using var db = Db.Stories.CreateDbContext();
        Assert.Empty(db.StoryComments);
    }

    [Fact]
    public async Task A_comment_from_another_session_appears_without_a_reload()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var comments = RenderPage<StoryComments>(p => p.Add(c => c.ArticleId, id));
        comments.WaitForAssertion(() => Assert.NotEmpty(comments.FindAll("[data-testid=comments-empty]")), Patience);

        // The author answers from the editor page.
        Assert.IsType<CommentResult.Added>(await Db.Timeline.AddCommentAsync(id, "Em đã thay ảnh.", Person.Khanh.Principal));

        comments.WaitForAssertion(() => Assert.Single(comments.FindAll("[data-testid=comment]")), Patience);
        Assert.Equal("Trần Khánh", comments.Find("[data-testid=comment-author]").TextContent);
        Assert.Equal("Em đã thay ảnh.", comments.Find("[data-testid=comment-body]").TextContent);
    }
}
