using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Publishing;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Editorial.Tests.Publishing;

/// <summary>The scheduler on a real SQLite file with a fake clock: on time, late after downtime, exactly once.</summary>
public sealed class PublicationSchedulerTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly PublicationSignal signal = new();
    private readonly ServiceProvider services;

    public PublicationSchedulerTests()
        : this(StoryDatabase.OnDisk())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal PublicationSchedulerTests(StoryDatabase database)
    {
        db = database;
        var collection = new ServiceCollection();
        collection.AddSingleton(signal);
        collection.AddScoped(_ => new StoryWorkflowService(
            db, db.Settings, db.Clock, db.Time, db.Events, [db.PublicListener], NullLogger<StoryWorkflowService>.Instance, signal));
        services = collection.BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        db.Dispose();
    }

    private StoryWorkflowService Workflow => services.GetRequiredService<StoryWorkflowService>();

    private PublicationScheduler NewScheduler() => new(
        services.GetRequiredService<IServiceScopeFactory>(), db, db.Clock, signal, VietnameseText(), NullLogger<PublicationScheduler>.Instance);

    private static IStringLocalizer<UiText> VietnameseText()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new StringLocalizer<UiText>(factory);
    }

    private async Task<int> ApprovedAsync(string title)
    {
        var id = (await db.CreateAsync(Person.Khanh, new ArticleContent
        {
            Title = title,
            Lead = "Sáng 20/4, UBND tỉnh tổ chức Hội nghị.",
            BodyHtml = "<p>Nội dung.</p>",
            Byline = "Thu Ngà",
            CategoryId = db.ProvinceNews,
        })).Id;
        Assert.IsType<TransitionResult.Done>(await Workflow.ExecuteAsync(id, WorkflowAction.Submit, Person.Khanh.Principal, new WorkflowInput()));
        Assert.IsType<TransitionResult.Done>(await Workflow.ExecuteAsync(id, WorkflowAction.Approve, Person.Lan.Principal, new WorkflowInput()));
        return id;
    }

    private async Task<int> ScheduledAsync(string title, DateTimeOffset at)
    {
        var id = await ApprovedAsync(title);
        Assert.IsType<TransitionResult.Done>(await Workflow.ExecuteAsync(id, WorkflowAction.Schedule, Person.Lan.Principal, new WorkflowInput(ScheduledForUtc: at)));
        return id;
    }

    private List<AuditEntry> Publications(int id)
    {
        using var context = db.CreateDbContext();
        return context.AuditEntries.AsNoTracking().Where(e => e.ArticleId == id && e.Action == "story.publish-scheduled").ToList();
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_running_scheduler_publishes_a_story_when_its_time_comes_and_not_before()
    {
        var scheduler = NewScheduler();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var at = db.Clock.GetUtcNow().AddMinutes(5);
            var id = await ScheduledAsync("Hội nghị giao ban tháng 5", at);

            // Woken by the schedule, it now sleeps until the story is due (its longest nap is 20 s).
            for (var i = 0; i < 14; i++)
            {
                db.Clock.Advance(TimeSpan.FromSeconds(20));
                await Task.Delay(15);
                Assert.Equal(ArticleState.Scheduled, db.Row(id).State);
            }

            db.Clock.Advance(at - db.Clock.GetUtcNow());
            await Eventually(() => db.Row(id).State == ArticleState.Published, "the story is published");

            var row = db.Row(id);
            Assert.Equal(at, row.PublishedAtUtc);
            Assert.Equal(at, db.Clock.GetUtcNow());
            Assert.Null(Assert.Single(Publications(id)).Note);
            Assert.Contains(id, db.PublicListener.Changed);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task After_downtime_the_first_pass_publishes_every_overdue_story_marks_it_late_and_tells_the_editors()
    {
        var first = await ScheduledAsync("Tin hẹn giờ 1", db.Clock.GetUtcNow().AddMinutes(10));
        var second = await ScheduledAsync("Tin hẹn giờ 2", db.Clock.GetUtcNow().AddMinutes(30));
        var future = await ScheduledAsync("Tin hẹn giờ ngày mai", db.Clock.GetUtcNow().AddDays(1));

        // The app was down from now until two hours later.
        db.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10));
        var pass = await NewScheduler().PublishDueAsync();

        Assert.Equal(2, pass.Published);
        Assert.Equal(TimeSpan.FromHours(2), pass.MaxLag);
        Assert.Equal(ArticleState.Scheduled, db.Row(future).State);
        foreach (var id in new[] { first, second })
        {
            var row = db.Row(id);
            Assert.Equal((ArticleState.Published, row.ScheduledForUtc), (row.State, row.PublishedAtUtc));
        }

        Assert.Equal("Xuất bản trễ 2 giờ so với giờ hẹn (hệ thống không chạy vào đúng giờ).", Assert.Single(Publications(first)).Note);
        Assert.Equal("Xuất bản trễ 1 giờ 40 phút so với giờ hẹn (hệ thống không chạy vào đúng giờ).", Assert.Single(Publications(second)).Note);

        using var context = db.CreateDbContext();
        var late = context.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.PublishedLate).ToList();
        Assert.Equal(
            [(Person.Minh.Id, first), (Person.Minh.Id, second), (Person.Lan.Id, first), (Person.Lan.Id, second)],
            late.Select(n => (n.RecipientId, n.ArticleId!.Value)).Order());
        Assert.Equal(2, context.Notifications.Count(n => n.RecipientId == Person.Khanh.Id && n.Kind == NotificationKinds.Published));
    }

    [Fact]
    public async Task Two_schedulers_on_one_database_publish_each_due_story_exactly_once_and_miss_none()
    {
        var at = db.Clock.GetUtcNow().AddMinutes(2);
        var ids = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await ScheduledAsync($"Tin cùng giờ số {i + 1}", at));
        }

        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var passes = await Task.WhenAll(
            Task.Run(() => NewScheduler().PublishDueAsync()),
            Task.Run(() => NewScheduler().PublishDueAsync()));

        Assert.Equal(40, passes.Sum(p => p.Published));
        Assert.Equal(40, passes.Sum(p => p.Published + p.AlreadyHandled) - passes.Sum(p => p.AlreadyHandled));
        foreach (var id in ids)
        {
            Assert.Equal(ArticleState.Published, db.Row(id).State);
            Assert.Single(Publications(id));
        }

        using var context = db.CreateDbContext();
        Assert.Equal(40, context.Notifications.Count(n => n.RecipientId == Person.Khanh.Id && n.Kind == NotificationKinds.Published));
    }

    [Fact]
    public async Task An_unscheduled_story_is_not_published()
    {
        var id = await ScheduledAsync("Tin bị hủy hẹn", db.Clock.GetUtcNow().AddMinutes(2));
        Assert.IsType<TransitionResult.Done>(await Workflow.ExecuteAsync(id, WorkflowAction.Unschedule, Person.Lan.Principal, new WorkflowInput()));

        db.Clock.Advance(TimeSpan.FromMinutes(3));
        var pass = await NewScheduler().PublishDueAsync();

        Assert.Equal(0, pass.Published);
        Assert.Equal(ArticleState.Approved, db.Row(id).State);
    }
}
