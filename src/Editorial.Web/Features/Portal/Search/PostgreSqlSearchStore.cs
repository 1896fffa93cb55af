using Editorial.Core.Articles;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// The table <c>StorySearch</c> of PostgreSQL's PortalSearch migration: folded title, lead and body, and a stored
/// tsvector over them (configuration 'simple': the text is already folded, no stemming) with weights A, B, C and a
/// GIN index. Ranked with ts_rank: a title hit weighs most, then the lead, then the body, as bm25 does on SQLite.
/// </summary>
public sealed class PostgreSqlSearchStore : IPortalSearchStore
{
    private static readonly string PublishedState = nameof(ArticleState.Published);

    public async Task WriteAsync(EditorialDbContext db, IReadOnlyList<SearchIndexRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            // FOR SHARE holds off a concurrent unpublish until this commits (its trigger then deletes the row),
            // and waits for one already under way (the story is then no longer published, nothing is written).
            var published = await db.Database.SqlQuery<int>($"""
                    SELECT "Id" AS "Value" FROM "Articles" WHERE "Id" = {row.ArticleId} AND "State" = {PublishedState} FOR SHARE
                    """)
                .ToListAsync(cancellationToken);
            if (published.Count == 0)
            {
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" WHERE "ArticleId" = {row.ArticleId}""", cancellationToken);
                continue;
            }

            // An upsert, not delete-then-insert: two refreshes of one story at once (two instances, or an edit and
            // a publish) would otherwise both insert, and the second would fail on the key. A late, older text
            // never replaces a newer one.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "StorySearch" ("ArticleId", "Title", "Lead", "Body", "Version")
                VALUES ({row.ArticleId}, {row.Title}, {row.Lead}, {row.Body}, {row.Version})
                ON CONFLICT ("ArticleId") DO UPDATE
                SET "Title" = EXCLUDED."Title", "Lead" = EXCLUDED."Lead", "Body" = EXCLUDED."Body", "Version" = EXCLUDED."Version"
                WHERE "StorySearch"."Version" <= EXCLUDED."Version"
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task RemoveAsync(EditorialDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" WHERE "ArticleId" = {articleId}""", cancellationToken);

    public async Task<List<int>> RemoveUnpublishedAndFindStaleAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM "StorySearch" AS s
            WHERE NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Id" = s."ArticleId" AND a."State" = {PublishedState})
            """, cancellationToken);

        return await db.Database.SqlQuery<int>($"""
                SELECT a."Id" AS "Value" FROM "Articles" AS a
                LEFT JOIN "StorySearch" AS s ON s."ArticleId" = a."Id"
                WHERE a."State" = {PublishedState} AND (s."ArticleId" IS NULL OR s."Version" IS DISTINCT FROM a."Version")
                """)
            .ToListAsync(cancellationToken);
    }

    public async Task<SearchPage> FindAsync(EditorialDbContext db, SearchTerms terms, int window, int take, int skip, CancellationToken cancellationToken)
    {
        // The words are folded already; plainto_tsquery ANDs them and treats punctuation and operators as text.
        var words = string.Join(' ', terms.Words);

        var matches = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value"
                FROM (SELECT s."ArticleId" AS "Id" FROM "StorySearch" AS s
                      WHERE s."Document" @@ plainto_tsquery('simple', {words})
                      ORDER BY s."ArticleId" DESC LIMIT {window + 1}) AS r
                JOIN "Articles" AS a ON a."Id" = r."Id"
                WHERE a."State" = {PublishedState} AND a."PublishedAtUtc" IS NOT NULL
                """)
            .ToListAsync(cancellationToken);

        // Weights are {D, C, B, A}: body C, lead B, title A (as bm25's 1, 4, 10 on SQLite).
        var ids = await db.Database.SqlQuery<int>($"""
                SELECT a."Id" AS "Value"
                FROM (SELECT s."ArticleId" AS "Id", ts_rank(ARRAY[0.1, 0.1, 0.4, 1.0]::real[], s."Document", q.query) AS "Rank"
                      FROM "StorySearch" AS s, plainto_tsquery('simple', {words}) AS q(query)
                      WHERE s."Document" @@ q.query
                      ORDER BY s."ArticleId" DESC LIMIT {window}) AS r
                JOIN "Articles" AS a ON a."Id" = r."Id"
                WHERE a."State" = {PublishedState} AND a."PublishedAtUtc" IS NOT NULL
                ORDER BY r."Rank" DESC, a."PublishedAtUtc" DESC, a."Id" DESC
                LIMIT {take} OFFSET {skip}
                """)
            .ToListAsync(cancellationToken);

        return new SearchPage(matches.Single(), ids);
    }
}
