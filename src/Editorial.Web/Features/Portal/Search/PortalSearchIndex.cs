using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// Keeps the search index (<see cref="IPortalSearchStore"/>: FTS5 on SQLite, tsvector on PostgreSQL) in step with
/// the published stories: one row per published story, holding the folded title, lead and body text.
/// </summary>
/// <remarks>
/// The workflow calls <see cref="RefreshAsync"/> after every state change and every save of a published
/// story. Database triggers remove a story that leaves Published or is deleted even when nobody calls, and
/// the search query itself only returns published stories; start-up (<see cref="ReconcileAsync"/>) adds
/// what is missing or stale, so a forgotten call costs freshness until the next start, never a leak.
/// </remarks>
public sealed class PortalSearchIndex(IDbContextFactory<EditorialDbContext> contextFactory, IPortalSearchStore store, ILogger<PortalSearchIndex> logger)
{
    /// <summary>Indexes the story when it is published (again, with its current text), removes it otherwise.</summary>
    public async Task RefreshAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.State, a.Title, a.Lead, a.BodyHtml, a.Version })
            .FirstOrDefaultAsync(cancellationToken);

        if (story is null || story.State != ArticleState.Published)
        {
            await RemoveAsync(db, articleId, cancellationToken);
            return;
        }

        var row = new SearchIndexRow(
            articleId,
            VietnameseText.Fold(story.Title),
            VietnameseText.Fold(story.Lead),
            VietnameseText.Fold(StoryHtmlSanitizer.ToPlainText(story.BodyHtml)),
            story.Version);
        await WriteAsync(db, [row], cancellationToken);
    }

    public async Task RemoveAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RemoveAsync(db, articleId, cancellationToken);
    }

    /// <summary>
    /// Makes the index match the stories: indexes published stories that are missing or whose version
    /// changed since, drops rows of stories no longer published. Returns how many stories were (re)indexed.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stale = await store.RemoveUnpublishedAndFindStaleAsync(db, cancellationToken);

        foreach (var chunk in stale.Chunk(200))
        {
            var stories = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id) && a.State == ArticleState.Published)
                .Select(a => new { a.Id, a.Title, a.Lead, a.BodyHtml, a.Version })
                .ToListAsync(cancellationToken);
            var rows = stories.Select(s => new SearchIndexRow(
                s.Id,
                VietnameseText.Fold(s.Title),
                VietnameseText.Fold(s.Lead),
                VietnameseText.Fold(StoryHtmlSanitizer.ToPlainText(s.BodyHtml)),
                s.Version)).ToList();
            await WriteAsync(db, rows, cancellationToken);
        }

        if (stale.Count > 0)
        {
            logger.LogInformation("Search index: {Count} published stories (re)indexed", stale.Count);
        }

        return stale.Count;
    }

    private Task RemoveAsync(EditorialDbContext db, int articleId, CancellationToken cancellationToken) =>
        store.RemoveAsync(db, articleId, cancellationToken);

    private Task WriteAsync(EditorialDbContext db, IReadOnlyList<SearchIndexRow> rows, CancellationToken cancellationToken) =>
        store.WriteAsync(db, rows, cancellationToken);
}
