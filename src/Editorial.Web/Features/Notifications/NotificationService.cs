using Editorial.Core.Accounts;
using System.Security.Claims;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Notifications;

/// <summary>Reads and marks a person's notifications; the workflow adds them in its own transaction.</summary>
public sealed class NotificationService(IDbContextFactory<EditorialDbContext> contextFactory, TimeProvider clock)
{
    public const int BellSize = 15;

    /// <summary>
    /// Raised after this person marked notifications read through this (per-circuit) service, so that the bell
    /// and the notifications page, which share it, show the same unread count.
    /// </summary>
    public event Func<Task>? ReadStateChanged;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(ClaimsPrincipal user, int take = BellSize, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAtUtc == null);
        }

        var rows = await query
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken);
    }

    /// <summary>Marks one of the person's own notifications read; someone else's id changes nothing.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications
            .Where(n => n.Id == id && n.RecipientId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        await RaiseReadStateChangedAsync();
    }

    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var marked = await db.Notifications
            .Where(n => n.RecipientId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        await RaiseReadStateChangedAsync();
        return marked;
    }

    public static NotificationView ToView(Notification n) =>
        new(n.Id, n.Kind, n.ArticleId, n.ArticleTitle, n.ActorName, n.Note, n.CreatedAtUtc, n.ReadAtUtc is not null);

    private async Task RaiseReadStateChangedAsync()
    {
        if (ReadStateChanged is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
