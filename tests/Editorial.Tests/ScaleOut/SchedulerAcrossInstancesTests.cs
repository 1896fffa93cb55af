using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.PostgreSql;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Publishing;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Editorial.Tests.ScaleOut;

/// <summary>
/// Three app instances, each with its own scheduler, on one PostgreSQL database; 1,000 stories due within the
/// same minute on the real clock. Every story is published exactly once (one publication in the audit trail,
/// one notification to its author), none is missed, none goes out early. The lag is printed, not asserted:
/// <c>dotnet test --filter SchedulerAcrossInstances --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SchedulerAcrossInstancesTests(ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int Stories = 1000;

    /// <summary>The first story is due this long after they are all scheduled; the rest spread over the next 50 s.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(50);

    [PostgresFact]
    public async Task A_thousand_stories_due_in_one_minute_are_each_published_exactly_once_by_three_instances()
    {
        await using var cluster = await AppCluster.StartAsync(Instances);
        var reporterId = AppCluster.IdOf(await cluster.PrincipalOfAsync("phongvien", Editorial.Core.Accounts.Roles.Reporter));

        // Whole milliseconds: PostgreSQL keeps microseconds, and the times are compared exactly below.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) + Lead;
        var due = await ScheduleAsync(cluster, reporterId, start);
        // Scheduled behind the workflow's back (one INSERT, not 3,000 transitions): tell the schedulers, as a
        // schedule made in the app does, that the schedule changed. One instance says it; all three hear it.
        cluster.Instances[1].Services.GetRequiredService<PublicationSignal>().SchedulesChanged();

        var publishedCode = WorkflowAudit.ActionCode(WorkflowAction.PublishScheduled);
        await TwoInstancesTests.Eventually(async () =>
        {
            await using var db = cluster.Database.CreateDbContext();
            return await db.Articles.CountAsync(a => a.State == ArticleState.Published && due.Keys.Contains(a.Id)) == Stories;
        }, "all published", within: Lead + Spread + TimeSpan.FromSeconds(90));

        // Whatever is still under way (a loser's "already handled") finishes before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var check = cluster.Database.CreateDbContext();
        var publications = await check.AuditEntries.AsNoTracking()
            .Where(e => e.Action == publishedCode && e.ArticleId != null && due.Keys.Contains(e.ArticleId!.Value))
            .Select(e => new { ArticleId = e.ArticleId!.Value, e.AtUtc })
            .ToListAsync();
        var notices = await check.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.Published && n.ArticleId != null && due.Keys.Contains(n.ArticleId!.Value))
            .GroupBy(n => n.ArticleId!.Value)
            .Select(g => new { ArticleId = g.Key, Count = g.Count() })
            .ToListAsync();
        var rows = await check.Articles.AsNoTracking()
            .Where(a => due.Keys.Contains(a.Id))
            .Select(a => new { a.Id, a.State, a.PublishedAtUtc })
            .ToListAsync();

        // Exactly once each, none missed, none early.
        Assert.All(rows, r => Assert.Equal((ArticleState.Published, (DateTimeOffset?)due[r.Id]), (r.State, r.PublishedAtUtc)));
        Assert.Equal(due.Keys.Order(), publications.Select(p => p.ArticleId).Order());
        Assert.All(publications, p => Assert.True(p.AtUtc >= due[p.ArticleId], $"Story {p.ArticleId} published {due[p.ArticleId] - p.AtUtc} early"));
        Assert.Equal(Stories, notices.Count);
        Assert.All(notices, n => Assert.Equal(1, n.Count));

        var lags = publications.Select(p => (p.AtUtc - due[p.ArticleId]).TotalMilliseconds).Order().ToArray();
        var byInstance = await PublishedByInstanceAsync(cluster);
        Assert.Equal(Stories, byInstance.Sum()); // each instance counts what it published: no story twice
        output.WriteLine(
            $"Scheduler lag, {Stories} stories due over {Spread.TotalSeconds:0} s, {Instances} instances on one PostgreSQL: " +
            $"p50 {Percentile(lags, 0.50):0} ms, p99 {Percentile(lags, 0.99):0} ms, max {lags[^1]:0} ms " +
            $"(published per instance: {string.Join(" / ", byInstance)})");
    }

    /// <summary>1,000 approved stories on the schedule, due one every 50 ms from <paramref name="start"/>.</summary>
    private static async Task<Dictionary<int, DateTimeOffset>> ScheduleAsync(AppCluster cluster, string reporterId, DateTimeOffset start)
    {
        await using var db = cluster.Database.CreateDbContext();
        var category = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = Guid.NewGuid().ToString("N")[..8];
        var articles = Enumerable.Range(0, Stories).Select(i => new Article
        {
            Title = $"Hội nghị giao ban tháng {i % 12 + 1} số {i}",
            TitleFolded = $"hoi nghi giao ban thang {i % 12 + 1} so {i}",
            Slug = $"hoi-nghi-giao-ban-{batch}-{i}",
            State = ArticleState.Scheduled,
            CategoryId = category,
            Lead = "CTTĐT – Sáng nay, UBND tỉnh tổ chức Hội nghị giao ban.",
            BodyHtml = "<p>Nội dung.</p>",
            Byline = "Trần Khánh",
            CreatedById = reporterId,
            CreatedAtUtc = now,
            UpdatedById = reporterId,
            UpdatedAtUtc = now,
            Version = 1,
            ScheduledForUtc = start + Spread * i / Stories,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        return articles.ToDictionary(a => a.Id, a => a.ScheduledForUtc!.Value);
    }

    /// <summary>How many each instance's scheduler published: the work is shared, not done three times.</summary>
    private static async Task<List<int>> PublishedByInstanceAsync(AppCluster cluster)
    {
        var counts = new List<int>();
        foreach (var instance in cluster.Instances)
        {
            counts.Add(instance.Services.GetRequiredService<PublicationScheduler>().TotalPublished);
        }

        return await Task.FromResult(counts);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
