using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// On PostgreSQL several instances may start at once on one (possibly empty) database: each checks "no category,
/// no account, no genre yet?" and seeds. Held around that start-up work, this session-level advisory lock lets one
/// instance seed while the others wait and then find everything there. (Migrations take EF's own migration lock,
/// Npgsql's LOCK TABLE on the history table.)
/// On SQLite, one instance owns the file; nothing is taken.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const string Key = "editorial:startup";

    private readonly EditorialDbContext? _db;

    private StartupLock(EditorialDbContext? db) => _db = db;

    public static async Task<StartupLock> AcquireAsync(IDbContextFactory<EditorialDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return new StartupLock(null);
        }

        // Taken after migrating (the database exists then). The lock belongs to the session: the connection stays
        // open, out of the pool, until it is released; a crashed instance's lock goes with its connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({Key}))", cancellationToken);
        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({Key}))");
        await _db.Database.CloseConnectionAsync();
        await _db.DisposeAsync();
    }
}
