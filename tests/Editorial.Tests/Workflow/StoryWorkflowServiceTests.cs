using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Workflow;

/// <summary>The workflow service over a real SQLite database: transitions, checklist, audit, notifications.</summary>
public sealed class StoryWorkflowServiceTests : IDisposable
{
    private readonly StoryDatabase db;

    public StoryWorkflowServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal StoryWorkflowServiceTests(StoryDatabase database) => db = database;

    public void Dispose() => db.Dispose();

    private ArticleContent Complete() => new()
    {
        Title = "Tổng duyệt Lễ hội Chợ tình Khâu Vai",
        Lead = "Chiều 19/4, tại xã Khâu Vai, huyện Mèo Vạc đã diễn ra buổi tổng duyệt Lễ hội.",
        BodyHtml = "<p>Lễ hội Chợ tình Khâu Vai năm nay diễn ra trong hai ngày.</p>",
        Byline = "Thu Ngà",
        CategoryId = db.ProvinceNews,
    };

    private async Task<int> DraftAsync(Person author, ArticleContent? content = null) => (await db.CreateAsync(author, content ?? Complete())).Id;

    private Task<TransitionResult> Act(Person who, int id, WorkflowAction action, string? note = null, DateTimeOffset? at = null, ArticleState? expected = null, bool accept = false) =>
        db.Workflow.ExecuteAsync(id, action, who.Principal, new WorkflowInput(note, at, expected, accept), "10.0.0.7");

    private async Task<int> InReviewAsync(Person author)
    {
        var id = await DraftAsync(author);
        Assert.IsType<TransitionResult.Done>(await Act(author, id, WorkflowAction.Submit));
        return id;
    }

