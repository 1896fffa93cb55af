using Bunit;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Review;

/// <summary>The read-only review page: the story as readers will see it, its state, and the workflow, history and thread beside it.</summary>
public sealed class ReviewStoryPageTests : ReviewComponentTest
{
    private const string Title = "Hội nghị tổng kết công tác dân vận năm 2016";

    public ReviewStoryPageTests()
    {
        SignIn(Person.Lan);
    }

    [Fact]
    public async Task Shows_the_story_as_readers_will_see_it()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title, Db.Stories.EconomyNews);
        await using (var db = Db.Stories.CreateDbContext())
        {
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.BodyHtml, "<h2>Kết quả</h2><p>Toàn tỉnh đã <strong>hoàn thành</strong> 12 chỉ tiêu.</p><img src=x onerror=alert(1)>")
                .SetProperty(a => a.Byline, "Minh Hằng"));
        }

        var page = RenderPage<ReviewStory>(p => p.Add(r => r.Id, id));

        page.WaitForAssertion(() => Assert.Equal(Title, page.Find("[data-testid=review-title]").TextContent), Patience);
        Assert.Equal("Tin kinh tế", page.Find("[data-testid=review-category]").TextContent);
        Assert.StartsWith("CTTĐT – Sáng 20/4,", page.Find("[data-testid=review-lead]").TextContent, StringComparison.Ordinal);
        var body = page.Find("[data-testid=review-body]");
        Assert.Equal("Kết quả", body.QuerySelector("h2")!.TextContent);
        Assert.Equal("hoàn thành", body.QuerySelector("strong")!.TextContent);
        Assert.DoesNotContain("onerror", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Tác giả: Minh Hằng", page.Find("[data-testid=review-byline]").TextContent);
        Assert.Contains("Người viết: Trần Khánh", page.Find("[data-testid=review-meta]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Gửi duyệt lúc 20/04/2017 07:00", page.Find("[data-testid=review-meta]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Chờ duyệt", page.Find("[data-testid=story-state]").TextContent.Trim());
        var edit = page.Find("[data-testid=review-edit-story]");
        Assert.Equal("Sửa bài", edit.TextContent.Trim());
        Assert.Equal($"/editorial/stories/{id}", edit.GetAttribute("href"));
        Assert.Equal("/editorial/review", page.Find("[data-testid=review-back]").GetAttribute("href"));
        Assert.Empty(page.FindAll("input[data-testid=review-title], textarea:not(#comment-input)"));
    }

    [Fact]
    public async Task Has_the_workflow_panel_the_timeline_and_the_comment_thread_beside_the_story()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        await Db.Timeline.AddCommentAsync(id, "Kiểm tra lại tên đại biểu.", Person.Minh.Principal);

        var page = RenderPage<ReviewStory>(p => p.Add(r => r.Id, id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=timeline-entry]")), Patience);
        Assert.Equal("Gửi duyệt: Bản nháp → Chờ duyệt", page.Find("[data-testid=timeline-what]").TextContent);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=comment]")), Patience);
        Assert.NotEmpty(page.FindAll("[data-testid=comment-send]"));

        // The panel offers the editor's actions on a story in review.
        page.WaitForAssertion(() => Assert.Contains("Duyệt", page.Markup, StringComparison.Ordinal), Patience);
        Assert.Contains("Quy trình duyệt", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_change_elsewhere_updates_the_state_and_the_timeline()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var page = RenderPage<ReviewStory>(p => p.Add(r => r.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=timeline-entry]")), Patience);

        await Db.ActAsync(Person.Minh, id, WorkflowAction.Approve);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=timeline-entry]").Count), Patience);
        page.WaitForAssertion(() => Assert.Equal("Đã duyệt", page.Find("[data-testid=story-state]").TextContent.Trim()), Patience);
    }

    [Fact]
    public void An_unknown_story_is_reported_not_found()
    {
        var page = RenderPage<ReviewStory>(p => p.Add(r => r.Id, 4242));

        page.WaitForAssertion(() => Assert.Equal("Không tìm thấy bài viết.", page.Find("[data-testid=review-not-found]").TextContent.Trim()), Patience);
        Assert.Empty(page.FindAll("[data-testid=timeline]"));
    }
}
