using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Editorial.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowReviewNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArticleId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromState",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToState",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditingById",
                table: "Articles",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EditingSinceUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EditingUntilUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAtUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    ArticleTitle = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoryComments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ArticleId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ArticleId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "UserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_State_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "State", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_State_ScheduledForUtc",
                table: "Articles",
                columns: new[] { "State", "ScheduledForUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_State_SubmittedAtUtc",
                table: "Articles",
                columns: new[] { "State", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_ReadAtUtc_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "RecipientId", "ReadAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StoryComments_ArticleId_AtUtc",
                table: "StoryComments",
                columns: new[] { "ArticleId", "AtUtc" });

            // The audit trail is append-only in the database itself, not only in the application.
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
                migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "StoryComments");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ArticleId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Articles_State_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_State_ScheduledForUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_State_SubmittedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ArticleId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "FromState",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ToState",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "EditingById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "EditingSinceUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "EditingUntilUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "Articles");
        }
    }
}
