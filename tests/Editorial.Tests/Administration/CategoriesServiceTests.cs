using System.Text.RegularExpressions;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Portal;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Administration;

/// <summary>Counts evictions of the public pages instead of keeping any.</summary>
internal sealed class CountingOutputCacheStore : IOutputCacheStore
{
    public int Evictions { get; private set; }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        Assert.Equal(PortalCache.Tag, tag);
        Evictions++;
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The category service over a seeded SQLite database: "Hoạt động của tỉnh" (1) and "Tin kinh tế" (2).</summary>
public sealed class CategoriesServiceTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly CountingOutputCacheStore store = new();
    private readonly CategoryCatalog catalog;

    public CategoriesServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal CategoriesServiceTests(StoryDatabase database)
    {
        db = database;
        catalog = new CategoryCatalog(db, db.Audit, new PortalCache(store));
    }

    public void Dispose() => db.Dispose();

    private static System.Security.Claims.ClaimsPrincipal Admin => Person.Minh.Principal;

    private async Task<int> CreateAsync(string name, string? slug = null, int? parent = null)
    {
        var result = await catalog.CreateAsync(Admin, new CategoryInput(name, slug, parent), "10.0.0.7");
        Assert.True(result.Succeeded, result.ErrorKey);
        return result.Id!.Value;
    }

    private List<AuditEntry> Audit()
    {
        using var context = db.CreateDbContext();
        return context.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToList();
    }

