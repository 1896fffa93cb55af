using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Publishing;

namespace Editorial.Tests.Publishing;

/// <summary>What "Lịch xuất bản" reads, over a real SQLite database at 07:00 on 20/04/2017 Vietnam time (00:00 UTC).</summary>
public sealed class PublishingScheduleServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = StoryDatabase.Start;

    private readonly StoryDatabase db;
    private readonly ScheduleStories stories;
    private readonly PublishingScheduleService schedule;

    public PublishingScheduleServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal PublishingScheduleServiceTests(StoryDatabase database)
    {
        db = database;
        stories = new ScheduleStories(db);
        schedule = new PublishingScheduleService(db, db.Clock);
    }

    public void Dispose() => db.Dispose();

    [Fact]
    public async Task Scheduled_stories_in_a_range_come_soonest_first_with_category_author_and_time()
    {
        var evening = await stories.ScheduledAsync("Khai mạc Lễ hội Chợ tình Khâu Vai", Start.AddHours(12), db.ProvinceNews);
        var morning = await stories.ScheduledAsync("Giá chè Shan tuyết tăng", Start.AddHours(2), db.EconomyNews);
        await stories.ScheduledAsync("Hội nghị tháng sau", Start.AddDays(40));
        await stories.ApprovedAsync("Chưa hẹn giờ");
        await stories.PublishedAsync("Đã xuất bản");

        var rows = await schedule.ScheduledBetweenAsync(Start, Start.AddDays(1));

        Assert.Equal([morning, evening], rows.Select(r => r.Id));
        var first = rows[0];
        Assert.Equal("Giá chè Shan tuyết tăng", first.Title);
        Assert.Equal("Tin kinh tế", first.Category);
        Assert.Equal("Trần Khánh", first.AuthorName);
        Assert.Equal(ArticleState.Scheduled, first.State);
        Assert.Equal(Start.AddHours(2), first.AtUtc);
        Assert.False(first.IsOverdue);
        Assert.False(first.IsLate);
        Assert.False(string.IsNullOrEmpty(first.Slug));
    }

    [Fact]
    public async Task A_scheduled_story_is_overdue_only_once_it_is_more_than_a_minute_past_its_time()
    {
        var id = await stories.ScheduledAsync("Tin hẹn giờ", Start.AddMinutes(10));

        db.Clock.SetUtcNow(Start.AddMinutes(11));
        Assert.False(Assert.Single(await schedule.UpcomingAsync()).IsOverdue);

        db.Clock.SetUtcNow(Start.AddMinutes(11).AddSeconds(1));
        var row = Assert.Single(await schedule.UpcomingAsync());
        Assert.Equal(id, row.Id);
        Assert.True(row.IsOverdue);
        Assert.True(Assert.Single(await schedule.ScheduledBetweenAsync(Start, Start.AddDays(1))).IsOverdue);
    }

    [Fact]
    public async Task Upcoming_lists_every_scheduled_story_overdue_ones_first()
    {
        var later = await stories.ScheduledAsync("Tuần sau", Start.AddDays(7));
        var soon = await stories.ScheduledAsync("Sắp tới", Start.AddMinutes(5));
        db.Clock.Advance(TimeSpan.FromHours(1)); // the scheduler was not running

        var rows = await schedule.UpcomingAsync();

        Assert.Equal([soon, later], rows.Select(r => r.Id));
        Assert.Equal([true, false], rows.Select(r => r.IsOverdue));
    }

    [Fact]
    public async Task Published_stories_are_placed_at_their_publication_time_and_late_ones_carry_the_delay()
    {
        var late = await stories.PublishedLateAsync("Xuất bản sau khi máy chủ khởi động lại", Start.AddMinutes(30), TimeSpan.FromHours(2), "2 giờ");
        var onTime = await stories.ScheduledAsync("Đúng giờ", Start.AddHours(3));
        db.Clock.SetUtcNow(Start.AddHours(3));
        Assert.IsType<Editorial.Web.Features.Workflow.TransitionResult.Done>(await db.Workflow.PublishScheduledAsync(onTime));
        var now = await stories.PublishedAsync("Xuất bản ngay");

        var rows = await schedule.PublishedBetweenAsync(Start, Start.AddDays(1));

        Assert.Equal([now, onTime, late], rows.Select(r => r.Id));
        var lateRow = rows.Single(r => r.Id == late);
        Assert.Equal(Start.AddMinutes(30), lateRow.AtUtc); // the intended time readers see, not when the job ran
        Assert.True(lateRow.IsLate);
        Assert.Equal("2 giờ", lateRow.LateNote);
        Assert.All(rows.Where(r => r.Id != late), r => Assert.False(r.IsLate));
        Assert.All(rows, r => Assert.False(r.IsOverdue));
    }

    [Fact]
    public async Task A_late_story_taken_down_and_published_again_by_hand_is_no_longer_late()
    {
        var id = await stories.PublishedLateAsync("Bài trễ", Start.AddMinutes(30), TimeSpan.FromHours(2), "2 giờ");
        await stories.ActAsync(Person.Lan, id, WorkflowAction.Unpublish, "Sai số liệu");
        Assert.Empty(await schedule.PublishedBetweenAsync(Start, Start.AddDays(1)));

        await stories.ActAsync(Person.Lan, id, WorkflowAction.Republish);

        Assert.False(Assert.Single(await schedule.PublishedBetweenAsync(Start, Start.AddDays(1))).IsLate);
    }

    [Fact]
    public async Task Approved_stories_waiting_for_a_time_come_longest_waiting_first_and_an_unscheduled_one_returns()
    {
        var first = await stories.ApprovedAsync("Duyệt trước");
        db.Clock.Advance(TimeSpan.FromMinutes(20));
        var scheduled = await stories.ScheduledAsync("Hẹn rồi hủy", Start.AddHours(5));
        db.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = await stories.ApprovedAsync("Duyệt sau", db.EconomyNews);
        await stories.PublishedAsync("Đã lên cổng");
        Assert.Equal([first, second], (await schedule.ApprovedAsync()).Select(r => r.Id));

        db.Clock.Advance(TimeSpan.FromMinutes(20));
        await stories.ActAsync(Person.Lan, scheduled, WorkflowAction.Unschedule);

        var rows = await schedule.ApprovedAsync();
        Assert.Equal([first, second, scheduled], rows.Select(r => r.Id));
        Assert.Equal([Start, Start.AddMinutes(40), Start.AddMinutes(60)], rows.Select(r => r.AtUtc));
        Assert.Equal("Tin kinh tế", rows[1].Category);
        Assert.All(rows, r => Assert.Equal(ArticleState.Approved, r.State));
    }

    [Fact]
    public async Task Recently_published_covers_the_last_seven_days_newest_first()
    {
        var old = await stories.PublishedAsync("Tuần trước nữa");
        db.Clock.Advance(TimeSpan.FromDays(5));
        var older = await stories.PublishedAsync("Năm ngày trước");
        db.Clock.Advance(TimeSpan.FromDays(3));
        var recent = await stories.PublishedAsync("Hôm nay");

        var rows = await schedule.RecentlyPublishedAsync(7);

        Assert.Equal([recent, older], rows.Select(r => r.Id));
        Assert.DoesNotContain(old, rows.Select(r => r.Id));
    }
}
