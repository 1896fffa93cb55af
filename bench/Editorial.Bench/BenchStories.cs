using System.Globalization;
using System.Text;
using Editorial.Core.Text;
using Microsoft.Data.Sqlite;

namespace Editorial.Bench;

/// <summary>
/// The stories the bench adds besides the published ones: a review queue with stories waiting (kept in the data
/// folder, topped up to the same number every run) and the scheduler's 1,000 stories due in one minute (in a
/// hidden category of their own, deleted before the app starts, so counts and slugs of the rest stay stable).
/// </summary>
internal static class BenchStories
{
    public const int ReviewQueueSize = 200;
    public const string ReviewSlugPrefix = "bench-cho-duyet-";
    public const string SchedulerCategorySlug = "bench-lich-xuat-ban";

    /// <summary>Brings the stories "InReview" made by the bench to <see cref="ReviewQueueSize"/>; returns how many it added.</summary>
    public static int TopUpReviewQueue(string databasePath)
    {
        using var connection = Open(databasePath);
        var existing = Convert.ToInt32(Scalar(connection, $"""SELECT COUNT(*) FROM "Articles" WHERE "Slug" LIKE '{ReviewSlugPrefix}%'"""), CultureInfo.InvariantCulture);
        if (existing >= ReviewQueueSize)
        {
            return 0;
        }

        // Every account the seed made writes some (the demo has one reporter; editors write too), in every visible category.
        var authors = Column(connection, """SELECT "Id" FROM "AspNetUsers" ORDER BY "UserName" """);
        var categories = Column(connection, """SELECT "Id" FROM "Categories" WHERE "IsHidden" = 0 ORDER BY "Id" """);
        var random = new Random(20170421 + existing);
        var text = new StringBuilder(4096);
        var submittedFrom = DateTimeOffset.UtcNow.AddDays(-3);
        using var transaction = connection.BeginTransaction();
        for (var i = existing; i < ReviewQueueSize; i++)
        {
            var submitted = submittedFrom.AddMinutes(i * 20);
            var title = StoryGenerator.Title(random, submitted.ToOffset(TimeSpan.FromHours(7)));
            Insert(
                connection,
                transaction,
                title,
                ReviewSlugPrefix + (i + 1).ToString(CultureInfo.InvariantCulture),
                "InReview",
                long.Parse(categories[i % categories.Count], CultureInfo.InvariantCulture),
                StoryGenerator.Lead(random, submitted.ToOffset(TimeSpan.FromHours(7))),
                StoryGenerator.Body(random, text),
                StoryGenerator.Name(random),
                authors[i % authors.Count],
                submitted.AddHours(-2),
                submitted,
                submittedAt: submitted,
                scheduledFor: null);
        }

        transaction.Commit();
        return ReviewQueueSize - existing;
    }

    /// <summary>Deletes the scheduler measurement's stories of an earlier run (their audit entries stay: the trail is append-only).</summary>
    public static int DeleteSchedulerStories(string databasePath)
    {
        using var connection = Open(databasePath);
        using var transaction = connection.BeginTransaction();
        var ids = $"""SELECT a."Id" FROM "Articles" a JOIN "Categories" c ON c."Id" = a."CategoryId" WHERE c."Slug" = '{SchedulerCategorySlug}'""";
        Exec(connection, transaction, $"""DELETE FROM "Notifications" WHERE "ArticleId" IN ({ids})""");
        Exec(connection, transaction, $"""DELETE FROM "ArticleRevisions" WHERE "ArticleId" IN ({ids})""");
        Exec(connection, transaction, $"""DELETE FROM "StoryComments" WHERE "ArticleId" IN ({ids})""");
        var deleted = Exec(connection, transaction, $"""DELETE FROM "Articles" WHERE "Id" IN ({ids})""");
        transaction.Commit();
        return deleted;
    }

