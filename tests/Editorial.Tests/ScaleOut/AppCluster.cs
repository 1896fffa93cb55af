using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Tests.Http;
using Editorial.Tests.PostgreSql;
using Editorial.Tests.TestSupport;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.ScaleOut;

/// <summary>
/// Several app instances in this test process, as several servers would run them: one PostgreSQL database and
/// one media folder shared, and each with its own service provider (its own scheduler, live events, output
/// cache and data folder). Started one after the other, so only the first migrates and makes the demo accounts.
/// </summary>
internal sealed class AppCluster : IAsyncDisposable
{
    private readonly TemporaryFolder media = new();
    private readonly List<InstanceApp> instances = [];

    private AppCluster(PostgresDatabase database) => Database = database;

    public PostgresDatabase Database { get; }

    public string MediaFolder => media.Path;

    public IReadOnlyList<InstanceApp> Instances => instances;

    public static async Task<AppCluster> StartAsync(int count)
    {
        // Empty: the first instance migrates it, as on a first deployment.
        var cluster = new AppCluster(PostgresDatabase.Create(migrate: false));
        for (var i = 0; i < count; i++)
        {
            var instance = new InstanceApp(cluster.Database.ConnectionString, cluster.MediaFolder);
            cluster.instances.Add(instance);
            _ = instance.Server; // starts it
        }

        // Each hears the others from here on.
        await Task.WhenAll(cluster.instances.Select(i => i.Services.GetRequiredService<PostgresInstanceBus>().Listening))
            .WaitAsync(TimeSpan.FromSeconds(30));
        return cluster;
    }

    /// <summary>The demo passwords, printed once by the instance that made the accounts.</summary>
    public string PasswordOf(string userName) => instances[0].PasswordOf(userName);

    /// <summary>A demo account as the services see it once signed in: its id and its role.</summary>
    public async Task<ClaimsPrincipal> PrincipalOfAsync(string userName, string role)
    {
        await using var db = Database.CreateDbContext();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)],
            authenticationType: "Test", ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string IdOf(ClaimsPrincipal user) => AccountIdentity.IdOf(user);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        Database.Dispose();
        media.Dispose();
    }
}

/// <summary>One app instance of an <see cref="AppCluster"/>: the real app on PostgreSQL with the shared media folder.</summary>
internal sealed class InstanceApp : EditorialAppFactory
{
    public InstanceApp(string connectionString, string mediaFolder)
    {
        Settings["Editorial:Database:Provider"] = "PostgreSql";
        Settings["Editorial:Database:ConnectionString"] = connectionString;
        Settings["Editorial:Media:Folder"] = mediaFolder;
    }

    /// <summary>Runs <paramref name="action"/> with this instance's scoped services, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
