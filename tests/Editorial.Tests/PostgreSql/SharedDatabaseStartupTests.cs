using Editorial.Tests.Http;
using Editorial.Tests.Portal;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.PostgreSql;

/// <summary>Several instances on one PostgreSQL database: starting together, refreshing the index together.</summary>
public sealed class SharedDatabaseStartupTests
{
    [PostgresFact]
    public async Task Two_instances_starting_together_on_an_empty_database_seed_everything_once()
    {
        using var database = PostgresDatabase.Create(migrate: false);
        using var first = OnPostgreSql(database);
        using var second = OnPostgreSql(database);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        // The demo accounts are made, and their passwords printed, by one of the two.
        Assert.Equal(3, first.BootstrapConsole.Accounts.Count + second.BootstrapConsole.Accounts.Count);
        await using var scope = first.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        Assert.Equal(3, await db.Users.CountAsync());
        Assert.Equal(4, await db.Categories.CountAsync());
        Assert.Equal(6, await db.RoyaltyGenres.CountAsync());
        Assert.Equal(1, await db.RoyaltyUnitValues.CountAsync());
        Assert.Equal(6, await db.Articles.CountAsync());
        Assert.Equal(6, await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "StorySearch" """).SingleAsync());
    }

    [PostgresFact]
    public async Task Refreshing_one_story_many_times_at_once_keeps_one_row_with_the_newest_text()
    {
        using var portal = new PortalDatabase(postgres: true);
        var id = portal.Add("Hội nghị trực tuyến sơ kết quý I");
        portal.Edit(id, "Hội nghị trực tuyến sơ kết quý I", "<p>Lũng Cú</p>");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => portal.Index.RefreshAsync(id))));

        Assert.Equal([id], portal.IndexedIds());
        Assert.Equal([id], (await portal.Search.SearchAsync("lung cu", 1)).Hits.Select(h => h.Id));
    }

    private static EditorialAppFactory OnPostgreSql(PostgresDatabase database)
    {
        var app = new EditorialAppFactory();
        app.Settings["Editorial:Database:Provider"] = "PostgreSql";
        app.Settings["Editorial:Database:ConnectionString"] = database.ConnectionString;
        return app;
    }
}
