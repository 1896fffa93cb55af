using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>One search hit: the story and its title and excerpt as HTML with the searched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(int Id, string Slug, string Title, string TitleHtml, string ExcerptHtml, DateTimeOffset PublishedAtUtc, string? CategoryName);

/// <summary>A page of search results.</summary>
/// <param name="Total">Hits that can be paged through (at most <see cref="PortalSearch.RankWindow"/>).</param>
/// <param name="MoreThanTotal">More stories match than are ranked: the reader should add a word.</param>
public sealed record SearchResults(SearchTerms Terms, int Total, bool MoreThanTotal, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public bool HasNext => (long)Page * PageSize < Total;

    public static SearchResults Empty(SearchTerms terms, int pageSize) => new(terms, 0, false, 1, pageSize, []);
}

/// <summary>
/// Full-text search over the published stories, ignoring diacritics and case: the folded words are looked
/// up in the provider's index (<see cref="IPortalSearchStore"/>) and ranked (a title hit weighs most, then the lead, then the body);
/// titles and excerpts come back with the words highlighted in the text as written.
/// </summary>
/// <remarks>
/// Ranking is bounded: the rank is computed for the <see cref="RankWindow"/> most recent matching stories (by
/// id, which follows creation), never for all of them. A name or a phrase matches far fewer stories and is
/// ranked over all its matches; a query of one common word ("tỉnh") would otherwise score most of 100,000
/// stories on every request. Such a query gets the newest matches, ranked, and a hint to add words.
/// </remarks>
public sealed class PortalSearch(IDbContextFactory<EditorialDbContext> contextFactory, IPortalSearchStore store)
{
    public const int PageSize = 10;

    /// <summary>How many of the newest matches are ranked and can be paged through.</summary>
    public const int RankWindow = 500;

    public const int MaxPage = RankWindow / PageSize;

    public async Task<SearchResults> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsEmpty)
        {
            return SearchResults.Empty(terms, PageSize);
        }

        page = Math.Clamp(page, 1, MaxPage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await store.FindAsync(db, terms, RankWindow, PageSize, (page - 1) * PageSize, cancellationToken);
        var matches = found.Matches;
        var ids = found.Ids;
        var total = Math.Min(matches, RankWindow);

        if (ids.Count == 0)
        {
            return new SearchResults(terms, total, matches > RankWindow, page, PageSize, []);
        }

        var stories = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.State == ArticleState.Published)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Lead, a.PublishedAtUtc, Category = a.Category == null ? null : a.Category.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var hits = new List<SearchHit>(ids.Count);
        foreach (var id in ids)
        {
            if (!stories.TryGetValue(id, out var story))
            {
                continue;
            }

            // The excerpt shows where the words are: the lead when it holds one, else the body's text.
            var excerpt = SearchHighlighter.Excerpt(story.Lead, terms, requireMatch: true);
            if (excerpt is null)
            {
                var body = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.BodyHtml).FirstAsync(cancellationToken);
                excerpt = SearchHighlighter.Excerpt(StoryHtmlSanitizer.ToPlainText(body).Replace('\n', ' '), terms, requireMatch: true)
                    ?? SearchHighlighter.Excerpt(story.Lead, terms)!;
            }

            hits.Add(new SearchHit(
                story.Id,
                story.Slug,
                story.Title,
                SearchHighlighter.Highlight(story.Title, terms),
                excerpt,
                story.PublishedAtUtc!.Value,
                story.Category));
        }

        return new SearchResults(terms, total, matches > RankWindow, page, PageSize, hits);
    }
}
