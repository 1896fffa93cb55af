using Editorial.Core.Articles;
using Editorial.Tests.Administration;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Http;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Portal.Stories;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Portal;

/// <summary>
/// The navigation and "Tin khác" lists kept in memory by <see cref="PortalCache"/>: the same lists as the database
/// gives, kept until an eviction, and changed at once by the events that evict the public pages.
/// </summary>
public sealed class PortalListCacheTests : IDisposable
{
    private readonly PortalDatabase _db = new();
    private readonly PortalCache _cache = new(new CountingOutputCacheStore());

    public void Dispose() => _db.Dispose();

    private PortalStories Cached => new(_db, _cache);

    private int AddAt(string title, int minutes) => _db.Add(title, publishedAt: PortalDatabase.SeedTime.AddMinutes(minutes));

    [Fact]
    public async Task OtherStories_AreTheDatabasesFiveNewestOthers_WhicheverStoryIsOpen()
    {
        var ids = Enumerable.Range(1, 8).Select(i => AddAt($"Tin số {i}", i)).ToList();
        var cached = Cached;

        foreach (var id in ids)
        {
            var fromMemory = await cached.OthersAsync(id, _db.Province);
            var fromDatabase = await _db.Stories.OthersAsync(id, _db.Province);

            Assert.Equal(fromDatabase.Select(s => s.Id), fromMemory.Select(s => s.Id));
            Assert.Equal(PortalStories.OtherStoriesCount, fromMemory.Count);
            Assert.DoesNotContain(fromMemory, s => s.Id == id);
        }
    }

    [Fact]
    public async Task APublishedStory_JoinsOtherStories_OnEviction_AndNotBefore()
    {
        var open = AddAt("Tin đang đọc", 1);
        var older = AddAt("Tin cũ hơn", 2);
        var cached = Cached;
        Assert.Equal([older], (await cached.OthersAsync(open, _db.Province)).Select(s => s.Id));

        var published = AddAt("Tin vừa xuất bản", 3);
        Assert.Equal([older], (await cached.OthersAsync(open, _db.Province)).Select(s => s.Id)); // kept in memory

        await _cache.EvictAsync();
        Assert.Equal([published, older], (await cached.OthersAsync(open, _db.Province)).Select(s => s.Id));
    }

    [Fact]
    public async Task AnUnpublishedStory_LeavesOtherStories_OnEviction()
    {
        var open = AddAt("Tin đang đọc", 1);
        var gone = AddAt("Tin sẽ bị gỡ", 2);
        var cached = Cached;
        Assert.Equal([gone], (await cached.OthersAsync(open, _db.Province)).Select(s => s.Id));

        _db.SetState(gone, ArticleState.Unpublished);
        await _cache.EvictAsync();

        Assert.Empty(await cached.OthersAsync(open, _db.Province));
    }

    [Fact]
    public async Task WithoutACache_EveryCallReadsTheDatabase()
    {
        var open = AddAt("Tin đang đọc", 1);
        Assert.Empty(await _db.Stories.OthersAsync(open, _db.Province));

        var added = AddAt("Tin mới", 2);

        Assert.Equal([added], (await _db.Stories.OthersAsync(open, _db.Province)).Select(s => s.Id));
    }
}

/// <summary>A category renamed or hidden by an administrator changes the navigation and slug lookups at once.</summary>
public sealed class PortalCategoryCacheTests : IDisposable
{
    private readonly StoryDatabase _db = StoryDatabase.InMemory();
    private readonly PortalCache _cache = new(new CountingOutputCacheStore());
    private readonly CategoryCatalog _catalog;
    private readonly PortalStories _portal;

    public PortalCategoryCacheTests()
    {
        _catalog = new CategoryCatalog(_db, _db.Audit, _cache);
        _portal = new PortalStories(_db, _cache);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ARenamedCategory_ShowsItsNewNameAndSlug_AtOnce()
    {
        var before = (await _portal.CategoriesAsync()).Single(c => c.Id == _db.EconomyNews);
        Assert.NotNull(await _portal.CategoryBySlugAsync(before.Slug));

        var result = await _catalog.RenameAsync(Person.Minh.Principal, _db.EconomyNews, "Kinh tế - Đầu tư", "kinh-te-dau-tu");
        Assert.True(result.Succeeded, result.ErrorKey);

        var after = (await _portal.CategoriesAsync()).Single(c => c.Id == _db.EconomyNews);
        Assert.Equal("Kinh tế - Đầu tư", after.Name);
        Assert.Equal("kinh-te-dau-tu", after.Slug);
        Assert.Equal(_db.EconomyNews, (await _portal.CategoryBySlugAsync("kinh-te-dau-tu"))?.Id);
        Assert.Null(await _portal.CategoryBySlugAsync(before.Slug));
    }

    [Fact]
    public async Task ACategoryRenamedBehindTheAppsBack_IsKeptUntilAnEviction()
    {
        Assert.Contains(await _portal.CategoriesAsync(), c => c.Id == _db.EconomyNews);
        using (var db = _db.CreateDbContext())
        {
            db.Categories.Where(c => c.Id == _db.EconomyNews).ExecuteUpdate(s => s.SetProperty(c => c.Name, "Tên sửa tay"));
        }

        Assert.DoesNotContain(await _portal.CategoriesAsync(), c => c.Name == "Tên sửa tay"); // from memory

        await _cache.EvictAsync();
        Assert.Contains(await _portal.CategoriesAsync(), c => c.Name == "Tên sửa tay");
    }

    [Fact]
    public async Task AHiddenCategory_LeavesTheNavigation_AtOnce()
    {
        Assert.Contains(await _portal.CategoriesAsync(), c => c.Id == _db.EconomyNews);

        Assert.True((await _catalog.SetHiddenAsync(Person.Minh.Principal, _db.EconomyNews, true)).Succeeded);

        Assert.DoesNotContain(await _portal.CategoriesAsync(), c => c.Id == _db.EconomyNews);
    }
}

/// <summary>Over HTTP: what the workflow tells its listeners after a publication shows under "Tin khác" at once.</summary>
public sealed class PortalListCacheHttpTests(EditorialAppFactory app) : IClassFixture<EditorialAppFactory>
{
    private async Task TellListenersAsync(int id)
    {
        foreach (var listener in app.Services.GetServices<IPublicStoryListener>())
        {
            await listener.StoryChangedAsync(id, CancellationToken.None);
        }
    }

    [Fact]
    public async Task AStoryPublishedThenUnpublished_ShowsUnderItsNeighboursOtherStories_AtOnce()
    {
        const string open = "Tin đang mở để đọc tin khác";
        const string added = "Tin vừa lên cổng trong cùng chuyên mục";
        await app.AddStoryAsync(open, publishedAtUtc: DateTimeOffset.UtcNow.AddMinutes(-10));
        await app.EvictAsync();
        using var browser = Browser.Open(app);
        Assert.DoesNotContain(added, await browser.GetPageAsync("/tin/" + PortalHttp.SlugFor(open)), StringComparison.Ordinal);

        var id = await app.AddStoryAsync(added);
        await TellListenersAsync(id);
        Assert.Contains(added, await browser.GetPageAsync("/tin/" + PortalHttp.SlugFor(open)), StringComparison.Ordinal);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync())
        {
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ArticleState.Unpublished));
        }

        await TellListenersAsync(id);
        Assert.DoesNotContain(added, await browser.GetPageAsync("/tin/" + PortalHttp.SlugFor(open)), StringComparison.Ordinal);
    }
}
