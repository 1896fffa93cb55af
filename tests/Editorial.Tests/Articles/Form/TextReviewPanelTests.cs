using Bunit;
using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Form;

/// <summary>The Vietnamese text check beside the story: legacy-encoded paste and unexplained abbreviations.</summary>
public sealed class TextReviewPanelTests : StoryFormComponentTest
{
    private const string Heading = "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh";

    private int conversions;

    [Fact]
    public void A_clean_story_shows_nothing()
    {
        var panel = RenderPanel(Review(new ArticleContent
        {
            Title = Heading,
            Lead = "Chủ tịch Hội đồng nhân dân (HĐND) tỉnh dự Hội nghị; HĐND tỉnh sẽ giám sát.",
        }));

        Assert.Equal("", panel.Markup.Trim());
    }

    [Fact]
    public void No_review_yet_shows_nothing()
    {
        var panel = RenderPanel(null);

        Assert.Equal("", panel.Markup.Trim());
    }

    [Fact]
    public void A_TCVN3_paste_is_named_quoted_and_offered_for_conversion()
    {
        var panel = RenderPanel(Review(new ArticleContent { Title = Heading, Lead = LegacyTestEncoder.Tcvn3(Heading) }));

        Assert.Equal("Kiểm tra chữ Việt", panel.Find("h2").TextContent);
        var warning = panel.Find("[data-testid=legacy-warning]");
        Assert.Contains("Có đoạn văn bản dùng bảng mã cũ (TCVN3 (ABC)), có thể do dán từ tài liệu cũ.", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal("“Héi nghÞ trùc tuyÕn s¬ kÕt c«ng t¸c x©y dùng c¬ së chÝnh trÞ v÷ng m¹nh”", panel.Find(".legacy-sample").TextContent);

        Assert.Equal("Chuyển sang Unicode", panel.Find("[data-testid=legacy-convert]").TextContent.Trim());
        Click(panel, "[data-testid=legacy-convert]");

        Assert.Equal(1, conversions);
    }

    [Fact]
    public void Each_encoding_is_named_once_however_many_fields_use_it()
    {
        var panel = RenderPanel(Review(new ArticleContent
        {
            Title = LegacyTestEncoder.Tcvn3(Heading),
            Lead = LegacyTestEncoder.Tcvn3(Heading),
            FeaturedImageCaption = LegacyTestEncoder.Vni("Toàn cảnh Hội nghị trực tuyến"),
        }));

        Assert.Contains("(TCVN3 (ABC), VNI)", panel.Find("[data-testid=legacy-warning]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_story_cannot_be_converted()
    {
        var panel = RenderPanel(Review(new ArticleContent { Lead = LegacyTestEncoder.Tcvn3(Heading) }), readOnly: true);

        Assert.True(panel.Find("[data-testid=legacy-convert]").HasAttribute("disabled"));
    }

    [Fact]
    public void Abbreviations_used_before_being_spelled_out_are_listed_with_the_first_use_to_write()
    {
        var panel = RenderPanel(Review(new ArticleContent
        {
            Title = Heading,
            Lead = "Đồng chí Thào Hồng Sơn, Chủ tịch HĐND tỉnh, chủ trì Hội nghị.",
        }));

        Assert.Empty(panel.FindAll("[data-testid=legacy-warning]"));
        Assert.Contains("Chữ viết tắt chưa được viết đầy đủ ở lần dùng đầu tiên:", panel.Markup, StringComparison.Ordinal);
        var finding = Assert.Single(panel.FindAll("[data-testid=abbreviation-warnings] li"));
        Assert.Equal("HĐND — lần đầu nên viết “Hội đồng nhân dân (HĐND)”.", finding.TextContent);
        Assert.Equal("HĐND", finding.QuerySelector("strong")!.TextContent);
    }

    private IRenderedComponent<TextReviewPanel> RenderPanel(StoryTextReviewResult? review, bool readOnly = false) =>
        RenderOnPage<TextReviewPanel>(p => p
            .Add(x => x.Review, review)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.OnConvertLegacy, () => conversions++));

    private static StoryTextReviewResult Review(ArticleContent content) =>
        StoryTextReview.Review(content, "", AbbreviationGlossary.Default);
}
