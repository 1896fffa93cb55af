using System.Security.Claims;
using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Web.Features.Administration.Settings;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Administration;

/// <summary>A setting saved by an administrator shows on the public pages at once, cached or not.</summary>
public sealed class SettingsOnThePortalTests : IClassFixture<EditorialAppFactory>
{
    private readonly EditorialAppFactory app;

    public SettingsOnThePortalTests(EditorialAppFactory app) => this.app = app;

    [Fact]
    public async Task A_new_portal_name_and_dateline_prefix_appear_on_a_story_page_that_was_already_cached()
    {
        string slug;
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
            slug = await db.Articles.Where(a => a.State == ArticleState.Published).OrderByDescending(a => a.PublishedAtUtc).Select(a => a.Slug).FirstAsync();
        }

        using var reader = Browser.Open(app);
        var before = await reader.GetPageAsync($"/tin/{slug}");
        Assert.Contains("CTTĐT – ", before, StringComparison.Ordinal);
        await reader.GetPageAsync($"/tin/{slug}"); // now served from the cache

        var store = app.Services.GetRequiredService<NewsroomSettingsStore>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "admin"), new Claim(ClaimTypes.Name, "quantri"), new Claim(ClaimTypes.Role, "Administrator")], "Test"));
        var original = store.Current;
        try
        {
            Assert.Empty(await store.SaveAsync(original with { PortalName = "Cổng TTĐT tỉnh Hà Giang (mới)", DatelinePrefix = "HGP" }, admin, null));

            var after = await reader.GetPageAsync($"/tin/{slug}");
            Assert.Contains("HGP – ", after, StringComparison.Ordinal);
            Assert.DoesNotContain("CTTĐT – ", after, StringComparison.Ordinal);
            Assert.Contains("Cổng TTĐT tỉnh Hà Giang (mới)", after, StringComparison.Ordinal);
        }
        finally
        {
            Assert.Empty(await store.SaveAsync(original, admin, null));
        }
    }
}
