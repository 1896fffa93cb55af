using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// The newsroom's model on PostgreSQL. A type of its own only so that its migrations (Migrations/PostgreSql,
/// generated with <c>dotnet ef migrations add X --context PostgreSqlEditorialDbContext
/// --output-dir Infrastructure/Data/Migrations/PostgreSql</c>) are kept apart from SQLite's; features inject
/// <see cref="EditorialDbContext"/> and never see the difference.
/// </summary>
public sealed class PostgreSqlEditorialDbContext(DbContextOptions<PostgreSqlEditorialDbContext> options)
    : EditorialDbContext(options);

/// <summary>Lets dotnet-ef build the PostgreSQL model without a server or the app's configuration.</summary>
public sealed class PostgreSqlEditorialDbContextDesignFactory : IDesignTimeDbContextFactory<PostgreSqlEditorialDbContext>
{
    public PostgreSqlEditorialDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlEditorialDbContext>()
            .UseNpgsql("Host=localhost;Database=editorial_design")
            .Options);
}

/// <summary>
/// dotnet-ef would otherwise build <see cref="EditorialDbContext"/> with the PostgreSQL factory above (a factory also
/// serves its context's base types): SQLite's migrations must be made by SQLite. No file is opened to add one.
/// </summary>
public sealed class SqliteEditorialDbContextDesignFactory : IDesignTimeDbContextFactory<EditorialDbContext>
{
    public EditorialDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EditorialDbContext>()
            .UseSqlite("Data Source=editorial-design.db")
            .Options);
}
