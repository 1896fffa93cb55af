using System.Collections.Concurrent;
using Editorial.Web.Infrastructure.Instances;

namespace Editorial.Web.Features.Notifications;

/// <summary>Something changed on a story that people looking at it should know at once.</summary>
public sealed record StoryChange(int ArticleId, string Kind, string ActorId, string ActorName, DateTimeOffset AtUtc);

/// <summary>
/// In-process fan-out to the open workstation sessions: a person's new notifications, and changes to a
/// story someone has open. What matters is stored first; this only makes it appear without a reload.
/// Each event is also published on the <see cref="IInstanceBus"/>, so that sessions open on the other app
/// instances hear it too; what arrives from them is delivered here by the "Here" methods, never re-published.
/// </summary>
public sealed class WorkstationEvents(ILogger<WorkstationEvents> logger, IInstanceBus? instances = null)
{
    public static class StoryChangeKinds
    {
        public const string StateChanged = "state-changed";
        public const string TakenOver = "taken-over";
        public const string Commented = "commented";
    }

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<NotificationView, Task>>> byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<StoryChange, Task>>> byStory = new();

    // One key: everyone who shows the review queue's size hears when a story enters or leaves it.
    private readonly ConcurrentDictionary<bool, ConcurrentDictionary<Guid, Func<bool, Task>>> reviewQueue = new();

    public IDisposable SubscribeNotifications(string userId, Func<NotificationView, Task> handler) => Subscribe(byUser, userId, handler);

    public IDisposable SubscribeStory(int articleId, Func<StoryChange, Task> handler) => Subscribe(byStory, articleId, handler);

    public IDisposable SubscribeReviewQueue(Func<Task> handler) => Subscribe(reviewQueue, true, _ => handler());

    public Task NotifyAsync(string userId, NotificationView notification)
    {
        instances?.Publish(InstanceMessage.Notification(userId, notification.Id));
        return NotifyHereAsync(userId, notification);
    }

    /// <summary>A story entered or left "Chờ duyệt" (submitted, withdrawn, returned, approved).</summary>
    public Task ReviewQueueChangedAsync()
    {
        instances?.Publish(InstanceMessage.ReviewQueueChanged);
        return ReviewQueueChangedHereAsync();
    }

    public Task StoryChangedAsync(StoryChange change)
    {
        instances?.Publish(InstanceMessage.StoryChanged(change.ArticleId, change.Kind, change.ActorId, change.ActorName, change.AtUtc));
        return StoryChangedHereAsync(change);
    }

    /// <summary>Whether anyone on this instance listens for <paramref name="userId"/>'s notifications.</summary>
    public bool HasNotificationListeners(string userId) => byUser.TryGetValue(userId, out var handlers) && !handlers.IsEmpty;

    public Task NotifyHereAsync(string userId, NotificationView notification) => Deliver(byUser, userId, notification);

    public Task ReviewQueueChangedHereAsync() => Deliver(reviewQueue, true, true);

    public Task StoryChangedHereAsync(StoryChange change) => Deliver(byStory, change.ArticleId, change);

    private static IDisposable Subscribe<TKey, T>(ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, Func<T, Task>>> map, TKey key, Func<T, Task> handler)
        where TKey : notnull
    {
        var id = Guid.NewGuid();
        map.GetOrAdd(key, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (map.TryGetValue(key, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    private async Task Deliver<TKey, T>(ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, Func<T, Task>>> map, TKey key, T item)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler(item);
            }
            catch (Exception exception)
            {
                // One closed or broken session must not stop the others from hearing about it.
                logger.LogDebug(exception, "A workstation session could not take an event");
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}
