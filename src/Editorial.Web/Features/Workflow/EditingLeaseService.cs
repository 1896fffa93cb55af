using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Workflow;

public abstract record LeaseResult
{
    /// <summary>The person has the story to edit until <paramref name="UntilUtc"/> (renewed while the page is open).</summary>
    public sealed record Held(DateTimeOffset UntilUtc) : LeaseResult;

    /// <summary>Someone else is editing; <paramref name="CanTakeOver"/> for editors.</summary>
    public sealed record HeldByOther(string HolderId, string HolderName, DateTimeOffset SinceUtc, bool CanTakeOver) : LeaseResult;

    public sealed record NotFound : LeaseResult;
}

/// <summary>
/// "Đang được chỉnh sửa bởi X": one person edits a story at a time. The open editor renews a short lease;
/// a closed tab lets it lapse. An editor may take over, and the first person is told at once and again
/// if they try to save, so nobody overwrites anybody silently.
/// </summary>
public sealed class EditingLeaseService(
    IDbContextFactory<EditorialDbContext> contextFactory,
    TimeProvider clock,
    WorkstationEvents events,
    Administration.AuditTrail audit)
{
    /// <summary>Long enough to survive a short network drop; the page renews every third of it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    public async Task<LeaseResult> AcquireAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        // The holder may let go between our update and our look-up; then simply try once more.
        for (var attempt = 0; ; attempt++)
        {
            var result = await TryAcquireAsync(articleId, user, cancellationToken);
            if (result is not null || attempt == 1)
            {
                return result ?? new LeaseResult.NotFound();
            }
        }
    }

    private async Task<LeaseResult?> TryAcquireAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = AccountIdentity.IdOf(user);
        var now = clock.GetUtcNow();
        var until = now + LeaseDuration;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Free, lapsed or already mine: take (or extend) it in one conditional update.
        var taken = await db.Articles
            .Where(a => a.Id == articleId && (a.EditingById == null || a.EditingById == userId || a.EditingUntilUtc < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.EditingSinceUtc, a => a.EditingById == userId ? a.EditingSinceUtc : now)
                .SetProperty(a => a.EditingById, userId)
                .SetProperty(a => a.EditingUntilUtc, until), cancellationToken);
        if (taken == 1)
        {
            return new LeaseResult.Held(until);
        }

        return await HolderAsync(db, articleId, user, cancellationToken);
    }

    /// <summary>Keeps the lease while the page is open; false when someone took over meanwhile.</summary>
    public async Task<bool> RenewAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await AcquireAsync(articleId, user, cancellationToken) is LeaseResult.Held;

    public async Task<LeaseResult> TakeOverAsync(int articleId, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Review, Roles.Of(user)))
        {
            return await AcquireAsync(articleId, user, cancellationToken);
        }

        var userId = AccountIdentity.IdOf(user);
        var now = clock.GetUtcNow();
        var until = now + LeaseDuration;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var previous = await db.Articles.Where(a => a.Id == articleId)
            .Select(a => new { a.EditingById, Name = db.Users.Where(u => u.Id == a.EditingById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            return new LeaseResult.NotFound();
        }

        await db.Articles.Where(a => a.Id == articleId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.EditingById, userId)
                .SetProperty(a => a.EditingSinceUtc, now)
                .SetProperty(a => a.EditingUntilUtc, until), cancellationToken);

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? user.Identity?.Name ?? "";
        if (previous.EditingById is { } previousId && previousId != userId)
        {
            await audit.RecordStoryAsync(WorkflowAudit.TakenOver, user, articleId, note: previous.Name, clientAddress: clientAddress, cancellationToken: cancellationToken);
            await events.StoryChangedAsync(new StoryChange(articleId, WorkstationEvents.StoryChangeKinds.TakenOver, userId, name, now));
        }

        return new LeaseResult.Held(until);
    }

    /// <summary>Lets go when the page closes, so the next person need not wait for the lease to lapse.</summary>
    public async Task ReleaseAsync(int articleId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Articles
            .Where(a => a.Id == articleId && a.EditingById == userId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.EditingById, (string?)null)
                .SetProperty(a => a.EditingSinceUtc, (DateTimeOffset?)null)
                .SetProperty(a => a.EditingUntilUtc, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Who else holds a live lease on the story, if anyone (used by saving to refuse silently overwriting).</summary>
    public static async Task<(string Id, string Name, DateTimeOffset Since)?> OtherHolderAsync(
        EditorialDbContext db, int articleId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holder = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.EditingById != null && a.EditingById != userId && a.EditingUntilUtc >= now)
            .Select(a => new
            {
                Id = a.EditingById!,
                Name = db.Users.Where(u => u.Id == a.EditingById).Select(u => u.FullName).FirstOrDefault() ?? "",
                Since = a.EditingSinceUtc ?? now,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : (holder.Id, holder.Name, holder.Since);
    }

    /// <summary>The other holder; NotFound for a missing story; null when nobody else holds it (any more).</summary>
    private async Task<LeaseResult?> HolderAsync(EditorialDbContext db, int articleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return new LeaseResult.NotFound();
        }

        var holder = await OtherHolderAsync(db, articleId, AccountIdentity.IdOf(user), clock.GetUtcNow(), cancellationToken);
        return holder is { } h
            ? new LeaseResult.HeldByOther(h.Id, h.Name, h.Since, Policies.IsGranted(Policies.Review, Roles.Of(user)))
            : null;
    }
}
