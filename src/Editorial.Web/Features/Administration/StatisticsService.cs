using System.Linq.Expressions;
using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

/// <summary>One line of a statistics table: a category or an author, with a count per month (index 0 = January).</summary>
public sealed record StatisticsLine(string Key, string Name, IReadOnlyList<int> Months)
{
    public int Total => Months.Sum();
}

/// <summary>
/// Stories published in one year, per Vietnam month: by category (stories without one on their own line), by
/// author (the account that created the story), and how many carried no byline.
/// </summary>
public sealed record PublicationStatistics(
    int Year,
    IReadOnlyList<StatisticsLine> ByCategory,
    IReadOnlyList<StatisticsLine> ByAuthor,
    IReadOnlyList<int> WithoutByline,
    IReadOnlyList<int> Totals)
{
    public int Total => Totals.Sum();
}

/// <summary>
/// Publication statistics for administrators. A story counts in the month of its publication time in Vietnam
/// (20:00 UTC on 31 January is February there) when it is published now; one taken down no longer counts.
/// </summary>
public sealed class StatisticsService(IDbContextFactory<EditorialDbContext> contextFactory, PortalTime time)
{
    /// <summary>Key of the line for stories without a category.</summary>
    public const string NoCategoryKey = "none";

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The current year in Vietnam, the page's default.</summary>
    public int CurrentYear => time.Now.Year;

    /// <summary>The years that have published stories, newest first, always with the current year.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var first = await Published(db).OrderBy(a => a.PublishedAtUtc).Select(a => a.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var from = first is { } instant ? Math.Min(time.ToLocal(instant).Year, CurrentYear) : CurrentYear;
        return Enumerable.Range(from, CurrentYear - from + 1).Reverse().ToList();
    }

    public async Task<PublicationStatistics> PublishedPerMonthAsync(ClaimsPrincipal caller, int year, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A year between {MinYear} and {MaxYear}.");
        }

        // The 13 instants at which the year's Vietnam months start: the grouping happens in SQL on them.
        var starts = Enumerable.Range(0, 13)
            .Select(m => time.FromLocal(new DateTime(year, 1, 1).AddMonths(m)))
            .Select(instant => (DateTimeOffset?)instant)
            .ToArray();

        var yearStart = starts[0];
        var yearEnd = starts[12];
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await Published(db)
            .Where(a => a.PublishedAtUtc >= yearStart && a.PublishedAtUtc < yearEnd)
            .Select(MonthKey(starts))
            .GroupBy(k => new { k.Month, k.CategoryId, k.CreatedById, k.NoByline })
            .Select(g => new { g.Key.Month, g.Key.CategoryId, g.Key.CreatedById, g.Key.NoByline, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.SortOrder, c.ParentId })
            .ToListAsync(cancellationToken);
        var authorIds = groups.Select(g => g.CreatedById).Distinct().ToList();
        var authors = await db.Users.AsNoTracking()
            .Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.UserName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        static int[] Count<TKey>(IEnumerable<(TKey Key, int Month, int Count)> rows)
        {
            var months = new int[12];
            foreach (var row in rows)
            {
                months[row.Month - 1] += row.Count;
            }

            return months;
        }

        var tree = CategoryCatalog.InTreeOrder(categories
            .Select(c => new CategoryRow(c.Id, c.Name, "", c.SortOrder, false, 0, c.ParentId))
            .ToList());
        var byCategory = tree
            .Select(c => new StatisticsLine(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name,
                Count(groups.Where(g => g.CategoryId == c.Id).Select(g => (c.Id, g.Month, g.Count)))))
            .Where(line => line.Total > 0)
            .ToList();
        var uncategorised = Count(groups.Where(g => g.CategoryId is null || categories.All(c => c.Id != g.CategoryId)).Select(g => (0, g.Month, g.Count)));
        if (uncategorised.Sum() > 0)
        {
            byCategory.Add(new StatisticsLine(NoCategoryKey, "", uncategorised));
        }

        var byAuthor = groups
            .GroupBy(g => g.CreatedById)
            .Select(author => new StatisticsLine(
                author.Key,
                authors.TryGetValue(author.Key, out var person) ? (string.IsNullOrWhiteSpace(person.FullName) ? person.UserName ?? author.Key : person.FullName) : author.Key,
                Count(author.Select(g => (author.Key, g.Month, g.Count)))))
            .OrderByDescending(line => line.Total).ThenBy(line => line.Name, StringComparer.Ordinal)
            .ToList();

        return new PublicationStatistics(
            year,
            byCategory,
            byAuthor,
            Count(groups.Where(g => g.NoByline).Select(g => (0, g.Month, g.Count))),
            Count(groups.Select(g => (0, g.Month, g.Count))));
    }

    private static IQueryable<Article> Published(EditorialDbContext db) =>
        db.Articles.AsNoTracking().Where(a => a.State == ArticleState.Published && a.PublishedAtUtc != null);

    /// <summary>
    /// <c>a => new StoryMonth { Month = a.PublishedAtUtc &lt; starts[1] ? 1 : a.PublishedAtUtc &lt; starts[2] ? 2 : … 12, … }</c>:
    /// the Vietnam month as a CASE over the month boundaries, so SQL groups by it without knowing time zones.
    /// </summary>
    private static Expression<Func<Article, StoryMonth>> MonthKey(DateTimeOffset?[] starts)
    {
        var article = Expression.Parameter(typeof(Article), "a");
        var publishedAt = Expression.Property(article, nameof(Article.PublishedAtUtc));
        Expression month = Expression.Constant(12);
        for (var m = 11; m >= 1; m--)
        {
            month = Expression.Condition(
                Expression.LessThan(publishedAt, Expression.Constant(starts[m], typeof(DateTimeOffset?))),
                Expression.Constant(m),
                month);
        }

        Expression<Func<Article, bool>> noByline = a => a.Byline == null || a.Byline.Trim() == "";
        var body = Expression.MemberInit(
            Expression.New(typeof(StoryMonth)),
            Expression.Bind(typeof(StoryMonth).GetProperty(nameof(StoryMonth.Month))!, month),
            Expression.Bind(typeof(StoryMonth).GetProperty(nameof(StoryMonth.CategoryId))!, Expression.Property(article, nameof(Article.CategoryId))),
            Expression.Bind(typeof(StoryMonth).GetProperty(nameof(StoryMonth.CreatedById))!, Expression.Property(article, nameof(Article.CreatedById))),
            Expression.Bind(typeof(StoryMonth).GetProperty(nameof(StoryMonth.NoByline))!, new ParameterSwap(noByline.Parameters[0], article).Visit(noByline.Body)));
        return Expression.Lambda<Func<Article, StoryMonth>>(body, article);
    }

    private static void Demand(ClaimsPrincipal caller)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(caller)))
        {
            throw new UnauthorizedAccessException("Only administrators can see the statistics.");
        }
    }

    private sealed class StoryMonth
    {
        public int Month { get; init; }

        public int? CategoryId { get; init; }

        public string CreatedById { get; init; } = "";

        public bool NoByline { get; init; }
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
