using AngleSharp.Dom;
using Bunit;
using Editorial.Web.Features.Articles;
using Microsoft.AspNetCore.Components;

namespace Editorial.Tests.Articles.Form;

/// <summary>The story's featured image: preview, upload through the media endpoint, removal and caption.</summary>
public sealed class FeaturedImagePanelTests : StoryFormComponentTest
{
    private static readonly Guid Photo = new("5f0c9a57-7d1e-4b8e-9a43-3c7e2f1d9b10");

    private readonly List<Guid?> imageChanges = [];
    private readonly List<string> captionChanges = [];
    private readonly FeaturedImageUpload browser;

    public FeaturedImagePanelTests()
    {
        browser = new FeaturedImageUpload(JSInterop);
    }

    [Fact]
    public void A_story_with_an_image_shows_its_preview_with_the_caption_as_text()
    {
        var panel = RenderPanel(Photo, "/media/2017/04/toan-canh-web.jpg", "Toàn cảnh Hội nghị");

        Assert.Equal("Ảnh đại diện", panel.Find("h2").TextContent);
        var preview = panel.Find("[data-testid=featured-preview]");
        Assert.Equal("/media/2017/04/toan-canh-web.jpg", preview.GetAttribute("src"));
        Assert.Equal("Toàn cảnh Hội nghị", preview.GetAttribute("alt"));
        Assert.Equal("Đổi ảnh…", panel.Find("label[for=featured-file]").TextContent.Trim());
        Assert.Contains(panel.FindAll("button"), b => b.TextContent.Trim() == "Bỏ ảnh");
    }

    [Fact]
    public void A_story_without_an_image_offers_to_choose_one()
    {
        var panel = RenderPanel(null, "/media/2017/04/toan-canh-web.jpg");

        Assert.Empty(panel.FindAll("[data-testid=featured-preview]"));
        Assert.Equal("Chọn ảnh…", panel.Find("label[for=featured-file]").TextContent.Trim());
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Bỏ ảnh");
    }

    [Fact]
    public void Removing_the_image_clears_it_on_the_story()
    {
        var panel = RenderPanel(Photo, "/media/2017/04/toan-canh-web.jpg");

        Click(panel, () => RemoveButton(panel));

        Assert.Equal([null], imageChanges);
        panel.Render(p => p.Add(x => x.ImageId, null)); // The page passes the cleared image back.
        Assert.Empty(panel.FindAll("[data-testid=featured-preview]"));
    }

    [Fact]
    public void Typing_a_caption_reaches_the_story()
    {
        var panel = RenderPanel(Photo, "/media/2017/04/toan-canh-web.jpg");

        Assert.Equal("Chú thích ảnh", panel.Find("label[for=featured-caption]").TextContent.Trim());
        Type(panel, "featured-caption", "Toàn cảnh Hội nghị");

        panel.WaitForAssertion(() => Assert.Equal(["Toàn cảnh Hội nghị"], captionChanges), Patience);
    }

    [Fact]
    public void A_refused_file_shows_the_servers_message_and_keeps_the_story_as_it_was()
    {
        browser.Refuses("Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.");
        var panel = RenderPanel(null, null);

        Change(panel, "[data-testid=featured-file]", "C:\\fakepath\\bao-cao.docx");

        panel.WaitForAssertion(() => Assert.Equal("Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.", panel.Find("[data-testid=featured-error]").TextContent.Trim()), Patience);
        Assert.Empty(imageChanges);
        Assert.Empty(panel.FindAll("[data-testid=featured-preview]"));
    }

    [Fact]
    public void A_stored_file_becomes_the_featured_image_and_its_web_copy_the_preview()
    {
        var stored = Guid.NewGuid();
        browser.Stores(stored, $"/media/2026/11/{stored:N}-web.jpg");
        var panel = RenderPanel(null, null, antiforgeryToken: "page-token");

        Change(panel, "[data-testid=featured-file]", "C:\\fakepath\\toan-canh.jpg");

        panel.WaitForAssertion(() => Assert.Equal([stored], imageChanges), Patience);
        var call = browser.Call();
        Assert.IsType<ElementReference>(call[0]);
        Assert.Equal("/api/media", call[1]);
        Assert.Equal("page-token", call[2]);

        panel.Render(p => p.Add(x => x.ImageId, stored)); // The page passes the new image back.
        Assert.Equal($"/media/2026/11/{stored:N}-web.jpg", panel.Find("[data-testid=featured-preview]").GetAttribute("src"));
        Assert.Empty(panel.FindAll("[data-testid=featured-error]"));
    }

    [Fact]
    public void A_new_upload_clears_the_previous_error()
    {
        browser.Refuses("Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.");
        var panel = RenderPanel(null, null);
        Change(panel, "[data-testid=featured-file]", "C:\\fakepath\\bao-cao.docx");
        panel.WaitForElement("[data-testid=featured-error]", Patience);

        browser.Stores(Photo, "/media/2017/04/toan-canh-web.jpg");
        Change(panel, "[data-testid=featured-file]", "C:\\fakepath\\toan-canh.jpg");

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=featured-error]")), Patience);
        Assert.Equal([Photo], imageChanges);
    }

    [Fact]
    public void A_read_only_story_cannot_change_its_image()
    {
        var panel = RenderPanel(Photo, "/media/2017/04/toan-canh-web.jpg", readOnly: true);

        Assert.True(panel.Find("[data-testid=featured-file]").HasAttribute("disabled"));
        Assert.True(RemoveButton(panel).HasAttribute("disabled"));
        Assert.Contains("mud-disabled", panel.Find("label[for=featured-file]").ClassList);
        Assert.True(panel.Find("#featured-caption").HasAttribute("readonly"));
    }

    private static IElement RemoveButton(IRenderedComponent<FeaturedImagePanel> panel) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Bỏ ảnh");

    private IRenderedComponent<FeaturedImagePanel> RenderPanel(
        Guid? imageId, string? previewUrl, string caption = "", string? antiforgeryToken = null, bool readOnly = false) =>
        RenderOnPage<FeaturedImagePanel>(p => p
            .Add(x => x.ImageId, imageId)
            .Add(x => x.PreviewUrl, previewUrl)
            .Add(x => x.Caption, caption)
            .Add(x => x.AntiforgeryToken, antiforgeryToken)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.ImageIdChanged, id => imageChanges.Add(id))
            .Add(x => x.CaptionChanged, text => captionChanges.Add(text)));
}
