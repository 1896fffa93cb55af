using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Editorial.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the provider tests run against: EDITORIAL_TEST_POSTGRES (a connection string to any
/// database the role may connect to, usually "postgres"), else the local default of a developer machine.
/// The role must be allowed to create databases: each test makes its own and drops it.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "EDITORIAL_TEST_POSTGRES";

    public const string LocalDefault = "Host=127.0.0.1;Port=5432;Username=editorial;Password=editorial;Database=postgres";

    private static readonly Lazy<string?> Unreachable = new(Probe);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : LocalDefault;

    /// <summary>Null when the server answers; otherwise why not, for the skip message.</summary>
    public static string? WhyUnreachable => Unreachable.Value;

    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the tests look, without the password.</summary>
    public static string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port} as {builder.Username} ({EnvironmentVariable})";
    }

    /// <summary>A connection string to <paramref name="database"/> on the same server as the same role.</summary>
    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    private static string? Probe()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            return ex.Message;
        }
    }
}

/// <summary>
/// A fact that needs a PostgreSQL server. Skipped, with the reason shown, when none answers on a developer
/// machine; under CI=true it runs regardless, so a missing server fails the build instead of hiding tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresSkip.Reason();
    }
}

/// <summary>The theory form of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        Skip = PostgresSkip.Reason();
    }
}

internal static class PostgresSkip
{
    public static string? Reason()
    {
        if (PostgresServer.InContinuousIntegration || PostgresServer.WhyUnreachable is not { } why)
        {
            return null;
        }

        return $"PostgreSQL not reachable at {PostgresServer.Describe()}: {why}";
    }
}

/// <summary>
/// A new, uniquely named, migrated database on the test server, dropped on dispose. Migrated with the
/// app's own migrations, so every test on it also checks that they run on an empty database.
/// </summary>
internal sealed class PostgresDatabase : IDbContextFactory<EditorialDbContext>, IDisposable
{
    private readonly DbContextOptions<PostgreSqlEditorialDbContext> _options;

    private PostgresDatabase(string name, Action<DbContextOptionsBuilder>? configure)
    {
        Name = name;
        ConnectionString = PostgresServer.For(name);
        var builder = new DbContextOptionsBuilder<PostgreSqlEditorialDbContext>();
        DatabaseRegistration.UsePostgreSql(builder, ConnectionString);
        configure?.Invoke(builder);
        _options = builder.Options;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Creates the database; <paramref name="migrate"/> false leaves it empty. A migrated one is a copy of a template
    /// migrated once per test run (CREATE DATABASE ... TEMPLATE): a copy takes milliseconds, migrating a second.
    /// </summary>
    public static PostgresDatabase Create(bool migrate = true, Action<DbContextOptionsBuilder>? configure = null)
    {
        var name = "editorial_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute(migrate ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"" : $"CREATE DATABASE \"{name}\"");
        return new PostgresDatabase(name, configure);
    }

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string CreateTemplate()
    {
        var name = "editorial_template_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        var template = new PostgresDatabase(name, configure: null);
        using (var db = template.CreateDbContext())
        {
            db.Database.Migrate();
        }

        // A template must have no connections while it is copied: none may wait in the pool.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        admin.Open();
        using var command = admin.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Drop(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public EditorialDbContext CreateDbContext() => new PostgreSqlEditorialDbContext(_options);

    public void Dispose() => Drop(Name);
}