    [Fact]
    public async Task Create_MakesTheSlugFromTheVietnameseName_PutsItLast_AuditsAndEvicts()
    {
        var id = await CreateAsync("  Văn hóa -  Xã hội ");

        var rows = await catalog.ListAsync();
        Assert.Equal(["Hoạt động của tỉnh", "Tin kinh tế", "Văn hóa - Xã hội"], rows.Select(r => r.Name));
        var row = rows.Single(r => r.Id == id);
        Assert.Equal("van-hoa-xa-hoi", row.Slug);
        Assert.Equal(3, row.SortOrder);
        var entry = Assert.Single(Audit());
        Assert.Equal(AuditActions.CategoryCreated, entry.Action);
        Assert.Equal(Person.Minh.Id, entry.UserName);
        Assert.Equal(Person.Minh.Id, entry.UserId);
        Assert.Equal("10.0.0.7", entry.ClientAddress);
        Assert.Contains("Văn hóa - Xã hội", entry.Details);
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public async Task TypedSlug_IsMadeUrlSafe_AndATakenSlugIsRefusedInVietnamese_ChangingNothing()
    {
        var id = await CreateAsync("Giáo dục", "Giáo Dục & Đào tạo!");
        Assert.Equal("giao-duc-dao-tao", (await catalog.ListAsync()).Single(r => r.Id == id).Slug);
        var before = (await catalog.ListAsync()).Count;

        var taken = await catalog.CreateAsync(Admin, new CategoryInput("Tin kinh tế mới", "tin-kinh-te", null));
        var renamed = await catalog.RenameAsync(Admin, id, "Giáo dục", "tin kinh tế");

        Assert.False(taken.Succeeded);
        Assert.Equal("Categories.Error.SlugTaken", taken.ErrorKey);
        Assert.Equal(["tin-kinh-te"], taken.Arguments);
        Assert.Equal("Categories.Error.SlugTaken", renamed.ErrorKey);
        Assert.Equal(before, (await catalog.ListAsync()).Count);
        Assert.Equal("giao-duc-dao-tao", (await catalog.ListAsync()).Single(r => r.Id == id).Slug);
        Assert.Single(Audit()); // only the creation
    }

    [Theory]
    [InlineData("", null, "Categories.Error.NameRequired")]
    [InlineData("   ", "abc", "Categories.Error.NameRequired")]
    [InlineData("!!!", null, "Categories.Error.SlugEmpty")]
    [InlineData("Tên", "---", "Categories.Error.SlugEmpty")]
    public async Task BadInput_IsRefused(string name, string? slug, string error)
    {
        var result = await catalog.CreateAsync(Admin, new CategoryInput(name, slug, null));

        Assert.Equal(error, result.ErrorKey);
        Assert.Equal(2, (await catalog.ListAsync()).Count);
        Assert.Equal(0, store.Evictions);
    }

    [Fact]
    public async Task TooLongName_IsRefused()
    {
        var result = await catalog.CreateAsync(Admin, new CategoryInput(new string('a', CategoryCatalog.NameMaxLength + 1), null, null));

        Assert.Equal("Categories.Error.NameTooLong", result.ErrorKey);
    }

    [Fact]
    public async Task Rename_ChangesNameAndSlug_AndIsAudited()
    {
        var result = await catalog.RenameAsync(Admin, db.EconomyNews, "Kinh tế - Đầu tư", "");

        Assert.True(result.Succeeded);
        var row = (await catalog.ListAsync()).Single(r => r.Id == db.EconomyNews);
        Assert.Equal(("Kinh tế - Đầu tư", "kinh-te-dau-tu"), (row.Name, row.Slug));
        Assert.Equal(AuditActions.CategoryRenamed, Assert.Single(Audit()).Action);
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public async Task OneLevelOfNesting_ChildrenFollowTheirParent_AndDeeperNestingIsRefused()
    {
        var child = await CreateAsync("Nông nghiệp", parent: db.EconomyNews);
        var top = await CreateAsync("Thể thao");

        var rows = await catalog.ListAsync();
        Assert.Equal(["Hoạt động của tỉnh", "Tin kinh tế", "Nông nghiệp", "Thể thao"], rows.Select(r => r.Name));
        Assert.Equal(db.EconomyNews, rows.Single(r => r.Id == child).ParentId);
        Assert.Equal(1, rows.Single(r => r.Id == db.EconomyNews).ChildCount);

        // A sub-category cannot be a parent…
        var underChild = await catalog.CreateAsync(Admin, new CategoryInput("Lâm nghiệp", null, child));
        var moveUnderChild = await catalog.SetParentAsync(Admin, top, child);
        // …and a parent cannot become a sub-category…
        var parentUnder = await catalog.SetParentAsync(Admin, db.EconomyNews, db.ProvinceNews);
        // …nor can a category be its own parent.
        var own = await catalog.SetParentAsync(Admin, top, top);

        Assert.Equal("Categories.Error.ParentIsChild", underChild.ErrorKey);
        Assert.Equal("Categories.Error.ParentIsChild", moveUnderChild.ErrorKey);
        Assert.Equal("Categories.Error.HasChildrenCannotNest", parentUnder.ErrorKey);
        Assert.Equal("Categories.Error.OwnParent", own.ErrorKey);
        Assert.Equal(rows, await catalog.ListAsync());

        // Moving a top-level category under a parent is allowed, and back again.
        Assert.True((await catalog.SetParentAsync(Admin, top, db.ProvinceNews)).Succeeded);
        Assert.Equal(["Hoạt động của tỉnh", "Thể thao", "Tin kinh tế", "Nông nghiệp"], (await catalog.ListAsync()).Select(r => r.Name));
        Assert.True((await catalog.SetParentAsync(Admin, top, null)).Succeeded);
        Assert.Null((await catalog.ListAsync()).Single(r => r.Id == top).ParentId);
        Assert.Equal(2, Audit().Count(e => e.Action == AuditActions.CategoryMoved));
    }

    [Fact]
    public async Task MoveUpAndDown_SwapsWithTheNeighbourAmongSiblingsOnly()
    {
        var sports = await CreateAsync("Thể thao");
        var child1 = await CreateAsync("Bóng đá", parent: sports);
        var child2 = await CreateAsync("Điền kinh", parent: sports);

        Assert.True((await catalog.MoveAsync(Admin, sports, CategoryMove.Up)).Succeeded);
        Assert.Equal(["Hoạt động của tỉnh", "Thể thao", "Bóng đá", "Điền kinh", "Tin kinh tế"], (await catalog.ListAsync()).Select(r => r.Name));

        Assert.True((await catalog.MoveAsync(Admin, child2, CategoryMove.Up)).Succeeded);
        Assert.Equal(["Hoạt động của tỉnh", "Thể thao", "Điền kinh", "Bóng đá", "Tin kinh tế"], (await catalog.ListAsync()).Select(r => r.Name));

        // Already first among its siblings: nothing changes and nothing is audited.
        var audited = Audit().Count;
        Assert.True((await catalog.MoveAsync(Admin, child2, CategoryMove.Up)).Succeeded);
        Assert.Equal(audited, Audit().Count);
        Assert.True((await catalog.MoveAsync(Admin, child1, CategoryMove.Down)).Succeeded);
        Assert.Equal(audited, Audit().Count);
    }

    [Fact]
    public async Task HideAndShow_AreAudited_AndHiddenCategoriesLeaveThePortalButKeepTheirStories()
    {
        var story = await AddStoryAsync(db.EconomyNews);

        Assert.True((await catalog.SetHiddenAsync(Admin, db.EconomyNews, true)).Succeeded);

        var portal = new Editorial.Web.Features.Portal.Stories.PortalStories(db);
        Assert.DoesNotContain(await portal.CategoriesAsync(), c => c.Id == db.EconomyNews);
        Assert.True((await catalog.ListAsync()).Single(r => r.Id == db.EconomyNews).IsHidden);
        Assert.Equal(db.EconomyNews, db.Row(story).CategoryId);

        Assert.True((await catalog.SetHiddenAsync(Admin, db.EconomyNews, false)).Succeeded);
        Assert.Contains(await portal.CategoriesAsync(), c => c.Id == db.EconomyNews);
        Assert.Equal([AuditActions.CategoryHidden, AuditActions.CategoryShown], Audit().Select(e => e.Action));
        Assert.Equal(2, store.Evictions);
    }

    [Fact]
    public async Task Delete_IsRefusedWithStoriesOrChildren_AndAllowedOtherwise()
    {
        await AddStoryAsync(db.ProvinceNews);
        var child = await CreateAsync("Nông nghiệp", parent: db.EconomyNews);

        var withStories = await catalog.DeleteAsync(Admin, db.ProvinceNews);
        var withChildren = await catalog.DeleteAsync(Admin, db.EconomyNews);

        Assert.Equal("Categories.Error.HasStories", withStories.ErrorKey);
        Assert.Equal(["Hoạt động của tỉnh", 1], withStories.Arguments);
        Assert.Equal("Categories.Error.HasChildren", withChildren.ErrorKey);
        Assert.Equal(3, (await catalog.ListAsync()).Count);

        Assert.True((await catalog.DeleteAsync(Admin, child)).Succeeded);
        Assert.True((await catalog.DeleteAsync(Admin, db.EconomyNews)).Succeeded);
        Assert.Equal(["Hoạt động của tỉnh"], (await catalog.ListAsync()).Select(r => r.Name));
        Assert.Equal(2, Audit().Count(e => e.Action == AuditActions.CategoryDeleted));
    }

    [Theory]
    [InlineData("reporter")]
    [InlineData("editor")]
    public async Task OnlyAdministrators_MayChangeCategories(string who)
    {
        var person = who == "reporter" ? Person.Khanh : Person.Lan;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.CreateAsync(person.Principal, new CategoryInput("X", null, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.DeleteAsync(person.Principal, db.EconomyNews));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.SetHiddenAsync(person.Principal, db.EconomyNews, true));
        Assert.Equal(2, (await catalog.ListAsync()).Count);
        Assert.Empty(Audit());
    }

    [Fact]
    public void EveryRefusalKeyOfTheService_HasAVietnameseText()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.WebProject, "Features", "Administration", "CategoryCatalog.cs"));
        var keys = Regex.Matches(source, "\"(Categories\\.Error\\.[A-Za-z]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Localization, "UiText.resx"));
        var known = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        Assert.True(keys.Count >= 10, $"only {keys.Count} keys found");
        Assert.DoesNotContain(keys, k => !known.Contains(k));
    }

    private async Task<int> AddStoryAsync(int categoryId)
    {
        await using var context = db.CreateDbContext();
        var article = new Article
        {
            Title = "Hội nghị",
            TitleFolded = "hoi nghi",
            Slug = "hoi-nghi-" + Guid.NewGuid().ToString("N"),
            CategoryId = categoryId,
            CreatedById = Person.Khanh.Id,
            UpdatedById = Person.Khanh.Id,
            CreatedAtUtc = StoryDatabase.Start,
            UpdatedAtUtc = StoryDatabase.Start,
        };
        context.Articles.Add(article);
        await context.SaveChangesAsync();
        return article.Id;
    }
}
