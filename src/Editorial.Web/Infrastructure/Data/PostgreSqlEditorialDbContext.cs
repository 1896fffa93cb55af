using Editorial.Web.Infrastructure.Configuration;
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

/// <summary>
/// dotnet-ef's way to each provider's context. Adding a migration needs no database; <c>dotnet ef database update</c>
/// uses the configured one (appsettings.json, environment, --Editorial:... arguments) when it is of that provider.
/// </summary>
public sealed class PostgreSqlEditorialDbContextDesignFactory : IDesignTimeDbContextFactory<PostgreSqlEditorialDbContext>
{
    public PostgreSqlEditorialDbContext CreateDbContext(string[] args)
    {
        var settings = DesignTimeSettings.Load(args);
        var connectionString = settings?.UsesPostgreSql == true ? settings.ConnectionString : "Host=localhost;Database=editorial_design";
        var options = new DbContextOptionsBuilder<PostgreSqlEditorialDbContext>();
        DatabaseRegistration.UsePostgreSql(options, connectionString);
        return new PostgreSqlEditorialDbContext(options.Options);
    }
}

/// <summary>
/// Without it dotnet-ef would build <see cref="EditorialDbContext"/> with the PostgreSQL factory above (a factory
/// also serves its context's base types): SQLite's migrations must be made by SQLite.
/// </summary>
public sealed class SqliteEditorialDbContextDesignFactory : IDesignTimeDbContextFactory<EditorialDbContext>
{
    public EditorialDbContext CreateDbContext(string[] args)
    {
        var settings = DesignTimeSettings.Load(args);
        var connectionString = settings is { UsesPostgreSql: false } ? settings.ConnectionString : "Data Source=editorial-design.db";
        return new EditorialDbContext(new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite(connectionString).Options);
    }
}

internal static class DesignTimeSettings
{
    /// <summary>The app's settings as it would start with them, or null when they do not validate.</summary>
    public static EditorialSettings? Load(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            var root = builder.AddTopLevelSettings();
            return EditorialSettings.Load(builder.Configuration, root);
        }
        catch (StartupConfigurationException)
        {
            return null;
        }
    }
}
