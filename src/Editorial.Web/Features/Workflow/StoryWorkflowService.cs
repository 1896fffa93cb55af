using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Configuration;
using Editorial.Core.Text;
using Editorial.Core.Time;
using Editorial.Core.Workflow;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Workflow;

/// <summary>What the person supplies with an action.</summary>
/// <param name="ExpectedState">The state the person saw; if the story moved on meanwhile, nothing happens.</param>
/// <param name="AcceptWarnings">The writer saw the checklist's warnings and sends anyway.</param>
public sealed record WorkflowInput(
    string? Note = null,
    DateTimeOffset? ScheduledForUtc = null,
    ArticleState? ExpectedState = null,
    bool AcceptWarnings = false,
    bool Late = false);

public abstract record TransitionResult
{
    public sealed record Done(int ArticleId, WorkflowAction Action, ArticleState From, ArticleState To, DateTimeOffset AtUtc) : TransitionResult;

    /// <summary>Not allowed; the reason is shown in Vietnamese and the attempt is in the audit trail.</summary>
    public sealed record Refused(WorkflowRefusal Reason, IReadOnlyList<ChecklistResult> Checklist) : TransitionResult;

    /// <summary>Only warnings stand in the way: ask the writer, then call again with AcceptWarnings.</summary>
    public sealed record NeedsConfirmation(IReadOnlyList<ChecklistResult> Checklist) : TransitionResult;

    /// <summary>Someone else acted first (two editors approving at once): the story is already past this.</summary>
    public sealed record AlreadyHandled(ArticleState Current, string? ByName, DateTimeOffset? AtUtc) : TransitionResult;

    public sealed record NotFound : TransitionResult;
}

/// <summary>The last return note, shown at the top of the story while it waits for the writer's fixes.</summary>
public sealed record ReturnNote(string Note, string ByName, DateTimeOffset AtUtc);

/// <summary>A story's place in the workflow as one person sees it: what they may do next.</summary>
public sealed record StoryWorkflowStatus(
    int ArticleId,
    string Title,
    ArticleState State,
    bool IsAuthor,
    IReadOnlyList<WorkflowAction> AvailableActions,
    ReturnNote? ReturnNote,
    DateTimeOffset? ScheduledForUtc,
    DateTimeOffset? PublishedAtUtc,
    IReadOnlyList<ChecklistResult> Checklist,
    bool MaySeeDiscussion);

