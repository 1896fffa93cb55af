using Editorial.Core.Articles;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>A story. The foundation holds what the dashboards count; drafting adds the rest.</summary>
public sealed class Article
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public ArticleState State { get; set; } = ArticleState.Draft;

    public int? CategoryId { get; set; }

    public Category? Category { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }

    public DateTimeOffset UpdatedAtUtc { get; set; }

    /// <summary>When readers see it as published (the intended time, not when a job ran).</summary>
    public DateTimeOffset? PublishedAtUtc { get; set; }

    public DateTimeOffset? ScheduledForUtc { get; set; }
}
