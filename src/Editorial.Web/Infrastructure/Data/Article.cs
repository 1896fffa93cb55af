using Editorial.Core.Articles;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>A story: its current content, workflow state and who touched it when.</summary>
public sealed class Article
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Folded title (no diacritics, lower case) for searching "Bài của tôi".</summary>
    public string TitleFolded { get; set; } = "";

    public string Slug { get; set; } = "";

    public ArticleKind Kind { get; set; } = ArticleKind.Plain;

    public ArticleState State { get; set; } = ArticleState.Draft;

    public int? CategoryId { get; set; }

    public Category? Category { get; set; }

    public string Lead { get; set; } = "";

    /// <summary>Sanitised HTML, NFC.</summary>
    public string BodyHtml { get; set; } = "";

    public Guid? FeaturedImageId { get; set; }

    public string FeaturedImageCaption { get; set; } = "";

    public string Byline { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset? EventAtUtc { get; set; }

    /// <summary>Meeting facts as JSON (MeetingDetails); null for plain stories.</summary>
    public string? MeetingJson { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }

    public string UpdatedById { get; set; } = "";

    public DateTimeOffset UpdatedAtUtc { get; set; }

    /// <summary>Bumped by every save; a save based on an older version is a conflict, never an overwrite.</summary>
    public int Version { get; set; }

    /// <summary>When readers see it as published (the intended time, not when a job ran).</summary>
    public DateTimeOffset? PublishedAtUtc { get; set; }

    public DateTimeOffset? ScheduledForUtc { get; set; }

    /// <summary>When it last went to review: the queue is oldest first.</summary>
    public DateTimeOffset? SubmittedAtUtc { get; set; }

    /// <summary>Who has the story open for editing; others see "Đang được chỉnh sửa bởi …".</summary>
    public string? EditingById { get; set; }

    public DateTimeOffset? EditingSinceUtc { get; set; }

    /// <summary>The editing lease lapses here unless the open editor renews it.</summary>
    public DateTimeOffset? EditingUntilUtc { get; set; }
}
