using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>Creates and migrates the database on start, then seeds what a fresh newsroom needs.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<EditorialDbContext> contextFactory,
    EditorialSettings settings,
    AccountBootstrapper accounts,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Sections a new portal starts with; administrators rename or add later.</summary>
    private static readonly (string Name, string Slug)[] StarterCategories =
    [
        ("Hoạt động của tỉnh", "hoat-dong-cua-tinh"),
        ("Tin tức - Sự kiện", "tin-tuc-su-kien"),
        ("Kinh tế", "kinh-te"),
        ("Văn hóa - Xã hội", "van-hoa-xa-hoi"),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.DataFolder); // media live here on every provider

        if (settings.UsesPostgreSql)
        {
            await PostgreSqlDatabaseCreator.EnsureCreatedAsync(settings.ConnectionString, logger, cancellationToken);
        }

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers of the public pages go on while an editor saves.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.CloseConnectionAsync();
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        // Another instance starting on the same PostgreSQL database seeds after this one, and finds it done.
        await using (await StartupLock.AcquireAsync(contextFactory, cancellationToken))
        {
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                await SeedCategoriesAsync(db, cancellationToken);

                var imported = await FileKeyImport.ImportOnceAsync(db, Path.Combine(settings.DataFolder, "keys"), cancellationToken);
                if (imported > 0)
                {
                    logger.LogInformation("Data-protection keys: {Count} copied from {Folder} into the database", imported, Path.Combine(settings.DataFolder, "keys"));
                }
            }

            await accounts.EnsureRolesAsync();
            await accounts.EnsureBootstrapAccountsAsync();
        }
        logger.LogInformation("Database ready ({Provider}), data folder {DataFolder}", settings.UsesPostgreSql ? "PostgreSQL" : "SQLite", settings.DataFolder);
    }

    private async Task SeedCategoriesAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var (name, slug) in StarterCategories)
        {
            db.Categories.Add(new Category { Name = name, Slug = slug, SortOrder = ++order });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
