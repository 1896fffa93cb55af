using System.Text.Json.Serialization;

namespace Editorial.Web.Infrastructure.Instances;

/// <summary>
/// Something one app instance tells the others: small, ids only (a PostgreSQL NOTIFY payload must stay under
/// 8,000 bytes), so a receiver that needs more reads it from the shared database.
/// </summary>
public sealed record InstanceMessage(
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("f")] Guid From = default,
    [property: JsonPropertyName("u")] string? UserId = null,
    [property: JsonPropertyName("n")] long? NotificationId = null,
    [property: JsonPropertyName("a")] int? ArticleId = null,
    [property: JsonPropertyName("c")] string? ChangeKind = null,
    [property: JsonPropertyName("ai")] string? ActorId = null,
    [property: JsonPropertyName("an")] string? ActorName = null,
    [property: JsonPropertyName("t")] DateTimeOffset? AtUtc = null)
{
    /// <summary>A person got a notification (stored already): the bell on every instance shows it.</summary>
    public static InstanceMessage Notification(string userId, long notificationId) =>
        new(InstanceMessageKinds.Notification, UserId: userId, NotificationId: notificationId);

    public static InstanceMessage StoryChanged(int articleId, string changeKind, string actorId, string actorName, DateTimeOffset atUtc) =>
        new(InstanceMessageKinds.StoryChanged, ArticleId: articleId, ChangeKind: changeKind, ActorId: actorId, ActorName: actorName, AtUtc: atUtc);

    public static readonly InstanceMessage ReviewQueueChanged = new(InstanceMessageKinds.ReviewQueueChanged);

    public static readonly InstanceMessage PortalChanged = new(InstanceMessageKinds.PortalChanged);

    public static readonly InstanceMessage SchedulesChanged = new(InstanceMessageKinds.SchedulesChanged);

    public static readonly InstanceMessage SettingsChanged = new(InstanceMessageKinds.SettingsChanged);

    /// <summary>Messages that say only "look again": several in a row mean no more than one.</summary>
    [JsonIgnore]
    public bool IsSignal => Kind is InstanceMessageKinds.ReviewQueueChanged or InstanceMessageKinds.PortalChanged
        or InstanceMessageKinds.SchedulesChanged or InstanceMessageKinds.SettingsChanged;
}

public static class InstanceMessageKinds
{
    public const string Notification = "notification";
    public const string StoryChanged = "story";
    public const string ReviewQueueChanged = "review-queue";

    /// <summary>The public pages changed: evict this instance's output cache (tag "portal").</summary>
    public const string PortalChanged = "portal";

    /// <summary>A schedule changed: the scheduler looks again now instead of at its next 20-second look.</summary>
    public const string SchedulesChanged = "schedules";

    /// <summary>An administrator saved the settings: reload them now instead of at the next 30-second reload.</summary>
    public const string SettingsChanged = "settings";
}
