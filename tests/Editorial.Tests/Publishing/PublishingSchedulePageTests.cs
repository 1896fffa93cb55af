using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Form;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Editorial.Tests.Publishing;

/// <summary>
/// "Lịch xuất bản" as the editor Lan sees it, over the real workflow and a seeded SQLite database, at 07:00 on
/// 20/04/2017 Vietnam time (00:00 UTC).
/// </summary>
public sealed class PublishingSchedulePageTests : StoryPageTest
{
    private static readonly DateTimeOffset Start = StoryDatabase.Start;

    /// <summary>As the scheduler words it.</summary>
    private const string LateNote = "Xuất bản trễ 2 giờ so với giờ hẹn (hệ thống không chạy vào đúng giờ).";

    private readonly ScheduleStories stories;
    private IRenderedComponent<MudDialogProvider>? dialogs;

    public PublishingSchedulePageTests()
    {
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(new PublishingScheduleService(Database, Database.Clock));
        stories = new ScheduleStories(Database);
        SignIn(Person.Lan);
    }

    /// <summary>Where the page's dialogs render (the workstation layout has a dialog provider).</summary>
    private IRenderedComponent<MudDialogProvider> Dialogs => dialogs ?? throw new InvalidOperationException("Render the page first.");

    private IRenderedComponent<PublishingSchedule> RenderSchedule()
    {
        dialogs = Render<MudDialogProvider>();
        var page = RenderOnPage<PublishingSchedule>();
        page.WaitForAssertion(() => page.Find("[data-testid=schedule-calendar]"), Patience);
        return page;
    }

