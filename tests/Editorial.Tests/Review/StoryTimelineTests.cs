using Bunit;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Review;

namespace Editorial.Tests.Review;

/// <summary>A story's history: every transition with who, when, from, to and note, oldest first, kept up to date live.</summary>
public sealed class StoryTimelineTests : ReviewComponentTest
{
    private const string Title = "Hội nghị tổng kết công tác dân vận năm 2016";

    public StoryTimelineTests()
    {
        SignIn(Person.Lan);
    }

    [Fact]
    public async Task Shows_each_transition_oldest_first_with_who_when_from_to_and_the_return_note()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(20));
        await Db.ActAsync(Person.Lan, id, WorkflowAction.RequestChanges, "Bổ sung số liệu\nvề kết quả năm 2016.");
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(40));
        await Db.ActAsync(Person.Khanh, id, WorkflowAction.Submit);
        Db.Stories.Clock.Advance(TimeSpan.FromHours(2));
        await Db.ActAsync(Person.Minh, id, WorkflowAction.Approve);

        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));

        timeline.WaitForAssertion(() => Assert.Equal(4, timeline.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Equal(
            [
                ["Gửi duyệt: Bản nháp → Chờ duyệt", "Trần Khánh", "20/04/2017 07:00", ""],
                ["Trả lại: Chờ duyệt → Trả lại (yêu cầu sửa)", "Nguyễn Thị Lan", "20/04/2017 07:20", "Bổ sung số liệu\nvề kết quả năm 2016."],
                ["Gửi duyệt: Trả lại (yêu cầu sửa) → Chờ duyệt", "Trần Khánh", "20/04/2017 08:00", ""],
                ["Duyệt: Chờ duyệt → Đã duyệt", "Lê Văn Minh", "20/04/2017 10:00", ""],
            ],
            Entries(timeline));
        Assert.Equal("Diễn biến", timeline.Find("h2").TextContent);
    }

    [Fact]
    public async Task Shows_the_reason_a_story_was_taken_down()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        await Db.ActAsync(Person.Lan, id, WorkflowAction.Approve);
        await Db.ActAsync(Person.Lan, id, WorkflowAction.PublishNow);
        await Db.ActAsync(Person.Lan, id, WorkflowAction.Unpublish, "Sai số liệu, chờ đính chính.");

        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));

        timeline.WaitForAssertion(() => Assert.Equal(4, timeline.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Equal(["Gỡ bài: Đã xuất bản → Đã gỡ", "Nguyễn Thị Lan", "20/04/2017 07:00", "Sai số liệu, chờ đính chính."], Entries(timeline)[3]);
    }

    [Fact]
    public async Task Comments_take_their_place_in_the_history_unless_left_out()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.IsType<Web.Features.Workflow.CommentResult.Added>(await Db.Timeline.AddCommentAsync(id, "Ảnh hội nghị hơi tối.", Person.Lan.Principal));
        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await Db.ActAsync(Person.Lan, id, WorkflowAction.Approve);

        var withComments = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));
        var withoutComments = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id).Add(t => t.IncludeComments, false));

        withComments.WaitForAssertion(() => Assert.Equal(3, withComments.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Equal(["Góp ý", "Nguyễn Thị Lan", "20/04/2017 07:05", ""], Entries(withComments)[1]);
        Assert.Contains("Ảnh hội nghị hơi tối.", withComments.FindAll("[data-testid=timeline-entry]")[1].TextContent, StringComparison.Ordinal);
        withoutComments.WaitForAssertion(() => Assert.Equal(2, withoutComments.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.DoesNotContain("Ảnh hội nghị", withoutComments.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_with_no_history_says_so()
    {
        var id = await Db.WriteAsync(Person.Khanh, Title);

        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));

        timeline.WaitForAssertion(() => Assert.Equal("Chưa có diễn biến nào.", timeline.Find("[data-testid=timeline-empty]").TextContent), Patience);
    }

    [Fact]
    public async Task A_transition_made_in_another_session_appears_without_a_reload()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));
        timeline.WaitForAssertion(() => Assert.Single(timeline.FindAll("[data-testid=timeline-entry]")), Patience);

        Db.Stories.Clock.Advance(TimeSpan.FromMinutes(15));
        await Db.ActAsync(Person.Minh, id, WorkflowAction.RequestChanges, "Thiếu chú thích ảnh.");

        timeline.WaitForAssertion(() => Assert.Equal(2, timeline.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.Equal(["Trả lại: Chờ duyệt → Trả lại (yêu cầu sửa)", "Lê Văn Minh", "20/04/2017 07:15", "Thiếu chú thích ảnh."], Entries(timeline)[1]);
    }

    [Fact]
    public async Task Changes_to_another_story_do_not_show_up()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, Title);
        var other = await Db.SubmitNewAsync(Person.Nga, "Bài khác");
        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));
        timeline.WaitForAssertion(() => Assert.Single(timeline.FindAll("[data-testid=timeline-entry]")), Patience);

        await Db.ActAsync(Person.Lan, other, WorkflowAction.Approve);
        await Db.ActAsync(Person.Lan, id, WorkflowAction.RequestChanges, "Viết lại sa-pô.");

        timeline.WaitForAssertion(() => Assert.Equal(2, timeline.FindAll("[data-testid=timeline-entry]").Count), Patience);
        Assert.DoesNotContain("Đã duyệt", timeline.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_does_not_see_the_history_of_someone_elses_story()
    {
        var id = await Db.SubmitNewAsync(Person.Nga, Title);
        SignIn(Person.Khanh);

        var timeline = RenderPage<StoryTimeline>(p => p.Add(t => t.ArticleId, id));

        timeline.WaitForAssertion(() => Assert.NotEmpty(timeline.FindAll("[data-testid=timeline-empty]")), Patience);
        Assert.Empty(timeline.FindAll("[data-testid=timeline-entry]"));
    }

    /// <summary>What happened, who, when, and the note of each entry.</summary>
    private static List<string[]> Entries(IRenderedComponent<StoryTimeline> timeline) =>
        timeline.FindAll("[data-testid=timeline-entry]")
            .Select(e => new[]
            {
                e.QuerySelector("[data-testid=timeline-what]")!.TextContent,
                e.QuerySelector("[data-testid=timeline-who]")!.TextContent,
                e.QuerySelector("[data-testid=timeline-when]")!.TextContent,
                e.QuerySelector("[data-testid=timeline-note]")?.TextContent ?? "",
            })
            .ToList();
}
