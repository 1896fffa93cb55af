using System.Data.Common;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// Keeps the FTS5 table <c>StorySearch</c> (migration PortalSearch) in step with the published stories:
/// one row per published story, rowid = article id, holding the folded title, lead and body text.
/// </summary>
/// <remarks>
/// The workflow calls <see cref="RefreshAsync"/> after every state change and every save of a published
/// story. Database triggers remove a story that leaves Published or is deleted even when nobody calls, and
/// the search query itself only returns published stories; start-up (<see cref="ReconcileAsync"/>) adds
/// what is missing or stale, so a forgotten call costs freshness until the next start, never a leak.
/// </remarks>
public sealed class PortalSearchIndex(IDbContextFactory<EditorialDbContext> contextFactory, ILogger<PortalSearchIndex> logger)
{
    private static readonly string PublishedState = nameof(ArticleState.Published);

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

        var row = new IndexRow(
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
        await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "StorySearch" WHERE rowid NOT IN (SELECT "Id" FROM "Articles" WHERE "State" = {0})""",
            [PublishedState],
            cancellationToken);

        var stale = await db.Database.SqlQueryRaw<int>(
                """
                SELECT a."Id" AS "Value" FROM "Articles" AS a
                LEFT JOIN "StorySearch" AS s ON s.rowid = a."Id"
                WHERE a."State" = {0} AND (s.rowid IS NULL OR s."Version" IS NOT a."Version")
                """,
                PublishedState)
            .ToListAsync(cancellationToken);

        foreach (var chunk in stale.Chunk(200))
        {
            var stories = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id) && a.State == ArticleState.Published)
                .Select(a => new { a.Id, a.Title, a.Lead, a.BodyHtml, a.Version })
                .ToListAsync(cancellationToken);
            var rows = stories.Select(s => new IndexRow(
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

    private static Task RemoveAsync(EditorialDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""DELETE FROM "StorySearch" WHERE rowid = {0}""", [articleId], cancellationToken);

    private static async Task WriteAsync(EditorialDbContext db, IReadOnlyList<IndexRow> rows, CancellationToken cancellationToken)
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

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private sealed record IndexRow(int ArticleId, string Title, string Lead, string Body, int Version);
}
