using Editorial.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>Registers the newsroom's database for the provider chosen in Editorial:Database:Provider.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddEditorialDatabase(this IServiceCollection services, EditorialSettings settings)
    {
        if (settings.UsesPostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlEditorialDbContext>(options => UsePostgreSql(options, settings.ConnectionString));
            // Features and Identity ask for the base type; they get the PostgreSQL context behind it.
            services.AddSingleton<IDbContextFactory<EditorialDbContext>>(sp =>
                new BaseContextFactory<PostgreSqlEditorialDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlEditorialDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<EditorialDbContext>(options => options.UseSqlite(settings.ConnectionString));
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>The app's Npgsql options, shared with the tests that run on a real server.</summary>
    public static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<EditorialDbContext>
        where TContext : EditorialDbContext
    {
        public EditorialDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<EditorialDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
