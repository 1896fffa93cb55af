using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Tests.TestSupport;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Portal;

/// <summary>The demo stories: on the first start of a demo only, never twice, never in production.</summary>
public sealed class PortalSeedTests
{
    [Fact]
    public async Task FirstDemoStart_PublishesTheSeedStoryAndItsNeighbours_ByTheDemoReporter_AndARestartAddsNothing()
    {
        using var folder = new TemporaryFolder();
        using (var first = new EditorialAppFactory(folder.Path))
        {
            var (stories, pictures) = await CountsAsync(first);
            Assert.Equal(6, stories.Count);
            Assert.Equal(1, pictures);
            Assert.All(stories, s => Assert.Equal(ArticleState.Published, s.State));
            Assert.All(stories, s => Assert.Equal("phongvien", s.Author));
            Assert.All(stories, s => Assert.Equal("hoat-dong-cua-tinh", s.Category));
            var seed = Assert.Single(stories, s => s.Title == Editorial.Tests.Text.SeedStory.Headline);
            Assert.Equal(new DateTimeOffset(2017, 4, 20, 6, 0, 0, TimeSpan.Zero), seed.PublishedAtUtc);
            Assert.Equal("Trần Khánh - Thu Ngà", seed.Byline);
            Assert.Equal(Editorial.Tests.Text.SeedStory.Caption, seed.Caption);
        }

        using var second = new EditorialAppFactory(folder.Path);
        var (again, picturesAgain) = await CountsAsync(second);
        Assert.Equal(6, again.Count);
        Assert.Equal(1, picturesAgain);
    }

    [Fact]
    public async Task WithoutDemoAccounts_ThePortalStartsEmpty()
    {
        using var app = new ProductionAppFactory();

        var (stories, pictures) = await CountsAsync(app);
        using var browser = Browser.Open(app);
        var home = await browser.GetPageAsync("/");

        Assert.Empty(stories);
        Assert.Equal(0, pictures);
        Assert.Contains("Tin bài sẽ xuất hiện tại đây khi được xuất bản.", home, StringComparison.Ordinal);
    }

    private static async Task<(List<SeededStory> Stories, int Pictures)> CountsAsync(EditorialAppFactory app)
    {
        _ = app.Server;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        var stories = await db.Articles.AsNoTracking()
            .Select(a => new SeededStory(
                a.Title,
                a.State,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.UserName).FirstOrDefault(),
                a.Category!.Slug,
                a.PublishedAtUtc,
                a.Byline,
                a.FeaturedImageCaption))
            .ToListAsync();
        return (stories, await db.MediaAssets.CountAsync());
    }

    private sealed record SeededStory(string Title, ArticleState State, string? Author, string Category, DateTimeOffset? PublishedAtUtc, string Byline, string Caption);

    private sealed class ProductionAppFactory : EditorialAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Editorial:Bootstrap:DemoAccounts", "false");
        }
    }
}
