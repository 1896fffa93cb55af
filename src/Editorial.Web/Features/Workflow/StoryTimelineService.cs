using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Core.Workflow;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Workflow;

/// <summary>One line of a story's timeline: a transition (with from, to and note) or a comment.</summary>
public sealed record TimelineEntry(
    DateTimeOffset AtUtc,
    string ActorName,
    WorkflowAction? Action,
    ArticleState? From,
    ArticleState? To,
    string? Note,
    string? Comment)
{
    public bool IsComment => Comment is not null;
}

public abstract record CommentResult
{
    public sealed record Added(TimelineEntry Entry) : CommentResult;

    public sealed record Invalid(string Code) : CommentResult;

    public sealed record NotAllowed : CommentResult;
}

/// <summary>
/// A story's comment thread and its timeline of transitions. Both are for the story's author and the
/// editors only: a reporter reading someone else's published story does not see the newsroom's talk.
/// </summary>
public sealed class StoryTimelineService(
    IDbContextFactory<EditorialDbContext> contextFactory,
    TimeProvider clock,
    WorkstationEvents events)
{
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayDiscussAsync(db, articleId, user, cancellationToken))
        {
            return [];
        }

        var codes = WorkflowAudit.TransitionCodes.ToList();
        var transitions = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ArticleId == articleId && codes.Contains(e.Action))
            .Select(e => new
            {
                e.Id,
                e.AtUtc,
                e.Action,
                e.FromState,
                e.ToState,
                e.Note,
                e.UserName,
                FullName = db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var comments = await db.StoryComments.AsNoTracking()
            .Where(c => c.ArticleId == articleId)
            .Select(c => new
            {
                c.Id,
                c.AtUtc,
                c.Body,
                Name = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.FullName).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancellationToken);

        return transitions
            .Select(t => new TimelineEntry(
                t.AtUtc,
                string.IsNullOrEmpty(t.FullName) ? t.UserName : t.FullName,
                WorkflowAudit.ActionOf(t.Action),
                Enum.TryParse<ArticleState>(t.FromState, out var from) ? from : null,
                Enum.TryParse<ArticleState>(t.ToState, out var to) ? to : null,
                t.Note,
                null))
            .Concat(comments.Select(c => new TimelineEntry(c.AtUtc, c.Name, null, null, null, null, c.Body)))
            .OrderBy(e => e.AtUtc)
            .ToList();
    }

    public async Task<CommentResult> AddCommentAsync(int articleId, string text, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var body = VietnameseText.Normalize(text ?? "").Trim();
        if (body.Length == 0)
        {
            return new CommentResult.Invalid("required");
        }

        if (body.Length > StoryCommentLimits.BodyMaxLength)
        {
            return new CommentResult.Invalid("too-long");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayDiscussAsync(db, articleId, user, cancellationToken))
        {
            return new CommentResult.NotAllowed();
        }

        var userId = AccountIdentity.IdOf(user);
        var now = clock.GetUtcNow();
        db.StoryComments.Add(new StoryComment { ArticleId = articleId, AuthorId = userId, Body = body, AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? user.Identity?.Name ?? "";
        await events.StoryChangedAsync(new StoryChange(articleId, WorkstationEvents.StoryChangeKinds.Commented, userId, name, now));
        return new CommentResult.Added(new TimelineEntry(now, name, null, null, null, null, body));
    }

    private static async Task<bool> MayDiscussAsync(EditorialDbContext db, int articleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var roles = Roles.Of(user);
        if (Policies.IsGranted(Policies.Review, roles))
        {
            return await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken);
        }

        var userId = AccountIdentity.IdOf(user);
        return Policies.IsGranted(Policies.Write, roles)
            && await db.Articles.AnyAsync(a => a.Id == articleId && a.CreatedById == userId, cancellationToken);
    }
}
