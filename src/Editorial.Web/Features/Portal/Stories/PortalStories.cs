using System.Linq.Expressions;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Stories;

/// <summary>
/// What readers may see, read from the database: published stories only. Every public query filters on
/// <see cref="ArticleState.Published"/> here, in one place, so no page can show a draft by mistake.
/// </summary>
/// <remarks>
/// With a <see cref="PortalCache"/> (the app's), the category navigation and "Tin khác" lists come from memory
/// between evictions, so a story page that misses the output cache costs one query: the story itself.
/// </remarks>
public sealed class PortalStories(IDbContextFactory<EditorialDbContext> contextFactory, PortalCache? cache = null)
{
    public const int OtherStoriesCount = 5;
    public const int HomeStoriesPerCategory = 5;
    public const int CategoryPageSize = 10;

    /// <summary>Visible categories in their order (navigation, home page).</summary>
    public Task<IReadOnlyList<PortalCategory>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        Cached("categories", ReadCategoriesAsync, cancellationToken);

    private async Task<IReadOnlyList<PortalCategory>> ReadCategoriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            // A hidden parent hides its sub-categories too.
            .Where(c => !c.IsHidden && (c.ParentId == null || db.Categories.Any(p => p.Id == c.ParentId && !p.IsHidden)))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new PortalCategory(c.Id, c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Home: each visible category that has published stories, with its newest ones.</summary>
    public async Task<IReadOnlyList<CategorySection>> HomeAsync(CancellationToken cancellationToken = default)
    {
        var categories = await CategoriesAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sections = new List<CategorySection>();
        foreach (var category in categories)
        {
            var stories = await LinksAsync(db, Published(db).Where(a => a.CategoryId == category.Id), 0, HomeStoriesPerCategory + 1, cancellationToken);
            if (stories.Count > 0)
            {
                sections.Add(new CategorySection(category, stories.Take(HomeStoriesPerCategory).ToList(), stories.Count > HomeStoriesPerCategory));
            }
        }

        return sections;
    }

    /// <summary>A category's page (1-based) of stories, newest first; null when there is no such category.</summary>
    public async Task<CategoryPage?> CategoryAsync(string slug, int page, CancellationToken cancellationToken = default)
    {
        var category = await CategoryBySlugAsync(slug, cancellationToken);
        if (category is null)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        page = Math.Max(1, page);
        var skip = (long)(page - 1) * CategoryPageSize;
        if (skip > int.MaxValue - CategoryPageSize)
        {
            return new CategoryPage(category, [], page, false);
        }

        var stories = await LinksAsync(db, Published(db).Where(a => a.CategoryId == category.Id), (int)skip, CategoryPageSize + 1, cancellationToken);
        return new CategoryPage(category, stories.Take(CategoryPageSize).ToList(), page, stories.Count > CategoryPageSize);
    }

    /// <summary>The published story with this slug, or null: drafts and every other state do not exist for readers.</summary>
    public async Task<PortalStory?> PublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return ToStory(await PublishedBySlug(db, slug, cancellationToken));
    }