    [Fact]
    public async Task The_calendar_places_a_scheduled_story_on_its_Vietnam_time_day()
    {
        // 23:30 UTC on the 20th is 06:30 on the 21st in Vietnam.
        var id = await stories.ScheduledAsync("Khai mạc Lễ hội Chợ tình Khâu Vai", new DateTimeOffset(2017, 4, 20, 23, 30, 0, TimeSpan.Zero));

        var page = RenderSchedule();

        Assert.Equal("Tháng 4/2017", page.Find("[data-testid=schedule-period]").TextContent.Trim());
        var days = page.FindAll("[data-testid=schedule-day]");
        Assert.Equal("2017-03-27", days[0].GetAttribute("data-date")); // Monday-first: the week of 1 April starts on 27 March
        Assert.Equal(0, days.Count % 7);
        Assert.Empty(Day(page, "2017-04-20").QuerySelectorAll("[data-testid=schedule-item]"));
        var item = Assert.Single(Day(page, "2017-04-21").QuerySelectorAll("[data-testid=schedule-item]"));
        Assert.Equal(id.ToString(), item.GetAttribute("data-story-id"));
        Assert.Equal("scheduled", item.GetAttribute("data-kind"));
        Assert.Contains("06:30", item.TextContent);
        Assert.Contains("Khai mạc Lễ hội Chợ tình Khâu Vai", item.TextContent);
        Assert.Equal($"/editorial/review/{id}", item.GetAttribute("href"));
        Assert.Contains("is-today", Day(page, "2017-04-20").ClassName);

        // The week view shows the same story on the same day.
        Click(page, "[data-testid=schedule-view-week]");
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=schedule-day]").Count), Patience);
        Assert.Equal("2017-04-17", page.FindAll("[data-testid=schedule-day]")[0].GetAttribute("data-date"));
        Assert.Single(Day(page, "2017-04-21").QuerySelectorAll("[data-testid=schedule-item]"));
    }

    [Fact]
    public async Task Previous_next_and_today_move_the_month()
    {
        await stories.ScheduledAsync("Tháng năm", new DateTimeOffset(2017, 5, 3, 2, 0, 0, TimeSpan.Zero));
        var page = RenderSchedule();

        Click(page, "[data-testid=schedule-next]");
        page.WaitForAssertion(() => Assert.Equal("Tháng 5/2017", page.Find("[data-testid=schedule-period]").TextContent.Trim()), Patience);
        Assert.Single(Day(page, "2017-05-03").QuerySelectorAll("[data-testid=schedule-item]"));

        Click(page, "[data-testid=schedule-today]");
        page.WaitForAssertion(() => Assert.Equal("Tháng 4/2017", page.Find("[data-testid=schedule-period]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task An_overdue_story_is_highlighted_with_its_label_in_the_calendar_and_the_list()
    {
        var id = await stories.ScheduledAsync("Tin lẽ ra đã lên cổng", Start.AddMinutes(10));
        var fine = await stories.ScheduledAsync("Tin chiều nay", Start.AddHours(8));
        Database.Clock.Advance(TimeSpan.FromMinutes(15)); // the scheduler did not publish it

        var page = RenderSchedule();

        var item = page.FindAll("[data-testid=schedule-item]").Single(i => i.GetAttribute("data-story-id") == id.ToString());
        Assert.Equal("overdue", item.GetAttribute("data-flag"));
        Assert.Contains("is-overdue", item.ClassName);
        Assert.Equal("Quá giờ", item.QuerySelector("[data-testid=schedule-flag]")!.TextContent.Trim());
        Assert.Contains("07:10", item.TextContent);
        var other = page.FindAll("[data-testid=schedule-item]").Single(i => i.GetAttribute("data-story-id") == fine.ToString());
        Assert.Equal("none", other.GetAttribute("data-flag"));
        Assert.Null(other.QuerySelector("[data-testid=schedule-flag]"));

        var rows = Rows(page, "scheduled-list");
        Assert.Equal([id.ToString(), fine.ToString()], rows.Select(r => r.GetAttribute("data-story-id")));
        Assert.Equal("Quá giờ, chưa xuất bản", rows[0].QuerySelector("[data-testid=schedule-flag]")!.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector("[data-testid=schedule-flag]"));
    }

    [Fact]
    public async Task A_story_published_late_is_marked_with_the_delay()
    {
        var id = await stories.PublishedLateAsync("Bài xuất bản trễ", Start.AddMinutes(30), TimeSpan.FromHours(2), LateNote);

        var page = RenderSchedule();

        var item = Assert.Single(Day(page, "2017-04-20").QuerySelectorAll("[data-testid=schedule-item]"));
        Assert.Equal("published", item.GetAttribute("data-kind"));
        Assert.Equal("late", item.GetAttribute("data-flag"));
        Assert.Contains("07:30", item.TextContent);
        Assert.Equal("Trễ", item.QuerySelector("[data-testid=schedule-flag]")!.TextContent.Trim());
        var row = Assert.Single(Rows(page, "published-list"));
        Assert.Equal(id.ToString(), row.GetAttribute("data-story-id"));
        Assert.Equal("Xuất bản trễ", row.QuerySelector("[data-testid=schedule-flag]")!.TextContent.Trim());
        Assert.Equal(LateNote, row.QuerySelector("[data-testid=schedule-late-note]")!.TextContent.Trim());
        Assert.Contains(LateNote, item.GetAttribute("title"));
    }

    [Fact]
    public async Task Scheduling_from_the_approved_list_for_a_past_time_is_refused_in_Vietnamese_and_changes_nothing()
    {
        var id = await stories.ApprovedAsync("Tổng duyệt Lễ hội");
        var page = RenderSchedule();

        ClickAction(page, "approved-list", id, "Schedule");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#schedule-at"), Patience);
        Change(Dialogs, "#schedule-at", "2017-04-20T06:00"); // an hour ago, Vietnam time
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Dialogs.WaitForAssertion(
            () => Assert.Equal("Thời điểm hẹn giờ phải sau thời điểm hiện tại ít nhất 1 phút.", Dialogs.Find("[data-testid=schedule-dialog-error]").TextContent.Trim()),
            Patience);
        var row = Database.Row(id);
        Assert.Equal(ArticleState.Approved, row.State);
        Assert.Null(row.ScheduledForUtc);
        Assert.Single(Rows(page, "approved-list"));
        Assert.Empty(Rows(page, "scheduled-list"));
    }

    [Fact]
    public async Task Scheduling_from_the_approved_list_moves_the_story_to_the_schedule_in_Vietnam_time()
    {
        var id = await stories.ApprovedAsync("Tổng duyệt Lễ hội");
        var page = RenderSchedule();

        ClickAction(page, "approved-list", id, "Schedule");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#schedule-at"), Patience);
        Change(Dialogs, "#schedule-at", "2017-04-20T15:45:00"); // as the browser sends it, with seconds
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Snackbars.WaitForAssertion(() => Assert.Contains("Đã hẹn giờ xuất bản.", Snackbars.Markup), Patience);
        var row = Database.Row(id);
        Assert.Equal(ArticleState.Scheduled, row.State);
        Assert.Equal(new DateTimeOffset(2017, 4, 20, 8, 45, 0, TimeSpan.Zero), row.ScheduledForUtc);
        page.WaitForAssertion(() => Assert.Single(Rows(page, "scheduled-list")), Patience);
        Assert.Empty(Rows(page, "approved-list"));
        Assert.Contains("15:45", Day(page, "2017-04-20").QuerySelector("[data-testid=schedule-item]")!.TextContent);
    }

    [Fact]
    public async Task Changing_the_time_unschedules_and_schedules_again()
    {
        var id = await stories.ScheduledAsync("Đổi giờ", Start.AddHours(2));
        var page = RenderSchedule();

        ClickAction(page, "scheduled-list", id, "Reschedule");
        Dialogs.WaitForAssertion(() => Assert.Contains("20/04/2017 09:00", Dialogs.Markup), Patience);
        Change(Dialogs, "#schedule-at", "2017-04-22T08:15");
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Snackbars.WaitForAssertion(() => Assert.Contains("Đã đổi giờ xuất bản sang 22/04/2017 08:15.", Snackbars.Markup), Patience);
        var row = Database.Row(id);
        Assert.Equal(ArticleState.Scheduled, row.State);
        Assert.Equal(new DateTimeOffset(2017, 4, 22, 1, 15, 0, TimeSpan.Zero), row.ScheduledForUtc);
        page.WaitForAssertion(() => Assert.Single(Day(page, "2017-04-22").QuerySelectorAll("[data-testid=schedule-item]")), Patience);
    }

    [Fact]
    public async Task Changing_the_time_to_a_past_time_keeps_the_old_schedule()
    {
        var id = await stories.ScheduledAsync("Đổi giờ", Start.AddHours(2));
        var page = RenderSchedule();

        ClickAction(page, "scheduled-list", id, "Reschedule");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#schedule-at"), Patience);
        Change(Dialogs, "#schedule-at", "2017-04-19T08:15");
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Dialogs.WaitForAssertion(() => Assert.Contains("ít nhất 1 phút", Dialogs.Find("[data-testid=schedule-dialog-error]").TextContent), Patience);
        var row = Database.Row(id);
        Assert.Equal(ArticleState.Scheduled, row.State);
        Assert.Equal(Start.AddHours(2), row.ScheduledForUtc);
    }

    [Fact]
    public async Task Unpublishing_requires_a_reason()
    {
        var id = await stories.PublishedAsync("Bài cần gỡ");
        var page = RenderSchedule();
        var link = Assert.Single(Rows(page, "published-list")).QuerySelector("[data-testid=schedule-public-link]")!;
        Assert.StartsWith("/tin/", link.GetAttribute("href"));

        ClickAction(page, "published-list", id, "Unpublish");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#schedule-note"), Patience);
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Dialogs.WaitForAssertion(
            () => Assert.Equal("Cần ghi rõ lý do (ghi chú bắt buộc).", Dialogs.Find("[data-testid=schedule-dialog-error]").TextContent.Trim()),
            Patience);
        Assert.Equal(ArticleState.Published, Database.Row(id).State);

        Type(Dialogs, "schedule-note", "Số liệu chưa được kiểm chứng");
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Snackbars.WaitForAssertion(() => Assert.Contains("Đã gỡ bài khỏi cổng thông tin.", Snackbars.Markup), Patience);
        Assert.Equal(ArticleState.Unpublished, Database.Row(id).State);
        page.WaitForAssertion(() => Assert.Empty(Rows(page, "published-list")), Patience);
        using var db = Database.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.ArticleId == id && e.Action == "story.unpublish").SingleAsync();
        Assert.Equal("Số liệu chưa được kiểm chứng", audit.Note);
    }

    [Fact]
    public async Task A_story_someone_else_already_published_is_reported_not_published_twice()
    {
        var id = await stories.ApprovedAsync("Hai biên tập viên cùng bấm");
        var page = RenderSchedule();
        await stories.ActAsync(Person.Minh, id, WorkflowAction.PublishNow);

        ClickAction(page, "approved-list", id, "PublishNow");
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=schedule-confirm]"), Patience);
        Click(Dialogs, "[data-testid=schedule-confirm]");

        Snackbars.WaitForAssertion(() => Assert.Contains("Lê Văn Minh", Snackbars.Markup), Patience);
        using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ArticleId == id && e.Action == "story.publish-now"));
        page.WaitForAssertion(() => Assert.Single(Rows(page, "published-list")), Patience);
    }

    private static IElement Day(IRenderedComponent<PublishingSchedule> page, string date) =>
        page.Find($"[data-testid=schedule-day][data-date='{date}']");

    private static List<IElement> Rows(IRenderedComponent<PublishingSchedule> page, string list) =>
        page.FindAll($"[data-testid={list}] [data-testid=schedule-row]").ToList();

    private static void ClickAction(IRenderedComponent<PublishingSchedule> page, string list, int id, string action) =>
        Click(page, () => page.Find($"[data-testid={list}] [data-testid=schedule-row][data-story-id='{id}'] [data-testid=schedule-action-{action}]"));
}
