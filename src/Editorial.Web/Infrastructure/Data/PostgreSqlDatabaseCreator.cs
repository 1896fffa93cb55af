using Npgsql;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// Creates the configured PostgreSQL database, and EF Core's migrations history table in it, before EF first
/// touches them. EF would create both too, but only after logging its failed first connection and its failed read
/// of the history table as errors (npgsql/efcore.pg#3407), which read like faults on every first start.
/// </summary>
public static class PostgreSqlDatabaseCreator
{
    private const string DuplicateDatabase = "42P04"; // another instance starting at the same moment made it first

    // The table exactly as Npgsql's history repository makes it, so EF's own CREATE ... IF NOT EXISTS finds it there.
    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" character varying(150) NOT NULL,
            "ProductVersion" character varying(32) NOT NULL,
            CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
        );
        """;

    public static async Task EnsureCreatedAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseAsync(connectionString, logger, cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand(HistoryTable, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is "23505" or "42P07")
        {
            // Two instances starting together both created it: it is there.
        }
        catch (Exception exception) when (exception is NpgsqlException or PostgresException)
        {
            logger.LogDebug(exception, "Could not create the migrations history table beforehand");
        }
    }

    private static async Task EnsureDatabaseAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", target.Database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }

            var name = target.Database.Replace("\"", "\"\"", StringComparison.Ordinal);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created the PostgreSQL database {Database}", target.Database);
        }
        catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
        {
        }
        catch (Exception exception) when (exception is NpgsqlException or PostgresException)
        {
            // No rights on the maintenance database, or no right to create: the migration below reports what is wrong.
            logger.LogDebug(exception, "Could not check or create the PostgreSQL database {Database} beforehand", target.Database);
        }
    }
}