/// <summary>
/// The one place a story's state changes. Asks <see cref="WorkflowRules"/>, runs the submission checklist,
/// applies the change as a single conditional update (still in the state the rule was checked against),
/// writes the audit entry and the notifications in the same transaction, then tells open sessions.
/// </summary>
public sealed class StoryWorkflowService(
    IDbContextFactory<EditorialDbContext> contextFactory,
    EditorialSettings settings,
    TimeProvider clock,
    PortalTime portalTime,
    WorkstationEvents events,
    IEnumerable<IPublicStoryListener> publicListeners,
    ILogger<StoryWorkflowService> logger,
    Publishing.PublicationSignal? publicationSignal = null)
{
    private WorkflowOptions Options => settings.Options.Workflow;

    public Task<TransitionResult> ExecuteAsync(
        int articleId, WorkflowAction action, ClaimsPrincipal user, WorkflowInput input, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        var actor = new WorkflowActor(AccountIdentity.IdOf(user), Roles.Of(user));
        return ExecuteCoreAsync(articleId, action, actor, user.Identity?.Name ?? "", input, clientAddress, cancellationToken);
    }

    /// <summary>The scheduler's path: publish a scheduled story whose time has come, exactly once.</summary>
    /// <param name="late">After downtime: the note says by how much, and the editors are told.</param>
    public Task<TransitionResult> PublishScheduledAsync(int articleId, string? note = null, bool late = false, CancellationToken cancellationToken = default) =>
        ExecuteCoreAsync(
            articleId, WorkflowAction.PublishScheduled, WorkflowActor.Scheduler, SchedulerName,
            new WorkflowInput(Note: note, ExpectedState: ArticleState.Scheduled, Late: late), null, cancellationToken);

    public const string SchedulerName = "scheduler";

    public async Task<StoryWorkflowStatus?> GetStatusAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = new WorkflowActor(AccountIdentity.IdOf(user), Roles.Of(user));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || !ArticlePermissions.CanView(actor.UserId, actor.Roles, article.CreatedById, article.State))
        {
            return null;
        }

        var isAuthor = article.CreatedById == actor.UserId;
        ReturnNote? returnNote = null;
        if (article.State == ArticleState.ChangesRequested)
        {
            var code = WorkflowAudit.ActionCode(WorkflowAction.RequestChanges);
            returnNote = await db.AuditEntries.AsNoTracking()
                .Where(e => e.ArticleId == articleId && e.Action == code)
                .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
                .Select(e => new ReturnNote(e.Note ?? "", db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault() ?? e.UserName, e.AtUtc))
                .FirstOrDefaultAsync(cancellationToken);
        }

        var available = WorkflowRules.Available(article.State, actor, isAuthor, Options.FourEyes);
        var checklist = available.Contains(WorkflowAction.Submit)
            ? SubmissionChecklist.Check(ContentOf(article), Options.ChecklistSeverities())
            : [];
        return new StoryWorkflowStatus(
            article.Id, article.Title, article.State, isAuthor, available, returnNote,
            article.ScheduledForUtc, article.PublishedAtUtc, checklist, isAuthor || actor.IsEditor);
    }

    private async Task<TransitionResult> ExecuteCoreAsync(
        int articleId, WorkflowAction action, WorkflowActor actor, string actorUserName, WorkflowInput input, string? clientAddress, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : VietnameseText.Normalize(input.Note).Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        var now = clock.GetUtcNow();

        if (article is null || (!actor.IsScheduler && !ArticlePermissions.CanView(actor.UserId, actor.Roles, article.CreatedById, article.State)))
        {
            // Someone asking about a story they may not see learns nothing about it, but the attempt is kept.
            if (article is not null)
            {
                await RecordRefusalAsync(db, article, action, "NotVisible", actor, actorUserName, clientAddress, now, cancellationToken);
            }

            return new TransitionResult.NotFound();
        }

        var isAuthor = !actor.IsScheduler && article.CreatedById == actor.UserId;
        WorkflowRequest RequestIn(ArticleState state) => new(
            action, state, actor, isAuthor, now, note,
            action == WorkflowAction.PublishScheduled ? article.ScheduledForUtc : input.ScheduledForUtc,
            Options.FourEyes);

        // The story moved on since the person looked. If they could have done this in the state they saw, they
        // lost a race (two editors approving at once) and are told; if not, it is a refusal like any other.
        if (input.ExpectedState is { } expected && expected != article.State)
        {
            var inExpected = WorkflowRules.Decide(RequestIn(expected));
            if (inExpected.IsAllowed || inExpected.Refusal == WorkflowRefusal.WrongState)
            {
                return await AlreadyHandledAsync(db, article, cancellationToken);
            }

            await RecordRefusalAsync(db, article, action, inExpected.Refusal!.Value.ToString(), actor, actorUserName, clientAddress, now, cancellationToken);
            return new TransitionResult.Refused(inExpected.Refusal!.Value, []);
        }

        var decision = WorkflowRules.Decide(RequestIn(article.State));
        if (!decision.IsAllowed)
        {
            await RecordRefusalAsync(db, article, action, decision.Refusal!.Value.ToString(), actor, actorUserName, clientAddress, now, cancellationToken);
            return new TransitionResult.Refused(decision.Refusal!.Value, []);
        }

        if (action == WorkflowAction.Submit)
        {
            var checklist = SubmissionChecklist.Check(ContentOf(article), Options.ChecklistSeverities());
            if (SubmissionChecklist.HasBlockers(checklist))
            {
                await RecordRefusalAsync(db, article, action, nameof(WorkflowRefusal.ChecklistBlocked), actor, actorUserName, clientAddress, now, cancellationToken);
                return new TransitionResult.Refused(WorkflowRefusal.ChecklistBlocked, checklist);
            }

            if (SubmissionChecklist.HasWarnings(checklist) && !input.AcceptWarnings)
            {
                return new TransitionResult.NeedsConfirmation(checklist);
            }
        }

        var from = article.State;
        var to = decision.To!.Value;
        var actorName = actor.IsScheduler ? "" : await NameOfAsync(db, actor.UserId, cancellationToken) ?? actorUserName;
        var notifications = new List<Notification>();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The rule was checked against the state read above; the update only lands if it still holds,
            // so of two editors approving at once exactly one changes the row and the other is told.
            var publishedAt = action switch
            {
                WorkflowAction.PublishScheduled => article.ScheduledForUtc!.Value,
                WorkflowAction.Republish => article.PublishedAtUtc ?? now,
                _ => now,
            };
            var scheduledFor = article.ScheduledForUtc;
            var changed = await db.Articles
                .Where(a => a.Id == articleId && a.State == from && a.ScheduledForUtc == scheduledFor)
                .ExecuteUpdateAsync(set =>
                {
                    set.SetProperty(a => a.State, to);
                    switch (action)
                    {
                        case WorkflowAction.Submit:
                            set.SetProperty(a => a.SubmittedAtUtc, now);
                            break;
                        case WorkflowAction.Schedule:
                            set.SetProperty(a => a.ScheduledForUtc, input.ScheduledForUtc);
                            break;
                        case WorkflowAction.Unschedule:
                            set.SetProperty(a => a.ScheduledForUtc, (DateTimeOffset?)null);
                            break;
                        case WorkflowAction.PublishNow or WorkflowAction.PublishScheduled or WorkflowAction.Republish:
                            set.SetProperty(a => a.PublishedAtUtc, publishedAt);
                            break;
                    }
                }, cancellationToken);

            if (changed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
                var current = await fresh.Articles.AsNoTracking().FirstAsync(a => a.Id == articleId, cancellationToken);
                return await AlreadyHandledAsync(fresh, current, cancellationToken);
            }

            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now,
                Action = WorkflowAudit.ActionCode(action),
                UserName = actor.IsScheduler ? SchedulerName : actorUserName,
                UserId = actor.IsScheduler ? null : actor.UserId,
                ArticleId = articleId,
                FromState = from.ToString(),
                ToState = to.ToString(),
                Note = note,
                Details = action == WorkflowAction.Schedule ? portalTime.Format(input.ScheduledForUtc!.Value) : null,
                ClientAddress = clientAddress,
            });

            notifications = await NotificationsForAsync(db, article, action, actor, actorName, note, input, now, cancellationToken);
            db.Notifications.AddRange(notifications);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Story {ArticleId}: {Action} {From} → {To} by {Actor}", articleId, action, from, to, actor.IsScheduler ? SchedulerName : actorUserName);
        await AfterTransitionAsync(article, action, from, to, actor, actorName, notifications, now, cancellationToken);
        return new TransitionResult.Done(articleId, action, from, to, now);
    }

    private async Task AfterTransitionAsync(
        Article article, WorkflowAction action, ArticleState from, ArticleState to, WorkflowActor actor, string actorName,
        List<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (action is WorkflowAction.Schedule or WorkflowAction.Unschedule)
        {
            publicationSignal?.SchedulesChanged();
        }

        // What readers see changes only when a story goes on or off the portal.
        if (from == ArticleState.Published || to == ArticleState.Published)
        {
            foreach (var listener in publicListeners)
            {
                try
                {
                    await listener.StoryChangedAsync(article.Id, cancellationToken);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Public pages of story {ArticleId} may be stale after {Action}", article.Id, action);
                }
            }
        }

        foreach (var notification in notifications)
        {
            await events.NotifyAsync(notification.RecipientId, NotificationService.ToView(notification));
        }

        await events.StoryChangedAsync(new StoryChange(article.Id, WorkstationEvents.StoryChangeKinds.StateChanged, actor.UserId, actorName, now));
        if (from == ArticleState.InReview || to == ArticleState.InReview)
        {
            await events.ReviewQueueChangedAsync();
        }
    }

    private static async Task<List<Notification>> NotificationsForAsync(
        EditorialDbContext db, Article article, WorkflowAction action, WorkflowActor actor, string actorName, string? note, WorkflowInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = action switch
        {
            WorkflowAction.Submit => NotificationKinds.Submitted,
            WorkflowAction.RequestChanges => NotificationKinds.Returned,
            WorkflowAction.Approve => NotificationKinds.Approved,
            WorkflowAction.Schedule => NotificationKinds.Scheduled,
            WorkflowAction.PublishNow or WorkflowAction.PublishScheduled or WorkflowAction.Republish => NotificationKinds.Published,
            WorkflowAction.Unpublish => NotificationKinds.Unpublished,
            _ => null,
        };
        if (kind is null)
        {
            return [];
        }

        IReadOnlyList<string> recipients = kind == NotificationKinds.Submitted
            ? await EditorIdsAsync(db, cancellationToken)
            : [article.CreatedById];

        var notifications = recipients
            .Where(id => id != actor.UserId)
            .Distinct()
            .Select(id => New(id, kind))
            .ToList();

        // A story that went out late after downtime: the editors should know and check it.
        if (input.Late)
        {
            notifications.AddRange((await EditorIdsAsync(db, cancellationToken)).Select(id => New(id, NotificationKinds.PublishedLate)));
        }

        return notifications;

        Notification New(string recipientId, string notificationKind) => new()
        {
            RecipientId = recipientId,
            Kind = notificationKind,
            ArticleId = article.Id,
            ArticleTitle = article.Title,
            ActorName = actorName,
            Note = note,
            CreatedAtUtc = now,
        };
    }

    /// <summary>Everyone who reviews: editors and administrators.</summary>
    internal static async Task<IReadOnlyList<string>> EditorIdsAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        var reviewRoles = Policies.RolesFor(Policies.Review).ToList();
        return await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where reviewRoles.Contains(role.Name!)
                select userRole.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private async Task RecordRefusalAsync(
        EditorialDbContext db, Article article, WorkflowAction action, string reason, WorkflowActor actor, string actorUserName,
        string? clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogWarning("Story {ArticleId}: {Action} refused for {Actor}: {Reason}", article.Id, action, actorUserName, reason);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now,
            Action = WorkflowAudit.Refused,
            UserName = actor.IsScheduler ? SchedulerName : actorUserName,
            UserId = actor.IsScheduler ? null : actor.UserId,
            ArticleId = article.Id,
            FromState = article.State.ToString(),
            ToState = article.State.ToString(),
            Details = WorkflowAudit.ActionCode(action),
            Note = reason,
            ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<TransitionResult> AlreadyHandledAsync(EditorialDbContext db, Article article, CancellationToken cancellationToken)
    {
        var codes = WorkflowAudit.TransitionCodes.ToList();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ArticleId == article.Id && codes.Contains(e.Action))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { Name = db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault() ?? e.UserName, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new TransitionResult.AlreadyHandled(article.State, last?.Name, last?.AtUtc);
    }

    private static async Task<string?> NameOfAsync(EditorialDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) is { Length: > 0 } name ? name : null;

    private static ArticleContent ContentOf(Article article) => new()
    {
        Title = article.Title,
        Lead = article.Lead,
        CategoryId = article.CategoryId,
        Byline = article.Byline,
        BodyHtml = article.BodyHtml,
        FeaturedImageId = article.FeaturedImageId,
        FeaturedImageCaption = article.FeaturedImageCaption,
        Kind = article.Kind,
    };
}

/// <summary>Told after a story went on or off the portal, or a published story changed: caches, search index.</summary>
public interface IPublicStoryListener
{
    Task StoryChangedAsync(int articleId, CancellationToken cancellationToken);
}
