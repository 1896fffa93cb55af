using Bunit;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Revisions;
using Editorial.Tests.Articles.Revisions;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Form;

/// <summary>How a comparison of two revisions reads: field by field, line by line, the changed words marked.</summary>
public sealed class RevisionDiffViewTests : StoryFormComponentTest
{
    private static readonly ArticleContent Seed = SeedArticle.Content;

    [Fact]
    public void Nothing_is_shown_before_two_revisions_are_chosen()
    {
        var view = RenderOnPage<RevisionDiffView>(p => p.Add(x => x.Diff, null));

        Assert.Equal("", view.Markup.Trim());
    }

    [Fact]
    public void Identical_revisions_are_said_to_be_the_same()
    {
        var view = Show(Seed, Seed with { Tags = [.. Seed.Tags] });

        Assert.Equal("Hai phiên bản giống nhau.", view.Find(".mud-alert-message").TextContent.Trim());
        Assert.Empty(view.FindAll("section"));
    }

    [Fact]
    public void A_changed_word_is_struck_out_and_its_replacement_underlined()
    {
        var view = Show(Seed, Seed with { Title = SeedStory.Headline.Replace("sơ kết", "tổng kết", StringComparison.Ordinal) });

        Assert.Equal("Tiêu đề", view.Find("section h3").TextContent);
        var line = view.Find(".diff-modified");
        Assert.Equal("<del>sơ</del>", Assert.Single(line.QuerySelectorAll("del")).OuterHtml);
        Assert.Equal("<ins>tổng</ins>", Assert.Single(line.QuerySelectorAll("ins")).OuterHtml);
        Assert.StartsWith("Hội nghị trực tuyến ", line.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_paragraph_is_underlined_whole_and_unchanged_runs_are_folded()
    {
        const string added = "Hội nghị cũng đã thống nhất lịch kiểm tra cơ sở trong quý II.";
        var paragraphs = SeedArticle.BodyParagraphs.ToList();
        paragraphs.Add(added);

        var view = Show(Seed, Seed with { BodyHtml = SeedArticle.Body(paragraphs) });

        Assert.Equal("Nội dung", view.Find("section h3").TextContent);
        Assert.Equal($"<ins>{added}</ins>", view.Find(".diff-inserted ins").OuterHtml);
        Assert.Contains(view.FindAll(".diff-collapsed"), p => p.TextContent.EndsWith("đoạn không đổi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_paragraph_is_struck_out_whole()
    {
        var view = Show(Seed, Seed with { BodyHtml = SeedArticle.Body(SeedArticle.BodyParagraphs.Where(p => p != SeedStory.KetLuan)) });

        Assert.Equal(SeedStory.KetLuan, view.Find(".diff-deleted del").TextContent);
    }

    [Fact]
    public void A_meeting_detail_is_named_by_its_part()
    {
        var meeting = Seed.Meeting! with { Place = "Hội trường Tỉnh ủy" };

        var view = Show(Seed, Seed with { Meeting = meeting });

        Assert.Equal("Thông tin Hội nghị", view.Find("section h3").TextContent);
        Assert.Equal("Địa điểm: Hội trường Tỉnh ủy", view.Find(".diff-inserted").TextContent.Trim());
    }

    private IRenderedComponent<RevisionDiffView> Show(ArticleContent older, ArticleContent newer) =>
        RenderOnPage<RevisionDiffView>(p => p.Add(x => x.Diff, RevisionDiff.Compare(older, newer)));
}
