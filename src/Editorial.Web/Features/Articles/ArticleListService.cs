using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Articles;

public sealed record ArticleRow(int Id, string Title, ArticleState State, string? Category, string AuthorName, DateTimeOffset UpdatedAtUtc, DateTimeOffset? ScheduledForUtc);

public sealed record ArticlePage(IReadOnlyList<ArticleRow> Rows, int Total);

/// <summary>Filters of "Bài của tôi": state, category and words of the title (with or without diacritics).</summary>
public sealed record StoryFilter(ArticleState? State = null, int? CategoryId = null, string? TitleSearch = null);

/// <summary>Read-only lists of stories for the workstation's grids, one page at a time.</summary>
public sealed class ArticleListService(IDbContextFactory<EditorialDbContext> contextFactory)
{
    public Task<ArticlePage> ByAuthorAsync(string userId, StoryFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var folded = VietnameseText.Fold(filter.TitleSearch ?? "");
        return QueryAsync(
            a => a.CreatedById == userId
                 && (filter.State == null || a.State == filter.State)
                 && (filter.CategoryId == null || a.CategoryId == filter.CategoryId)
                 && (folded == "" || a.TitleFolded.Contains(folded)),
            newestFirst: true, page, pageSize, cancellationToken);
    }

    /// <summary>Stories waiting for an editor, oldest first so nothing waits forever.</summary>
    public Task<ArticlePage> InStateAsync(ArticleState state, bool newestFirst, int page, int pageSize, CancellationToken cancellationToken = default) =>
        QueryAsync(a => a.State == state, newestFirst, page, pageSize, cancellationToken);

    private async Task<ArticlePage> QueryAsync(
        System.Linq.Expressions.Expression<Func<Article, bool>> filter, bool newestFirst, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Articles.AsNoTracking().Where(filter);
        var total = await query.CountAsync(cancellationToken);
        var ordered = newestFirst ? query.OrderByDescending(a => a.UpdatedAtUtc) : query.OrderBy(a => a.UpdatedAtUtc);
        var rows = await ordered
            .Skip(Math.Max(0, page) * pageSize)
            .Take(pageSize)
            .Select(a => new ArticleRow(
                a.Id,
                a.Title,
                a.State,
                a.Category != null ? a.Category.Name : null,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault() ?? "",
                a.UpdatedAtUtc,
                a.ScheduledForUtc))
            .ToListAsync(cancellationToken);
        return new ArticlePage(rows, total);
    }
}
