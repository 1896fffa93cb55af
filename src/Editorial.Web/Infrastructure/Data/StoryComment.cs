namespace Editorial.Web.Infrastructure.Data;

/// <summary>A remark in a story's comment thread, between its authors and the editors. Kept with the story.</summary>
public sealed class StoryComment
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>Plain text, NFC.</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset AtUtc { get; set; }
}

public static class StoryCommentLimits
{
    public const int BodyMaxLength = 4000;
}