    /// <summary>
    /// Inserts <paramref name="count"/> stories "Scheduled" into the running app's database, due from
    /// <paramref name="firstDue"/> at equal steps over <paramref name="spread"/>; returns their ids.
    /// </summary>
    public static List<long> InsertScheduled(string databasePath, int count, DateTimeOffset firstDue, TimeSpan spread)
    {
        using var connection = Open(databasePath);
        Exec(connection, null, "PRAGMA busy_timeout = 10000");
        Exec(connection, null, $"""
            INSERT INTO "Categories" ("Name", "Slug", "SortOrder", "IsHidden")
            SELECT 'Bench: lịch xuất bản', '{SchedulerCategorySlug}', 999, 1
            WHERE NOT EXISTS (SELECT 1 FROM "Categories" WHERE "Slug" = '{SchedulerCategorySlug}')
            """);
        var category = Convert.ToInt64(Scalar(connection, $"""SELECT "Id" FROM "Categories" WHERE "Slug" = '{SchedulerCategorySlug}'"""), CultureInfo.InvariantCulture);
        var author = Column(connection, """SELECT "Id" FROM "AspNetUsers" ORDER BY "UserName" """)[0];
        var random = new Random(20170422);
        var text = new StringBuilder(4096);
        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var ids = new List<long>(count);
        using var transaction = connection.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            var due = firstDue + spread * i / count;
            var title = StoryGenerator.Title(random, due.ToOffset(TimeSpan.FromHours(7)));
            ids.Add(Insert(
                connection,
                transaction,
                title,
                $"bench-lich-{run}-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
                "Scheduled",
                category,
                StoryGenerator.Lead(random, due.ToOffset(TimeSpan.FromHours(7))),
                StoryGenerator.Body(random, text),
                StoryGenerator.Name(random),
                author,
                DateTimeOffset.UtcNow.AddHours(-1),
                DateTimeOffset.UtcNow,
                submittedAt: DateTimeOffset.UtcNow.AddMinutes(-30),
                scheduledFor: due));
        }

        transaction.Commit();
        return ids;
    }

    /// <summary>For each story: its scheduled time, and the times of its transitions to Published in the audit trail.</summary>
    public static List<(long Id, DateTimeOffset Due, List<DateTimeOffset> Published)> SchedulerOutcome(string databasePath, IReadOnlyList<long> ids)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a."Id", a."ScheduledForUtc", e."AtUtc"
            FROM "Articles" a LEFT JOIN "AuditEntries" e ON e."ArticleId" = a."Id" AND e."ToState" = 'Published'
            WHERE a."Id" IN ({string.Join(',', ids)})
            ORDER BY a."Id"
            """;
        var rows = new Dictionary<long, (DateTimeOffset Due, List<DateTimeOffset> Published)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!rows.TryGetValue(id, out var row))
            {
                row = (new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), []);
                rows[id] = row;
            }

            if (!reader.IsDBNull(2))
            {
                row.Published.Add(new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
            }
        }

        return rows.Select(r => (r.Key, r.Value.Due, r.Value.Published)).ToList();
    }

    private static long Insert(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string title,
        string slug,
        string state,
        long category,
        string lead,
        string body,
        string byline,
        string author,
        DateTimeOffset created,
        DateTimeOffset updated,
        DateTimeOffset? submittedAt,
        DateTimeOffset? scheduledFor)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // Times as UTC ticks, as the app's DateTimeOffsetToUtcTicksConverter stores them on SQLite.
        insert.CommandText = """
            INSERT INTO "Articles" ("Title", "TitleFolded", "Slug", "Kind", "State", "CategoryId", "Lead", "BodyHtml",
                "FeaturedImageCaption", "Byline", "Tags", "CreatedById", "CreatedAtUtc", "UpdatedById", "UpdatedAtUtc", "Version",
                "SubmittedAtUtc", "ScheduledForUtc")
            VALUES ($title, $titleFolded, $slug, 'Plain', $state, $category, $lead, $body, '', $byline, '[]', $author, $created, $author,
                $updated, 1, $submitted, $scheduled);
            SELECT last_insert_rowid();
            """;
        insert.Parameters.AddWithValue("$title", title);
        insert.Parameters.AddWithValue("$titleFolded", VietnameseText.Fold(title));
        insert.Parameters.AddWithValue("$slug", slug);
        insert.Parameters.AddWithValue("$state", state);
        insert.Parameters.AddWithValue("$category", category);
        insert.Parameters.AddWithValue("$lead", lead);
        insert.Parameters.AddWithValue("$body", body);
        insert.Parameters.AddWithValue("$byline", byline);
        insert.Parameters.AddWithValue("$author", author);
        insert.Parameters.AddWithValue("$created", created.UtcTicks);
        insert.Parameters.AddWithValue("$updated", updated.UtcTicks);
        insert.Parameters.AddWithValue("$submitted", submittedAt is { } s ? s.UtcTicks : DBNull.Value);
        insert.Parameters.AddWithValue("$scheduled", scheduledFor is { } d ? d.UtcTicks : DBNull.Value);
        return Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The first column of every row, as invariant text.</summary>
    internal static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static int Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
