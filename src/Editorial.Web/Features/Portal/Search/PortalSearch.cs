using System.Data.Common;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>One search hit: the story and its title and excerpt as HTML with the searched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(int Id, string Slug, string Title, string TitleHtml, string ExcerptHtml, DateTimeOffset PublishedAtUtc, string? CategoryName);

/// <summary>A page of search results.</summary>
public sealed record SearchResults(SearchTerms Terms, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public bool HasNext => (long)Page * PageSize < Total;

    public static SearchResults Empty(SearchTerms terms, int pageSize) => new(terms, 0, 1, pageSize, []);
}

/// <summary>
/// Full-text search over the published stories, ignoring diacritics and case: the folded words are looked
/// up in the FTS5 index and ranked with bm25 (a title hit weighs most, then the lead, then the body);
/// titles and excerpts come back with the words highlighted in the text as written.
/// </summary>
public sealed class PortalSearch(IDbContextFactory<EditorialDbContext> contextFactory)
{
    public const int PageSize = 10;
    public const int MaxPage = 100;

    // bm25 column weights: Title, Lead, Body (Version is not indexed).
    private const string Rank = """bm25("StorySearch", 10.0, 4.0, 1.0)""";

    public async Task<SearchResults> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsEmpty)
        {
            return SearchResults.Empty(terms, PageSize);
        }

        page = Math.Clamp(page, 1, MaxPage);
        var match = terms.ToMatchExpression();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();

        // Joined to Articles on the state as well: the index only holds published stories, and a story
        // unpublished a moment ago is not shown even if its row were still there.
        const string from = """
            FROM "StorySearch" JOIN "Articles" AS a ON a."Id" = "StorySearch".rowid
            WHERE "StorySearch" MATCH $match AND a."State" = $published AND a."PublishedAtUtc" IS NOT NULL
            """;

        int total;
        await using (var count = Command(connection, $"SELECT count(*) {from}", match))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var ids = new List<int>(PageSize);
        await using (var select = Command(connection, $"""SELECT a."Id" {from} ORDER BY {Rank}, a."PublishedAtUtc" DESC, a."Id" DESC LIMIT $take OFFSET $skip""", match))
        {
            Add(select, "$take", PageSize);
            Add(select, "$skip", (page - 1) * PageSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        if (ids.Count == 0)
        {
            return new SearchResults(terms, total, page, PageSize, []);
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

        return new SearchResults(terms, total, page, PageSize, hits);
    }

    private static DbCommand Command(DbConnection connection, string sql, string match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "$match", match);
        Add(command, "$published", nameof(ArticleState.Published));
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
