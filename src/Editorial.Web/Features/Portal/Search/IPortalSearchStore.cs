using Editorial.Web.Infrastructure.Data;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>One published story as the index holds it: folded title, lead and body text, and the version indexed.</summary>
public sealed record SearchIndexRow(int ArticleId, string Title, string Lead, string Body, int Version);

/// <summary>The ids of one page of ranked hits, and how many published stories matched within the window.</summary>
public sealed record SearchPage(int Matches, IReadOnlyList<int> Ids);

/// <summary>
/// The provider's full-text index of published stories, holding FOLDED text (VietnameseText.Fold): SQLite's FTS5
/// table or PostgreSQL's tsvector column. Everything else about search (folding, paging, highlighting in the text
/// as written) is the same C# on both; only these statements differ. Chosen at start-up with the provider.
/// </summary>
public interface IPortalSearchStore
{
    /// <summary>Replaces the rows of these stories, each only while the story is still published.</summary>
    Task WriteAsync(EditorialDbContext db, IReadOnlyList<SearchIndexRow> rows, CancellationToken cancellationToken);

    Task RemoveAsync(EditorialDbContext db, int articleId, CancellationToken cancellationToken);

    /// <summary>Drops rows of stories that are not published; returns the published stories missing or stale.</summary>
    Task<List<int>> RemoveUnpublishedAndFindStaleAsync(EditorialDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Ranks the <paramref name="window"/> newest published stories holding every word (title before lead before
    /// body, then newest) and returns one page of ids; <see cref="SearchPage.Matches"/> counts up to window + 1.
    /// </summary>
    Task<SearchPage> FindAsync(EditorialDbContext db, SearchTerms terms, int window, int take, int skip, CancellationToken cancellationToken);
}