    /// <summary>Any story by id, whatever its state: for the staff preview, which checks permissions itself.</summary>
    public async Task<PortalStory?> AnyStateAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, db.Articles.AsNoTracking().Where(a => a.Id == id), cancellationToken);
    }

    /// <summary>"Tin khác": other published stories of the category, newest first.</summary>
    public async Task<IReadOnlyList<StoryLink>> OthersAsync(int storyId, int? categoryId, CancellationToken cancellationToken = default)
    {
        // One list per category, one story longer than shown: whichever of them is open, five others remain.
        var newest = await Cached(
            "newest:" + (categoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
            async token =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(token);
                IReadOnlyList<StoryLink> links = await LinksAsync(db, Published(db).Where(a => a.CategoryId == categoryId), 0, OtherStoriesCount + 1, token);
                return links;
            },
            cancellationToken);
        return newest.Where(s => s.Id != storyId).Take(OtherStoriesCount).ToList();
    }

    /// <summary>The newest published stories of the whole portal or one category (RSS).</summary>
    public async Task<IReadOnlyList<StoryLink>> LatestAsync(int? categoryId, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Published(db);
        if (categoryId is { } id)
        {
            query = query.Where(a => a.CategoryId == id);
        }

        return await LinksAsync(db, query, 0, count, cancellationToken);
    }

    /// <summary>Every published story's address and last change (sitemap), newest first.</summary>
    public async Task<IReadOnlyList<(string Slug, DateTimeOffset ChangedAtUtc)>> SitemapAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Published(db)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(max)
            .Select(a => new { a.Slug, a.UpdatedAtUtc, a.PublishedAtUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Slug, r.PublishedAtUtc > r.UpdatedAtUtc ? r.PublishedAtUtc!.Value : r.UpdatedAtUtc)).ToList();
    }

    public async Task<PortalCategory?> CategoryBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (cache is not null)
        {
            // Hidden categories too, as the query below: the slug is what decides.
            var all = await Cached("categories-by-slug", ReadCategoriesBySlugAsync, cancellationToken);
            return all.GetValueOrDefault(slug);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new PortalCategory(c.Id, c.Name, c.Slug))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, PortalCategory>> ReadCategoriesBySlugAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .Select(c => new PortalCategory(c.Id, c.Name, c.Slug))
            .ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
    }

    private Task<T> Cached<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class =>
        cache is null ? load(cancellationToken) : cache.ListAsync(key, load, cancellationToken);

    // Published with a publication time: a story without one cannot be placed in any list.
    private static IQueryable<Article> Published(EditorialDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.State == ArticleState.Published && a.PublishedAtUtc != null);

    private static async Task<List<StoryLink>> LinksAsync(EditorialDbContext db, IQueryable<Article> query, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await query
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Lead,
                a.PublishedAtUtc,
                Thumbnail = db.MediaAssets.Where(m => m.Id == a.FeaturedImageId).Select(m => m.ThumbnailPath).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StoryLink(r.Id, r.Title, r.Slug, r.Lead, r.PublishedAtUtc!.Value, r.Thumbnail is null ? null : MediaUrl(r.Thumbnail))).ToList();
    }

    private static async Task<PortalStory?> LoadAsync(EditorialDbContext db, IQueryable<Article> query, CancellationToken cancellationToken) =>
        ToStory(await query.LeftJoin(db.MediaAssets, a => a.FeaturedImageId, m => (Guid?)m.Id, ToRow).FirstOrDefaultAsync(cancellationToken));

    // The featured image by a plain left join on its key (a correlated FirstOrDefault becomes a window query).
    private static readonly Expression<Func<Article, MediaAsset?, StoryRow>> ToRow = (a, image) => new StoryRow(
        a.Id,
        a.State,
        a.Title,
        a.Slug,
        a.Lead,
        a.BodyHtml,
        a.Byline,
        a.PublishedAtUtc,
        a.UpdatedAtUtc,
        a.FeaturedImageCaption,
        a.CreatedById,
        a.CategoryId,
        a.Category == null ? null : a.Category.Name,
        a.Category == null ? null : a.Category.Slug,
        image == null ? null : image.WebPath,
        image == null ? 0 : image.Width,
        image == null ? 0 : image.Height);

    // The page most often rendered (every story, every address): compiled once, one plain query. The filter is
    // Published(db)'s, written out because a compiled query cannot call it.
    private static readonly Func<EditorialDbContext, string, CancellationToken, Task<StoryRow?>> PublishedBySlug =
        EF.CompileAsyncQuery((EditorialDbContext db, string slug, CancellationToken _) => db.Articles.AsNoTracking()
            .Where(a => a.State == ArticleState.Published && a.PublishedAtUtc != null && a.Slug == slug)
            .LeftJoin(db.MediaAssets, a => a.FeaturedImageId, m => (Guid?)m.Id, ToRow)
            .FirstOrDefault());

    private static PortalStory? ToStory(StoryRow? row) => row is null ? null : new PortalStory(
        row.Id,
        row.State,
        row.Title,
        row.Slug,
        row.Lead,
        // Stored sanitised; sanitised again on the way out (DESIGN.md §4): a rule added later also covers old stories.
        StoryHtmlSanitizer.Sanitize(row.BodyHtml),
        row.Byline,
        row.PublishedAtUtc,
        row.UpdatedAtUtc,
        row.CategoryId is { } categoryId && row.CategoryName is not null ? new PortalCategory(categoryId, row.CategoryName, row.CategorySlug!) : null,
        row.ImagePath is null ? null : new PortalImage(MediaUrl(row.ImagePath), row.ImageWidth, row.ImageHeight, row.FeaturedImageCaption),
        row.CreatedById);

    private sealed record StoryRow(
        int Id,
        ArticleState State,
        string Title,
        string Slug,
        string Lead,
        string BodyHtml,
        string Byline,
        DateTimeOffset? PublishedAtUtc,
        DateTimeOffset UpdatedAtUtc,
        string FeaturedImageCaption,
        string CreatedById,
        int? CategoryId,
        string? CategoryName,
        string? CategorySlug,
        string? ImagePath,
        int ImageWidth,
        int ImageHeight);

    private static string MediaUrl(string relativePath) => $"{MediaPaths.UrlPrefix}/{relativePath}";
}
