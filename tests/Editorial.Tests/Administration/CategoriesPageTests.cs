using System.Security.Claims;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Workstation;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Editorial.Tests.Administration;

/// <summary>The categories page in Vietnamese over the real service and a seeded SQLite database.</summary>
public sealed class CategoriesPageTests : WorkstationComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly StoryDatabase db = StoryDatabase.InMemory();
    private readonly CategoryCatalog catalog;

    public CategoriesPageTests()
    {
        catalog = new CategoryCatalog(db, db.Audit, new PortalCache(new CountingOutputCacheStore()));
        Services.AddSingleton(catalog);
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddScoped<ClientOrigin>();
        SignIn(Person.Minh.Id, Roles.Administrator);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Person.Minh.Id));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services are only IAsyncDisposable; xUnit's synchronous Dispose afterwards is then a no-op.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            db.Dispose();
        }
    }

    private IRenderedComponent<Categories> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<Categories>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=category-name]")), Patience);
        return page;
    }

    private static List<string> Names(IRenderedComponent<Categories> page) =>
        page.FindAll("[data-testid=category-name]").Select(e => e.TextContent.Trim()).ToList();

    private static void Click(IRenderedComponent<Categories> page, string testId) =>
        page.InvokeAsync(() => page.Find($"[data-testid={testId}]").ClickAsync(new MouseEventArgs())).GetAwaiter().GetResult();

    private int StoryIn(int categoryId)
    {
        using var context = db.CreateDbContext();
        var article = new Article { Title = "Hội nghị", TitleFolded = "hoi nghi", Slug = "hoi-nghi", CategoryId = categoryId, CreatedById = Person.Khanh.Id, UpdatedById = Person.Khanh.Id };
        context.Articles.Add(article);
        context.SaveChanges();
        return article.Id;
    }

    [Fact]
    public void DeletingACategoryWithStories_IsRefusedInVietnamese_AndTheCategoryStays()
    {
        StoryIn(db.ProvinceNews);
        var page = RenderPage();

        Click(page, $"delete-{db.ProvinceNews}");
        Click(page, "confirm-delete");

        page.WaitForAssertion(() => Assert.Contains(
            "Chuyên mục \"Hoạt động của tỉnh\" có 1 bài viết nên không thể xóa; hãy ẩn chuyên mục này.",
            page.Find("[data-testid=category-error]").TextContent), Patience);
        Assert.Equal(["Hoạt động của tỉnh", "Tin kinh tế"], Names(page));
    }

    [Fact]
    public void DeletingAnEmptyCategory_RemovesItFromTheList()
    {
        var page = RenderPage();

        Click(page, $"delete-{db.EconomyNews}");
        Assert.Contains("Xóa chuyên mục \"Tin kinh tế\"?", page.Markup);
        Click(page, "confirm-delete");

        page.WaitForAssertion(() => Assert.Equal(["Hoạt động của tỉnh"], Names(page)), Patience);
        Assert.Empty(page.FindAll("[data-testid=category-error]"));
    }

    [Fact]
    public async Task SubCategories_AreShownUnderTheirParent_AndAreNotOfferedAsParents()
    {
        var child = (await catalog.CreateAsync(Person.Minh.Principal, new CategoryInput("Nông nghiệp", null, db.EconomyNews))).Id!.Value;
        var page = RenderPage();

        Assert.Equal(["Hoạt động của tỉnh", "Tin kinh tế", "Nông nghiệp"], Names(page));
        Assert.Contains("↳", page.Find($"[data-testid=up-{child}]").Closest("tr")!.TextContent);

        // The parent choice lists only top-level categories: one level of nesting.
        var select = page.FindComponents<MudSelect<int?>>().First();
        var items = select.FindComponents<MudSelectItem<int?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([null, db.ProvinceNews, db.EconomyNews], items);
    }

    [Fact]
    public async Task NestingAParentWithChildren_IsRefusedInVietnamese()
    {
        await catalog.CreateAsync(Person.Minh.Principal, new CategoryInput("Nông nghiệp", null, db.EconomyNews));
        var page = RenderPage();

        Click(page, $"edit-{db.EconomyNews}");
        var parent = page.FindComponents<MudSelect<int?>>().Last(); // the first is the new category's
        await page.InvokeAsync(() => parent.Instance.ValueChanged.InvokeAsync(db.ProvinceNews));
        Click(page, "save-category");

        page.WaitForAssertion(() => Assert.Contains(
            "\"Tin kinh tế\" đang có chuyên mục con nên không thể đặt vào chuyên mục khác.",
            page.Find("[data-testid=category-error]").TextContent), Patience);
        using var context = db.CreateDbContext();
        Assert.Null(context.Categories.AsNoTracking().Single(c => c.Id == db.EconomyNews).ParentId);
    }

    [Fact]
    public void HideAndShow_ToggleTheChip()
    {
        var page = RenderPage();

        Click(page, $"hide-{db.EconomyNews}");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=show-{db.EconomyNews}]")), Patience);
        Assert.Contains("Đang ẩn", page.Find($"[data-testid=show-{db.EconomyNews}]").Closest("tr")!.TextContent);

        Click(page, $"show-{db.EconomyNews}");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=hide-{db.EconomyNews}]")), Patience);
    }
}
