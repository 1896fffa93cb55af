namespace Editorial.Core.Articles;

/// <summary>Workflow states of a story (DESIGN.md section 2). Stored as text; never renumber.</summary>
public enum ArticleState
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Published,
    Unpublished,
}
