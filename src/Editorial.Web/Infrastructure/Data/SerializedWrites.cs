using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// Transactions that read, check a rule over several rows, then write ("never zero administrators", "a unit value
/// a paid story used stays"): no row or constraint can guard such a rule, so two of them must not run side by side.
/// SQLite gives that for free: Microsoft.Data.Sqlite begins every transaction IMMEDIATE, one writer at a time.
/// PostgreSQL runs them concurrently under READ COMMITTED; a transaction-scoped advisory lock per concern
/// serialises exactly these transactions (other writers and all readers go on), and is released at commit or rollback.
/// </summary>
public static class SerializedWrites
{
    public const string Accounts = "editorial:accounts";

    public const string Royalties = "editorial:royalties";

    public static async Task<IDbContextTransaction> BeginSerializedTransactionAsync(
        this DatabaseFacade database, string concern, CancellationToken cancellationToken = default)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({concern}))", cancellationToken);
        }

        return transaction;
    }
}
