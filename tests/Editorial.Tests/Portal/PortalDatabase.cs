using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Tests.PostgreSql;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Portal.Search;
using Editorial.Web.Features.Portal.Stories;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Portal;

/// <summary>
/// A real SQLite file (or PostgreSQL database) built by the app's migrations (the FTS5 table and its triggers come from there, not
/// from EnsureCreated), with two categories and the portal's services over it.
/// </summary>
internal sealed class PortalDatabase : IDbContextFactory<EditorialDbContext>, IDisposable
{
    public static readonly DateTimeOffset SeedTime = new(2017, 4, 20, 6, 0, 0, TimeSpan.Zero); // 13:00 in Hà Giang

    private readonly TemporaryFolder? _folder;
    private readonly DbContextOptions<EditorialDbContext>? _options;
    private readonly PostgresDatabase? _postgres;

    /// <summary>On SQLite, or with <paramref name="postgres"/> on a new database of the test PostgreSQL server.</summary>
    public PortalDatabase(bool postgres = false)
    {
        if (postgres)
        {
            _postgres = PostgresDatabase.Create();
        }
        else
        {
            _folder = new TemporaryFolder();
            _options = new DbContextOptionsBuilder<EditorialDbContext>()
                .UseSqlite($"Data Source={Path.Combine(_folder.Path, "editorial.db")}")
                .Options;
        }

        using var db = CreateDbContext();
        db.Database.Migrate();

        var province = new Category { Name = "Hoạt động của tỉnh", Slug = "hoat-dong-cua-tinh", SortOrder = 1 };
        var economy = new Category { Name = "Kinh tế", Slug = "kinh-te", SortOrder = 2 };
        db.Categories.AddRange(province, economy);
        db.SaveChanges();
        Province = province.Id;
        Economy = economy.Id;

        IPortalSearchStore store = postgres ? new PostgreSqlSearchStore() : new SqliteSearchStore();
        Index = new PortalSearchIndex(this, store, NullLogger<PortalSearchIndex>.Instance);
        Search = new PortalSearch(this, store);
        Stories = new PortalStories(this);
    }

    public int Province { get; }

    public int Economy { get; }

    public PortalSearchIndex Index { get; }

    public PortalSearch Search { get; }

    public PortalStories Stories { get; }

    public EditorialDbContext CreateDbContext() => _postgres?.CreateDbContext() ?? new EditorialDbContext(_options!);

    /// <summary>Adds a story straight to the table (as the workflow would leave it) and returns its id; not indexed.</summary>
    public int Add(
        string title,
        string lead = "Tin ngắn.",
        string body = "<p>Nội dung.</p>",
        ArticleState state = ArticleState.Published,
        DateTimeOffset? publishedAt = null,
        int? categoryId = null,
        string author = "reporter")
    {
        using var db = CreateDbContext();
        var article = new Article
        {
            Title = title,
            TitleFolded = VietnameseText.Fold(title),
            Slug = VietnameseText.Slugify(title, ArticleLimits.SlugMaxLength - 7) + "-" + Guid.NewGuid().ToString("N")[..6],
            State = state,
            CategoryId = categoryId ?? Province,
            Lead = lead,
            BodyHtml = StoryHtmlSanitizer.Sanitize(body),
            CreatedById = author,
            UpdatedById = author,
            CreatedAtUtc = SeedTime.AddDays(-1),
            UpdatedAtUtc = SeedTime.AddDays(-1),
            Version = 1,
            PublishedAtUtc = state is ArticleState.Published or ArticleState.Unpublished ? publishedAt ?? SeedTime : null,
        };
        db.Articles.Add(article);
        db.SaveChanges();
        return article.Id;
    }

    public async Task<int> AddIndexedAsync(string title, string lead = "Tin ngắn.", string body = "<p>Nội dung.</p>", DateTimeOffset? publishedAt = null)
    {
        var id = Add(title, lead, body, publishedAt: publishedAt);
        await Index.RefreshAsync(id);
        return id;
    }

    public void SetState(int id, ArticleState state)
    {
        using var db = CreateDbContext();
        db.Articles.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.State, state));
    }

    public void Edit(int id, string title, string body)
    {
        using var db = CreateDbContext();
        db.Articles.Where(a => a.Id == id).ExecuteUpdate(s => s
            .SetProperty(a => a.Title, title)
            .SetProperty(a => a.BodyHtml, StoryHtmlSanitizer.Sanitize(body))
            .SetProperty(a => a.Version, a => a.Version + 1));
    }

    /// <summary>The article ids the search table holds.</summary>
    public List<int> IndexedIds()
    {
        using var db = CreateDbContext();
        return _postgres is null
            ? db.Database.SqlQueryRaw<int>("""SELECT rowid AS "Value" FROM "StorySearch" ORDER BY rowid""").ToList()
            : db.Database.SqlQueryRaw<int>("""SELECT "ArticleId" AS "Value" FROM "StorySearch" ORDER BY "ArticleId" """).ToList();
    }

    public void Dispose()
    {
        _folder?.Dispose();
        _postgres?.Dispose();
    }
}
