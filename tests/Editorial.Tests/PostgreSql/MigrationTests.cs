using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Editorial.Tests.PostgreSql;

/// <summary>Both providers' migrations describe the model, and PostgreSQL's build a working schema.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new EditorialDbContext(new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add X --context EditorialDbContext");
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        // No server needed: the model is compared with the migrations' snapshot.
        var options = new DbContextOptionsBuilder<PostgreSqlEditorialDbContext>();
        DatabaseRegistration.UsePostgreSql(options, "Host=localhost;Database=unused");
        using var db = new PostgreSqlEditorialDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: dotnet ef migrations add X --context PostgreSqlEditorialDbContext --output-dir Infrastructure/Data/Migrations/PostgreSql");
    }

    [Fact]
    public void Both_providers_have_a_migration_for_every_model_change()
    {
        // Kept in step: the same tables on both (PostgreSQL starts from one initial migration, so compare models).
        using var sqlite = new EditorialDbContext(new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite("Data Source=:memory:").Options);
        var options = new DbContextOptionsBuilder<PostgreSqlEditorialDbContext>();
        DatabaseRegistration.UsePostgreSql(options, "Host=localhost;Database=unused");
        using var postgres = new PostgreSqlEditorialDbContext(options.Options);

        static string[] Tables(DbContext db) => db.Model.GetEntityTypes().Select(e => $"{e.GetTableName()}({string.Join(",", e.GetProperties().Select(p => p.GetColumnName()).Order())})").Order().ToArray();

        Assert.Equal(Tables(sqlite), Tables(postgres));
    }

    [PostgresFact]
    public async Task An_empty_PostgreSql_database_is_migrated_to_the_current_model()
    {
        using var database = PostgresDatabase.Create(migrate: false);
        await using (var db = database.CreateDbContext())
        {
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name IN ('Articles', 'AuditEntries', 'AspNetUsers', 'DataProtectionKeys', 'StorySearch')
            """;
        Assert.Equal(5L, await command.ExecuteScalarAsync());

        command.CommandText = """SELECT data_type FROM information_schema.columns WHERE table_name = 'Articles' AND column_name = 'PublishedAtUtc'""";
        Assert.Equal("timestamp with time zone", await command.ExecuteScalarAsync());
    }
}