    private List<Editorial.Web.Infrastructure.Data.AuditEntry> Audit(int id)
    {
        using var context = db.CreateDbContext();
        return context.AuditEntries.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).ToList();
    }

    private List<Editorial.Web.Infrastructure.Data.Notification> NotificationsOf(Person person)
    {
        using var context = db.CreateDbContext();
        return context.Notifications.AsNoTracking().Where(n => n.RecipientId == person.Id).OrderBy(n => n.Id).ToList();
    }

    [Fact]
    public async Task Submitting_moves_the_story_to_review_records_when_and_tells_every_editor_but_not_the_author()
    {
        var id = await DraftAsync(Person.Khanh);
        db.Clock.Advance(TimeSpan.FromMinutes(5));

        var done = Assert.IsType<TransitionResult.Done>(await Act(Person.Khanh, id, WorkflowAction.Submit));

        Assert.Equal((ArticleState.Draft, ArticleState.InReview), (done.From, done.To));
        var row = db.Row(id);
        Assert.Equal(ArticleState.InReview, row.State);
        Assert.Equal(db.Clock.GetUtcNow(), row.SubmittedAtUtc);
        var entry = Assert.Single(Audit(id));
        Assert.Equal(("story.submit", "Draft", "InReview", Person.Khanh.Id, "10.0.0.7"), (entry.Action, entry.FromState, entry.ToState, entry.UserId, entry.ClientAddress));
        Assert.Equal(NotificationKinds.Submitted, Assert.Single(NotificationsOf(Person.Lan)).Kind);
        Assert.Single(NotificationsOf(Person.Minh));
        Assert.Empty(NotificationsOf(Person.Khanh));
        Assert.Empty(NotificationsOf(Person.Nga));
    }

    [Fact]
    public async Task A_story_without_a_category_is_not_sent_and_the_attempt_is_kept()
    {
        var id = await DraftAsync(Person.Khanh, Complete() with { CategoryId = null });

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, id, WorkflowAction.Submit));

        Assert.Equal(WorkflowRefusal.ChecklistBlocked, refused.Reason);
        Assert.Equal([ChecklistItem.Category], refused.Checklist.Where(c => !c.Passed).Select(c => c.Item));
        Assert.Equal(ArticleState.Draft, db.Row(id).State);
        var entry = Assert.Single(Audit(id));
        Assert.Equal(("story.refused", "ChecklistBlocked", "story.submit"), (entry.Action, entry.Note, entry.Details));
    }

    [Fact]
    public async Task A_missing_byline_is_only_a_warning_the_writer_confirms()
    {
        var id = await DraftAsync(Person.Khanh, Complete() with { Byline = "" });

        var ask = Assert.IsType<TransitionResult.NeedsConfirmation>(await Act(Person.Khanh, id, WorkflowAction.Submit));
        Assert.Equal(ChecklistItem.Byline, Assert.Single(ask.Checklist, c => !c.Passed).Item);
        Assert.Equal(ArticleState.Draft, db.Row(id).State);

        Assert.IsType<TransitionResult.Done>(await Act(Person.Khanh, id, WorkflowAction.Submit, accept: true));
        Assert.Equal(ArticleState.InReview, db.Row(id).State);
    }

    [Fact]
    public async Task Configuration_can_make_the_byline_a_blocker()
    {
        db.Settings.Options.Workflow.Checklist["Byline"] = "Blocker";
        var id = await DraftAsync(Person.Khanh, Complete() with { Byline = "" });

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, id, WorkflowAction.Submit, accept: true));
        Assert.Equal(WorkflowRefusal.ChecklistBlocked, refused.Reason);
    }

    [Fact]
    public async Task A_meeting_report_needs_a_captioned_image_in_the_body_or_as_featured_image()
    {
        var meeting = Complete() with { Kind = ArticleKind.MeetingReport };
        var bare = await DraftAsync(Person.Khanh, meeting);
        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, bare, WorkflowAction.Submit));
        Assert.Equal(ChecklistItem.MeetingImage, Assert.Single(refused.Checklist, c => !c.Passed).Item);

        var uncaptioned = await DraftAsync(Person.Khanh, meeting with
        {
            Title = "Hội nghị không chú thích",
            BodyHtml = "<figure class=\"image\"><img src=\"/media/2017/04/a.jpg\" alt=\"\"><figcaption> </figcaption></figure>",
        });
        Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, uncaptioned, WorkflowAction.Submit));

        var captioned = await DraftAsync(Person.Khanh, meeting with
        {
            Title = "Hội nghị có ảnh",
            BodyHtml = "<p>Nội dung</p><figure class=\"image\"><img src=\"/media/2017/04/a.jpg\" alt=\"\"><figcaption>Toàn cảnh Hội nghị</figcaption></figure>",
        });
        Assert.IsType<TransitionResult.Done>(await Act(Person.Khanh, captioned, WorkflowAction.Submit));
    }

    [Fact]
    public async Task Returning_needs_a_note_which_the_author_then_sees_at_the_top_of_the_story()
    {
        var id = await InReviewAsync(Person.Khanh);

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.RequestChanges, note: "  "));
        Assert.Equal(WorkflowRefusal.NoteRequired, refused.Reason);

        db.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.RequestChanges, note: "Bổ sung ảnh Toàn cảnh Hội nghị"));

        var status = await db.Workflow.GetStatusAsync(id, Person.Khanh.Principal);
        Assert.NotNull(status);
        Assert.Equal(ArticleState.ChangesRequested, status.State);
        Assert.Equal(("Bổ sung ảnh Toàn cảnh Hội nghị", "Nguyễn Thị Lan", db.Clock.GetUtcNow()), (status.ReturnNote!.Note, status.ReturnNote.ByName, status.ReturnNote.AtUtc));
        Assert.Equal([WorkflowAction.Submit], status.AvailableActions);
        var returned = Assert.Single(NotificationsOf(Person.Khanh));
        Assert.Equal((NotificationKinds.Returned, "Bổ sung ảnh Toàn cảnh Hội nghị", "Nguyễn Thị Lan"), (returned.Kind, returned.Note, returned.ActorName));
    }

    [Fact]
    public async Task An_editor_cannot_approve_their_own_story_unless_four_eyes_is_off()
    {
        var id = await InReviewAsync(Person.Lan);

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.Approve));
        Assert.Equal(WorkflowRefusal.OwnStory, refused.Reason);
        Assert.DoesNotContain(WorkflowAction.Approve, (await db.Workflow.GetStatusAsync(id, Person.Lan.Principal))!.AvailableActions);

        db.Settings.Options.Workflow.FourEyes = false;
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Approve));
    }

    [Fact]
    public async Task A_reporter_asking_to_approve_is_refused_and_the_attempt_is_audited_with_their_address()
    {
        var id = await InReviewAsync(Person.Khanh);

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, id, WorkflowAction.Approve));

        Assert.Equal(WorkflowRefusal.NotEditor, refused.Reason);
        Assert.Equal(ArticleState.InReview, db.Row(id).State);
        var entry = Audit(id).Last();
        Assert.Equal(("story.refused", "NotEditor", "story.approve", "InReview", "InReview", "10.0.0.7"),
            (entry.Action, entry.Note, entry.Details, entry.FromState, entry.ToState, entry.ClientAddress));
    }

    [Fact]
    public async Task Another_reporters_draft_is_not_found_and_nothing_about_it_is_revealed()
    {
        var id = await DraftAsync(Person.Khanh);

        Assert.IsType<TransitionResult.NotFound>(await Act(Person.Nga, id, WorkflowAction.Submit));
        Assert.Null(await db.Workflow.GetStatusAsync(id, Person.Nga.Principal));
        Assert.Equal(ArticleState.Draft, db.Row(id).State);
        Assert.Equal("NotVisible", Audit(id).Single().Note);
    }

    [Fact]
    public async Task Acting_on_a_state_the_person_no_longer_sees_is_already_handled_not_applied()
    {
        var id = await InReviewAsync(Person.Khanh);
        db.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.IsType<TransitionResult.Done>(await Act(Person.Minh, id, WorkflowAction.Approve, expected: ArticleState.InReview));

        var late = Assert.IsType<TransitionResult.AlreadyHandled>(await Act(Person.Lan, id, WorkflowAction.RequestChanges, note: "Sửa tít", expected: ArticleState.InReview));

        Assert.Equal((ArticleState.Approved, "Lê Văn Minh", db.Clock.GetUtcNow()), (late.Current, late.ByName, late.AtUtc));
        Assert.Equal(ArticleState.Approved, db.Row(id).State);
        Assert.DoesNotContain(Audit(id), e => e.Action == "story.request-changes" || e.Action == "story.refused");
    }

    [Fact]
    public async Task A_reporter_approving_a_story_that_moved_on_is_refused_not_told_it_was_handled()
    {
        var id = await InReviewAsync(Person.Khanh);
        await Act(Person.Lan, id, WorkflowAction.Approve);

        var refused = Assert.IsType<TransitionResult.Refused>(await Act(Person.Khanh, id, WorkflowAction.Approve, expected: ArticleState.InReview));

        Assert.Equal(WorkflowRefusal.NotEditor, refused.Reason);
        Assert.Equal(("story.refused", "NotEditor"), (Audit(id).Last().Action, Audit(id).Last().Note));
    }

    [Fact]
    public async Task Withdrawing_takes_a_waiting_story_back_to_draft_and_only_its_author_may()
    {
        var id = await InReviewAsync(Person.Khanh);

        Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.Withdraw));
        Assert.IsType<TransitionResult.Done>(await Act(Person.Khanh, id, WorkflowAction.Withdraw));
        Assert.Equal(ArticleState.Draft, db.Row(id).State);
    }

    [Fact]
    public async Task Publishing_unpublishing_and_republishing_tell_the_public_pages_and_keep_the_first_publication_time()
    {
        var id = await InReviewAsync(Person.Khanh);
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Approve));
        Assert.Empty(db.PublicListener.Changed);

        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.PublishNow));
        var publishedAt = db.Clock.GetUtcNow();
        Assert.Equal(publishedAt, db.Row(id).PublishedAtUtc);

        db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(WorkflowRefusal.NoteRequired, Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.Unpublish)).Reason);
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Unpublish, note: "Sai số liệu"));
        db.Clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Republish));

        Assert.Equal([id, id, id], db.PublicListener.Changed);
        Assert.Equal((ArticleState.Published, publishedAt), (db.Row(id).State, db.Row(id).PublishedAtUtc));
        Assert.Equal(
            [NotificationKinds.Approved, NotificationKinds.Published, NotificationKinds.Unpublished, NotificationKinds.Published],
            NotificationsOf(Person.Khanh).Select(n => n.Kind));
    }

    [Fact]
    public async Task Scheduling_needs_a_time_a_minute_ahead_and_the_scheduler_publishes_at_that_time_not_when_it_ran()
    {
        var id = await InReviewAsync(Person.Khanh);
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Approve));

        var past = Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.Schedule, at: db.Clock.GetUtcNow().AddSeconds(30)));
        Assert.Equal(WorkflowRefusal.TimeNotInFuture, past.Reason);

        var at = db.Clock.GetUtcNow().AddHours(1);
        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Schedule, at: at));
        Assert.Equal((ArticleState.Scheduled, at), (db.Row(id).State, db.Row(id).ScheduledForUtc));

        Assert.Equal(WorkflowRefusal.NotDue, Assert.IsType<TransitionResult.Refused>(await db.Workflow.PublishScheduledAsync(id)).Reason);
        Assert.Equal(WorkflowRefusal.SchedulerOnly, Assert.IsType<TransitionResult.Refused>(await Act(Person.Lan, id, WorkflowAction.PublishScheduled)).Reason);

        db.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(3));
        Assert.IsType<TransitionResult.Done>(await db.Workflow.PublishScheduledAsync(id));
        Assert.IsType<TransitionResult.AlreadyHandled>(await db.Workflow.PublishScheduledAsync(id));

        var row = db.Row(id);
        Assert.Equal((ArticleState.Published, at), (row.State, row.PublishedAtUtc));
        Assert.Single(Audit(id), e => e.Action == "story.publish-scheduled");
    }

    [Fact]
    public async Task Unscheduling_returns_the_story_to_approved_and_forgets_the_time()
    {
        var id = await InReviewAsync(Person.Khanh);
        await Act(Person.Lan, id, WorkflowAction.Approve);
        await Act(Person.Lan, id, WorkflowAction.Schedule, at: db.Clock.GetUtcNow().AddDays(1));

        Assert.IsType<TransitionResult.Done>(await Act(Person.Lan, id, WorkflowAction.Unschedule));

        Assert.Equal((ArticleState.Approved, (DateTimeOffset?)null), (db.Row(id).State, db.Row(id).ScheduledForUtc));
    }

    [Fact]
    public async Task The_timeline_lists_transitions_and_comments_in_order_for_the_author_and_editors_only()
    {
        var id = await InReviewAsync(Person.Khanh);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<CommentResult.Added>(await db.Timeline.AddCommentAsync(id, "Ảnh hơi tối, anh xem lại.", Person.Lan.Principal));
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await Act(Person.Lan, id, WorkflowAction.RequestChanges, note: "Thay ảnh");

        var timeline = await db.Timeline.TimelineAsync(id, Person.Khanh.Principal);

        Assert.Equal(3, timeline.Count);
        Assert.Equal((WorkflowAction.Submit, ArticleState.Draft, ArticleState.InReview, "Trần Khánh"), (timeline[0].Action!.Value, timeline[0].From!.Value, timeline[0].To!.Value, timeline[0].ActorName));
        Assert.Equal(("Ảnh hơi tối, anh xem lại.", "Nguyễn Thị Lan"), (timeline[1].Comment, timeline[1].ActorName));
        Assert.Equal((WorkflowAction.RequestChanges, "Thay ảnh"), (timeline[2].Action!.Value, timeline[2].Note));
        Assert.Empty(await db.Timeline.TimelineAsync(id, Person.Nga.Principal));
        Assert.IsType<CommentResult.NotAllowed>(await db.Timeline.AddCommentAsync(id, "Xin chào", Person.Nga.Principal));
        Assert.Equal("required", Assert.IsType<CommentResult.Invalid>(await db.Timeline.AddCommentAsync(id, " \n ", Person.Khanh.Principal)).Code);
        Assert.Equal("too-long", Assert.IsType<CommentResult.Invalid>(await db.Timeline.AddCommentAsync(id, new string('a', 4001), Person.Khanh.Principal)).Code);
    }

    [Fact]
    public async Task Open_sessions_hear_about_a_transition_and_the_recipient_about_their_notification()
    {
        var id = await InReviewAsync(Person.Khanh);
        var heardChanges = new List<StoryChange>();
        var heardNotifications = new List<NotificationView>();
        using var story = db.Events.SubscribeStory(id, change => { heardChanges.Add(change); return Task.CompletedTask; });
        using var inbox = db.Events.SubscribeNotifications(Person.Khanh.Id, n => { heardNotifications.Add(n); return Task.CompletedTask; });

        await Act(Person.Lan, id, WorkflowAction.RequestChanges, note: "Sửa tít");

        Assert.Equal(WorkstationEvents.StoryChangeKinds.StateChanged, Assert.Single(heardChanges).Kind);
        var heard = Assert.Single(heardNotifications);
        Assert.Equal((NotificationKinds.Returned, id, false), (heard.Kind, heard.ArticleId, heard.IsRead));
    }
}
