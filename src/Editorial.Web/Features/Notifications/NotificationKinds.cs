namespace Editorial.Web.Features.Notifications;

/// <summary>Stored codes of notifications; the UI translates each ("Notification.Kind.story.returned").</summary>
public static class NotificationKinds
{
    /// <summary>To editors: a story waits for review.</summary>
    public const string Submitted = "story.submitted";

    public const string Returned = "story.returned";
    public const string Approved = "story.approved";
    public const string Scheduled = "story.scheduled";
    public const string Published = "story.published";

    /// <summary>To the author: an editor took the story off the portal.</summary>
    public const string Unpublished = "story.unpublished";

    /// <summary>To editors: a scheduled story went out late because the app was down at its time.</summary>
    public const string PublishedLate = "story.published-late";
}

/// <summary>A notification as the bell shows it.</summary>
public sealed record NotificationView(
    long Id,
    string Kind,
    int? ArticleId,
    string ArticleTitle,
    string ActorName,
    string? Note,
    DateTimeOffset CreatedAtUtc,
    bool IsRead);
