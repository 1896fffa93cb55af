using System.Data.Common;
using Editorial.Core.Articles;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// The FTS5 table <c>StorySearch</c> (migration PortalSearch): one row per published story, rowid = article id,
/// ranked with bm25 (a title hit weighs most, then the lead, then the body).
/// </summary>
public sealed class SqliteSearchStore : IPortalSearchStore
{
    private static readonly string PublishedState = nameof(ArticleState.Published);

    public async Task WriteAsync(EditorialDbContext db, IReadOnlyList<SearchIndexRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // One write transaction: the INSERT only happens while the story is still published, so a
        // concurrent unpublish (whose trigger deletes the row) can never be overtaken by a stale refresh.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        foreach (var row in rows)
        {
            await using var delete = Command(connection, transaction.GetDbTransaction(), """DELETE FROM "StorySearch" WHERE rowid = $id""");
            delete.AddParameter("$id", row.ArticleId);
            await delete.ExecuteNonQueryAsync(cancellationToken);

            await using var insert = Command(connection, transaction.GetDbTransaction(), """
                INSERT INTO "StorySearch" (rowid, "Title", "Lead", "Body", "Version")
                SELECT $id, $title, $lead, $body, $version
                WHERE EXISTS (SELECT 1 FROM "Articles" WHERE "Id" = $id AND "State" = $published)
                """);
            insert.AddParameter("$id", row.ArticleId);
            insert.AddParameter("$title", row.Title);
            insert.AddParameter("$lead", row.Lead);
            insert.AddParameter("$body", row.Body);
            insert.AddParameter("$version", row.Version);
            insert.AddParameter("$published", PublishedState);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task RemoveAsync(EditorialDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""DELETE FROM "StorySearch" WHERE rowid = {0}""", [articleId], cancellationToken);

    public async Task<List<int>> RemoveUnpublishedAndFindStaleAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "StorySearch" WHERE rowid NOT IN (SELECT "Id" FROM "Articles" WHERE "State" = {0})""",
            [PublishedState],
            cancellationToken);

        return await db.Database.SqlQueryRaw<int>(
                """
                SELECT a."Id" AS "Value" FROM "Articles" AS a
                LEFT JOIN "StorySearch" AS s ON s.rowid = a."Id"
                WHERE a."State" = {0} AND (s.rowid IS NULL OR s."Version" IS NOT a."Version")
                """,
                PublishedState)
            .ToListAsync(cancellationToken);
    }

    public async Task<SearchPage> FindAsync(EditorialDbContext db, SearchTerms terms, int window, int take, int skip, CancellationToken cancellationToken)
    {
        var match = terms.ToMatchExpression();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();

        // Joined to Articles on the state as well: the index only holds published stories, and a story
        // unpublished a moment ago is not shown even if its row were still there.
        const string recent = """
            SELECT rowid AS "Id", bm25("StorySearch", 10.0, 4.0, 1.0) AS "Rank"
            FROM "StorySearch" WHERE "StorySearch" MATCH $match ORDER BY rowid DESC LIMIT $window
            """;
        const string published = """
            JOIN "Articles" AS a ON a."Id" = r."Id"
            WHERE a."State" = $published AND a."PublishedAtUtc" IS NOT NULL
            """;

        int matches;
        await using (var count = Command(connection, $"""SELECT count(*) FROM (SELECT rowid AS "Id" FROM "StorySearch" WHERE "StorySearch" MATCH $match ORDER BY rowid DESC LIMIT $window) AS r {published}""", match))
        {
            count.AddParameter("$window", window + 1);
            matches = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var ids = new List<int>(take);
        await using (var select = Command(connection, $"""SELECT a."Id" FROM ({recent}) AS r {published} ORDER BY r."Rank", a."PublishedAtUtc" DESC, a."Id" DESC LIMIT $take OFFSET $skip""", match))
        {
            select.AddParameter("$window", window);
            select.AddParameter("$take", take);
            select.AddParameter("$skip", skip);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        return new SearchPage(matches, ids);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbCommand Command(DbConnection connection, string sql, string match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("$match", match);
        command.AddParameter("$published", PublishedState);
        return command;
    }
}
