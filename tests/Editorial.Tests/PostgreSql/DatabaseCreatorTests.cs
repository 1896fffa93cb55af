using Editorial.Web.Infrastructure.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Editorial.Tests.PostgreSql;

/// <summary>A first start on a database that does not exist yet makes it before EF connects (no logged connection failure).</summary>
public sealed class DatabaseCreatorTests
{
    [PostgresFact]
    public async Task Creates_a_missing_database_once_even_when_two_instances_start_together()
    {
        var name = "editorial_test_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = PostgresServer.For(name);
        try
        {
            Assert.False(Exists(name));

            await Task.WhenAll(
                PostgreSqlDatabaseCreator.EnsureCreatedAsync(connectionString, NullLogger.Instance),
                PostgreSqlDatabaseCreator.EnsureCreatedAsync(connectionString, NullLogger.Instance));
            await PostgreSqlDatabaseCreator.EnsureCreatedAsync(connectionString, NullLogger.Instance);

            Assert.True(Exists(name));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var history = new NpgsqlCommand("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """, connection);
            Assert.Equal(0L, await history.ExecuteScalarAsync()); // there, empty: EF's first read of it does not fail
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static bool Exists(string name)
    {
        using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
