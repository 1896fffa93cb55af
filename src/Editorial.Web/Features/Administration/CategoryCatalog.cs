using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

public sealed record CategoryRow(int Id, string Name, string Slug, int SortOrder, bool IsHidden, int StoryCount);

public sealed class CategoryCatalog(IDbContextFactory<EditorialDbContext> contextFactory)
{
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, c.SortOrder, c.IsHidden, db.Articles.Count(a => a.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
    }
}
