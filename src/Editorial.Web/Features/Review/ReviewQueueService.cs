using Editorial.Core.Articles;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Review;

/// <summary>One story waiting for an editor.</summary>
public sealed record ReviewQueueRow(int Id, string Title, string AuthorName, string? Category, DateTimeOffset SubmittedAtUtc);

public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueRow> Rows, int Total);

/// <summary>Narrows the queue to one category and/or one writer (the story's creator).</summary>
public sealed record ReviewQueueFilter(int? CategoryId = null, string? AuthorId = null);

/// <summary>Someone with stories in the queue, for the author filter.</summary>
public sealed record ReviewQueueAuthor(string Id, string FullName);

/// <summary>The editors' "Chờ duyệt" queue: stories in review, the longest-waiting first.</summary>
public sealed class ReviewQueueService(IDbContextFactory<EditorialDbContext> contextFactory)
{
    public async Task<ReviewQueuePage> ListAsync(ReviewQueueFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Articles.AsNoTracking().Where(a => a.State == ArticleState.InReview);
        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            query = query.Where(a => a.CreatedById == filter.AuthorId);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = await query
            // A story moved into review before submission times were kept falls back to its last change.
            .OrderBy(a => a.SubmittedAtUtc ?? a.UpdatedAtUtc).ThenBy(a => a.Id)
            .Skip(Math.Max(0, page) * size)
            .Take(size)
            .Select(a => new ReviewQueueRow(
                a.Id,
                a.Title,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault() ?? "",
                a.Category != null ? a.Category.Name : null,
                a.SubmittedAtUtc ?? a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new ReviewQueuePage(rows, total);
    }

    /// <summary>How many stories wait for review: the number on the navigation.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Articles.CountAsync(a => a.State == ArticleState.InReview, cancellationToken);
    }

    /// <summary>The writers who have stories in the queue now, by name.</summary>
    public async Task<IReadOnlyList<ReviewQueueAuthor>> AuthorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = db.Articles.Where(a => a.State == ArticleState.InReview).Select(a => a.CreatedById).Distinct();
        var authors = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new ReviewQueueAuthor(u.Id, u.FullName != "" ? u.FullName : u.UserName ?? ""))
            .ToListAsync(cancellationToken);
        return authors.OrderBy(a => a.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true)).ToList();
    }
}
