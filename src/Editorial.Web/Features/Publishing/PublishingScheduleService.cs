using Editorial.Core.Articles;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Publishing;

/// <summary>
/// One story on the publishing schedule. <see cref="AtUtc"/> is the time that places it: the scheduled time of
/// a scheduled story, the publication time of a published one, the approval time of one waiting for a time.
/// </summary>
/// <param name="IsOverdue">Still scheduled more than a minute after its time: the scheduler did not publish it.</param>
/// <param name="IsLate">Published by the scheduler after its time (the app was down); <paramref name="LateNote"/> says by how much.</param>
public sealed record ScheduleEntry(
    int Id,
    string Title,
    string Slug,
    string? Category,
    string AuthorName,
    ArticleState State,
    DateTimeOffset AtUtc,
    bool IsOverdue,
    bool IsLate,
    string? LateNote);

/// <summary>
/// What the editors' "Lịch xuất bản" shows: stories scheduled or published in a period, the approved ones
/// still waiting for a time, and the recently published. Read-only; changes go through the workflow service.
/// </summary>
public sealed class PublishingScheduleService(IDbContextFactory<EditorialDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>A scheduled story this long past its time should have been published already.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(1);

    private static readonly string PublishScheduledCode = WorkflowAudit.ActionCode(Core.Workflow.WorkflowAction.PublishScheduled);

    private static readonly string[] PublicationCodes =
    [
        WorkflowAudit.ActionCode(Core.Workflow.WorkflowAction.PublishNow),
        PublishScheduledCode,
        WorkflowAudit.ActionCode(Core.Workflow.WorkflowAction.Republish),
    ];

    private static readonly string ApprovedStateName = nameof(ArticleState.Approved);

    /// <summary>Scheduled stories whose time falls in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), soonest first.</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ScheduledBetweenAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ScheduledAsync(db, db.Articles.Where(a => a.ScheduledForUtc >= fromUtc && a.ScheduledForUtc < toUtc), cancellationToken);
    }

    /// <summary>Every scheduled story, soonest (and so the overdue ones) first.</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ScheduledAsync(db, db.Articles, cancellationToken);
    }

    /// <summary>Published stories whose publication time falls in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), newest first.</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> PublishedBetweenAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Published && a.PublishedAtUtc >= fromUtc && a.PublishedAtUtc < toUtc)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new Row(
                a.Id,
                a.Title,
                a.Slug,
                a.Category != null ? a.Category.Name : null,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault() ?? "",
                a.State,
                a.PublishedAtUtc!.Value,
                // Late only if the publication readers see now is the scheduler's late one, not an earlier one
                // since withdrawn and published again by hand.
                db.AuditEntries
                    .Where(e => e.ArticleId == a.Id && PublicationCodes.Contains(e.Action))
                    .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
                    .Select(e => e.Action == PublishScheduledCode ? e.Note : null)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToEntry(isOverdue: false)).ToList();
    }

    /// <summary>Published stories of the last <paramref name="days"/> days, newest first.</summary>
    public Task<IReadOnlyList<ScheduleEntry>> RecentlyPublishedAsync(int days = 7, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return PublishedBetweenAsync(now.AddDays(-days), DateTimeOffset.MaxValue, cancellationToken);
    }

    /// <summary>Approved stories nobody has given a time yet, the longest-waiting first (by when they were approved).</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ApprovedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Approved)
            .Select(a => new
            {
                Row = new Row(
                    a.Id,
                    a.Title,
                    a.Slug,
                    a.Category != null ? a.Category.Name : null,
                    db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault() ?? "",
                    a.State,
                    a.UpdatedAtUtc,
                    null),
                // Approved, or unscheduled back to approved: the last move into this state.
                ApprovedAtUtc = db.AuditEntries
                    .Where(e => e.ArticleId == a.Id && e.ToState == ApprovedStateName && e.FromState != ApprovedStateName)
                    .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
                    .Select(e => (DateTimeOffset?)e.AtUtc)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => r.Row with { AtUtc = r.ApprovedAtUtc ?? r.Row.AtUtc })
            .OrderBy(r => r.AtUtc).ThenBy(r => r.Id)
            .Select(r => r.ToEntry(isOverdue: false))
            .ToList();
    }

    private async Task<IReadOnlyList<ScheduleEntry>> ScheduledAsync(EditorialDbContext db, IQueryable<Article> articles, CancellationToken cancellationToken)
    {
        var rows = await articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Scheduled && a.ScheduledForUtc != null)
            .OrderBy(a => a.ScheduledForUtc).ThenBy(a => a.Id)
            .Select(a => new Row(
                a.Id,
                a.Title,
                a.Slug,
                a.Category != null ? a.Category.Name : null,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault() ?? "",
                a.State,
                a.ScheduledForUtc!.Value,
                null))
            .ToListAsync(cancellationToken);
        var overdueBefore = clock.GetUtcNow() - OverdueAfter;
        return rows.Select(r => r.ToEntry(isOverdue: r.AtUtc < overdueBefore)).ToList();
    }

    private sealed record Row(int Id, string Title, string Slug, string? Category, string AuthorName, ArticleState State, DateTimeOffset AtUtc, string? LateNote)
    {
        public ScheduleEntry ToEntry(bool isOverdue) =>
            new(Id, Title, Slug, Category, AuthorName, State, AtUtc, isOverdue, LateNote is not null, LateNote);
    }
}
