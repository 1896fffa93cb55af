using Bunit;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Workflow;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Editorial.Core.Articles;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Articles.Form;

// A save right after typing keeps the last keystrokes; loading their version shows their image.
public sealed class StoryEditorTypingAndConflictTests : StoryPageTest
{
    public StoryEditorTypingAndConflictTests() { SignIn(Person.Khanh); }

    [Fact]
    public async Task Ctrl_S_right_after_typing_the_title_saves_the_title_as_typed()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/editorial/stories/new");
        var page = RenderOnPage<StoryEditor>();
        Type(page, "story-lead", SeedStory.Lead);

        page.Find("#story-title").Input(SeedStory.Headline);
        await page.InvokeAsync(page.Instance.SaveFromShortcutAsync);

        Assert.Empty(page.FindAll("[data-testid=save-errors]"));
        Assert.Equal((1, 1), Database.Counts());
    }

    [Fact]
    public async Task Loading_their_version_shows_their_featured_image()
    {
        var mine = AddPhoto("2017/04/toan-canh");
        var theirs = AddPhoto("2017/04/chu-tri");
        var story = await Database.CreateAsync(Person.Khanh, new ArticleContent { Title = SeedStory.Headline, Lead = SeedStory.Lead, FeaturedImageId = mine });
        var page = RenderOnPage<StoryEditor>(p => p.Add(x => x.Id, story.Id));
        Assert.Equal("/media/2017/04/toan-canh-web.jpg", page.Find("[data-testid=featured-preview]").GetAttribute("src"));
        // The writer's editing lease has lapsed (a dropped connection), so only the version check stands guard.
        Database.Clock.Advance(EditingLeaseService.LeaseDuration + TimeSpan.FromSeconds(1));
        await Database.SaveAsync(Person.Lan, story.Id, new ArticleContent { Title = SeedStory.Headline, Slug = story.Slug, Lead = SeedStory.Lead, FeaturedImageId = theirs }, story.Version);

        Type(page, "story-title", "Hội nghị trực tuyến sơ kết quý I năm 2017");
        Click(page, "[data-testid=save]");
        page.WaitForElement("[data-testid=conflict]");
        Click(page, "[data-testid=conflict-load-theirs]");

        Assert.Equal("/media/2017/04/chu-tri-web.jpg", page.Find("[data-testid=featured-preview]").GetAttribute("src"));
    }

    private Guid AddPhoto(string name)
    {
        var id = Guid.NewGuid();
        using var db = Database.CreateDbContext();
        db.MediaAssets.Add(new MediaAsset
        {
            Id = id, OriginalPath = $"{name}.jpg", WebPath = $"{name}-web.jpg", ThumbnailPath = $"{name}-thumb.jpg",
            OriginalFileName = "a.jpg", ContentType = "image/jpeg", Width = 1, Height = 1, ByteSize = 1,
            UploadedById = Person.Khanh.Id, UploadedAtUtc = StoryDatabase.Start,
        });
        db.SaveChanges();
        return id;
    }
}
