namespace Editorial.Web.Infrastructure.Data;

/// <summary>Something that happened to a person's story, or a story waiting for them. Survives sign-out.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string RecipientId { get; set; } = "";

    /// <summary>A stable code such as "story.returned"; the UI translates it.</summary>
    public string Kind { get; set; } = "";

    public int? ArticleId { get; set; }

    /// <summary>The story's title when it happened, so the line still reads well if the title changes.</summary>
    public string ArticleTitle { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string? Note { get; set; }

    public DateTimeOffset CreatedAtUtc { get; set; }

    public DateTimeOffset? ReadAtUtc { get; set; }
}
