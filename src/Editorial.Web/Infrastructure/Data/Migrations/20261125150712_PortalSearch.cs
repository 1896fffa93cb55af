using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Editorial.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The public portal's search index: an SQLite FTS5 table of published stories, one row per story
    /// (rowid = Articles.Id) holding FOLDED text (no diacritics, lower case: VietnameseText.Fold), so
    /// "dong chi thao hong son" and "Thào Hồng Sơn" find the same words. The text is written by
    /// PortalSearchIndex (C#: folding and HTML-to-text are not SQL); the triggers only take rows out, so a
    /// story that leaves Published or is deleted can never be found, whatever code forgot to call it.
    /// </summary>
    public partial class PortalSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return; // FTS5 is SQLite's; another provider brings its own full-text index.
            }

            // Version is the Articles.Version indexed, so start-up can find stale rows.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "StorySearch" USING fts5(
                    "Title", "Lead", "Body", "Version" UNINDEXED,
                    tokenize = 'unicode61'
                );
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "StorySearch_LeavesPublished" AFTER UPDATE OF "State" ON "Articles"
                WHEN NEW."State" <> 'Published'
                BEGIN
                    DELETE FROM "StorySearch" WHERE rowid = NEW."Id";
                END;
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "StorySearch_ArticleDeleted" AFTER DELETE ON "Articles"
                BEGIN
                    DELETE FROM "StorySearch" WHERE rowid = OLD."Id";
                END;
                """);

            // Category pages and "Tin khác": newest published stories of one category.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Articles_Portal_Category" ON "Articles" ("CategoryId", "State", "PublishedAtUtc");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_Portal_Category";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "StorySearch_ArticleDeleted";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "StorySearch_LeavesPublished";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "StorySearch";""");
        }
    }
}
