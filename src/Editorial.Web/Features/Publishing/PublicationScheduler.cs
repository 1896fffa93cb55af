using Editorial.Core.Articles;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Publishing;

/// <summary>One pass of the scheduler: how many stories it published, and how late the latest one was.</summary>
public sealed record SchedulerPass(int Published, int AlreadyHandled, TimeSpan? MaxLag);

/// <summary>
/// Publishes scheduled stories when their time comes. It sleeps until the next story is due (woken early
/// when a schedule changes here, and at least every <see cref="MaxSleep"/> to see schedules made on other
/// instances), so a story goes live within moments of its time rather than on a minute tick or a visitor's
/// request. Each publication is the workflow's conditional update, so two instances never publish one story
/// twice. After downtime the first pass publishes everything overdue and marks it late with the delay.
/// </summary>
public sealed class PublicationScheduler(
    IServiceScopeFactory scopes,
    IDbContextFactory<EditorialDbContext> contextFactory,
    TimeProvider clock,
    PublicationSignal signal,
    IStringLocalizer<UiText> text,
    ILogger<PublicationScheduler> logger) : BackgroundService
{
    /// <summary>The longest the scheduler sleeps without looking; schedules are always at least a minute ahead.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(20);

    /// <summary>A publication this much after its time was not on time: the app was down or overloaded.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryAfterError = TimeSpan.FromSeconds(5);

    private int totalPublished;

    /// <summary>Stories this instance's scheduler published since it started (with several instances, its share).</summary>
    public int TotalPublished => Volatile.Read(ref totalPublished);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
                var wait = await TimeUntilNextDueAsync(stoppingToken);
                await signal.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A locked or unreachable database must not stop publishing for good: try again shortly.
                logger.LogError(exception, "The publication scheduler failed; retrying in {Delay}", RetryAfterError);
                try
                {
                    await Task.Delay(RetryAfterError, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Publishes every scheduled story whose time has come, oldest first.</summary>
    public async Task<SchedulerPass> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(int Id, DateTimeOffset At)> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = (await db.Articles.AsNoTracking()
                    .Where(a => a.State == ArticleState.Scheduled && a.ScheduledForUtc <= now)
                    .OrderBy(a => a.ScheduledForUtc)
                    .Select(a => new { a.Id, a.ScheduledForUtc })
                    .ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.ScheduledForUtc!.Value))
                .ToList();
        }

        if (due.Count == 0)
        {
            return new SchedulerPass(0, 0, null);
        }

        var published = 0;
        var handled = 0;
        TimeSpan? maxLag = null;
        await using var scope = scopes.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<StoryWorkflowService>();
        foreach (var (id, at) in due)
        {
            var lag = clock.GetUtcNow() - at;
            var late = lag > LateAfter;
            var note = late ? text["Scheduler.LateNote", Describe(lag)].Value : null;
            var result = await workflow.PublishScheduledAsync(id, note, late, cancellationToken);
            if (result is TransitionResult.Done)
            {
                published++;
                maxLag = maxLag is { } m && m > lag ? m : lag;
                if (late)
                {
                    logger.LogWarning("Story {ArticleId} published {Lag} late (scheduled for {ScheduledFor:u})", id, lag, at);
                }
            }
            else
            {
                // Another instance got there first, or an editor unscheduled it meanwhile.
                handled++;
            }
        }

        Interlocked.Add(ref totalPublished, published);
        logger.LogInformation("Scheduler published {Published} stories (max lag {Lag}); {AlreadyHandled} were handled elsewhere", published, maxLag, handled);
        return new SchedulerPass(published, handled, maxLag);
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var next = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Scheduled && a.ScheduledForUtc != null)
            .OrderBy(a => a.ScheduledForUtc)
            .Select(a => a.ScheduledForUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is not { } at)
        {
            return MaxSleep;
        }

        var wait = at - clock.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxSleep ? wait : MaxSleep;
    }

    /// <summary>"2 giờ 5 phút", "45 giây": how late, in words the editors read.</summary>
    private string Describe(TimeSpan lag)
    {
        var parts = new List<string>();
        if (lag.Days > 0)
        {
            parts.Add(text["Scheduler.Days", lag.Days]);
        }

        if (lag.Hours > 0)
        {
            parts.Add(text["Scheduler.Hours", lag.Hours]);
        }

        if (lag.Minutes > 0)
        {
            parts.Add(text["Scheduler.Minutes", lag.Minutes]);
        }

        if (parts.Count == 0 || (lag.Days == 0 && lag.Hours == 0))
        {
            parts.Add(text["Scheduler.Seconds", lag.Seconds]);
        }

        return string.Join(" ", parts);
    }
}
