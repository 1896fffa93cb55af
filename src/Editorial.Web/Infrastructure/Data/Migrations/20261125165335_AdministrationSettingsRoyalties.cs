using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Editorial.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdministrationSettingsRoyalties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Categories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NewsroomSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValueJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsroomSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyGenres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinCoefficient = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    MaxCoefficient = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyGenres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyUnitValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AmountVnd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    EffectiveFromUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyUnitValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryRoyalties",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    GenreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Coefficient = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    AssessedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssessedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryRoyalties", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_StoryRoyalties_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoryRoyalties_RoyaltyGenres_GenreId",
                        column: x => x.GenreId,
                        principalTable: "RoyaltyGenres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoyaltyShares_StoryRoyalties_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "StoryRoyalties",
                        principalColumn: "ArticleId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_ParentId_SortOrder",
                table: "Categories",
                columns: new[] { "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyShares_ArticleId",
                table: "RoyaltyShares",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyShares_UserId",
                table: "RoyaltyShares",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyUnitValues_EffectiveFromUtc",
                table: "RoyaltyUnitValues",
                column: "EffectiveFromUtc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoryRoyalties_GenreId",
                table: "StoryRoyalties",
                column: "GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryRoyalties_PaidAtUtc",
                table: "StoryRoyalties",
                column: "PaidAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsroomSettings");

            migrationBuilder.DropTable(
                name: "RoyaltyShares");

            migrationBuilder.DropTable(
                name: "RoyaltyUnitValues");

            migrationBuilder.DropTable(
                name: "StoryRoyalties");

            migrationBuilder.DropTable(
                name: "RoyaltyGenres");

            migrationBuilder.DropIndex(
                name: "IX_Categories_ParentId_SortOrder",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "IsDisabled",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");
        }
    }
}
