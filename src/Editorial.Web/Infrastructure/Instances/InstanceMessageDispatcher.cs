using Editorial.Web.Features.Administration.Settings;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Publishing;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Instances;

/// <summary>
/// Acts on this instance on what another instance published: delivers the event to this instance's open
/// sessions, evicts this instance's cached public pages, wakes this instance's scheduler, reloads the settings.
/// Never publishes again, so a message cannot bounce between instances.
/// </summary>
public sealed class InstanceMessageDispatcher(
    InstanceIdentity identity,
    WorkstationEvents events,
    PortalCache portalCache,
    PublicationSignal publicationSignal,
    IDbContextFactory<EditorialDbContext> contextFactory,
    ILogger<InstanceMessageDispatcher> logger,
    NewsroomSettingsStore? settingsStore = null)
{
    /// <summary>Decodes a payload and acts on it; false for our own messages and for anything unreadable.</summary>
    public async Task<bool> ReceiveAsync(string? payload, CancellationToken cancellationToken = default)
    {
        var message = InstanceMessageCodec.Decode(payload);
        if (message is null)
        {
            logger.LogDebug("Ignored an instance message that is not ours: {Payload}", payload);
            return false;
        }

        if (message.From == identity.Id)
        {
            // Our own: acted on here before it was sent.
            return false;
        }

        try
        {
            return await DispatchAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not act on the {Kind} message of instance {From}", message.Kind, message.From);
            return false;
        }
    }

    /// <summary>
    /// After the link to the other instances was down, anything may have been missed: look again at all that
    /// can be looked at (the public pages, the schedule, the settings, the review queue).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await portalCache.EvictHereAsync(cancellationToken);
        publicationSignal.WakeHere();
        await events.ReviewQueueChangedHereAsync();
        if (settingsStore is not null)
        {
            await settingsStore.LoadAsync(cancellationToken);
        }
    }

    private async Task<bool> DispatchAsync(InstanceMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case InstanceMessageKinds.Notification when message is { UserId: { } userId, NotificationId: { } id }:
                // Read only for someone with a session open here: most instances have nobody to tell.
                if (!events.HasNotificationListeners(userId))
                {
                    return true;
                }

                await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
                {
                    var stored = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == userId, cancellationToken);
                    if (stored is not null)
                    {
                        await events.NotifyHereAsync(userId, NotificationService.ToView(stored));
                    }
                }

                return true;
            case InstanceMessageKinds.StoryChanged when message is { ArticleId: { } articleId, ChangeKind: { } kind }:
                await events.StoryChangedHereAsync(new StoryChange(
                    articleId, kind, message.ActorId ?? "", message.ActorName ?? "", message.AtUtc ?? DateTimeOffset.UtcNow));
                return true;
            case InstanceMessageKinds.ReviewQueueChanged:
                await events.ReviewQueueChangedHereAsync();
                return true;
            case InstanceMessageKinds.PortalChanged:
                await portalCache.EvictHereAsync(cancellationToken);
                return true;
            case InstanceMessageKinds.SchedulesChanged:
                publicationSignal.WakeHere();
                return true;
            case InstanceMessageKinds.SettingsChanged:
                if (settingsStore is not null)
                {
                    await settingsStore.LoadAsync(cancellationToken);
                }

                return true;
            default:
                logger.LogDebug("Ignored an instance message of unknown kind {Kind}", message.Kind);
                return false;
        }
    }
}
