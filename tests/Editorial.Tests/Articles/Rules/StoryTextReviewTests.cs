using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Rules;

public sealed class StoryTextReviewTests
{
    // The seed's first lead sentence: no capital toned vowels, so TCVN3 (which lacks them) round-trips it exactly.
    private const string LeadSentence =
        "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu "
        + "gồm các huyện, thành phố về Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017.";

    private const string Heading = "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh";

    [Fact]
    public void Tcvn3Encoder_ProducesTheBytesOldDocumentsHold()
    {
        // Sanity check of the test helper against the text the issue quotes.
        Assert.Equal("Héi nghÞ trùc tuyÕn s¬ kÕt c«ng t¸c x©y dùng c¬ së chÝnh trÞ v÷ng m¹nh", LegacyTestEncoder.Tcvn3(Heading));
    }

    [Fact]
    public void Tcvn3Lead_IsFound()
    {
        var content = Unicode() with { Lead = LegacyTestEncoder.Tcvn3(LeadSentence) };

        var review = StoryTextReview.Review(content, SeedStory.TrongQuyI, AbbreviationGlossary.Default);

        var finding = Assert.Single(review.LegacyText);
        Assert.Equal(nameof(ArticleContent.Lead), finding.Field);
        Assert.Equal(LegacyEncodingKind.Tcvn3, finding.Kind);
        Assert.StartsWith("CTT§T – S¸ng 20/4", finding.Sample, StringComparison.Ordinal);
        Assert.False(review.IsClean);
    }

    [Fact]
    public void LongLegacyField_IsSampled_NotCopiedWhole()
    {
        var content = Unicode() with { Lead = LegacyTestEncoder.Tcvn3(LeadSentence) };

        var finding = Assert.Single(StoryTextReview.Review(content, "", AbbreviationGlossary.Default).LegacyText);

        Assert.Equal(81, finding.Sample.Length);
        Assert.EndsWith("…", finding.Sample, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcvn3Title_IsFound()
    {
        var content = Unicode() with { Title = LegacyTestEncoder.Tcvn3(Heading) };

        var review = StoryTextReview.Review(content, "", AbbreviationGlossary.Default);

        Assert.Equal([(nameof(ArticleContent.Title), LegacyEncodingKind.Tcvn3)], review.LegacyText.Select(f => (f.Field, f.Kind)));
    }

    [Fact]
    public void VniCaption_IsFound()
    {
        var content = Unicode() with { FeaturedImageCaption = LegacyTestEncoder.Vni("Toàn cảnh Hội nghị trực tuyến") };

        var review = StoryTextReview.Review(content, "", AbbreviationGlossary.Default);

        var finding = Assert.Single(review.LegacyText);
        Assert.Equal((nameof(ArticleContent.FeaturedImageCaption), LegacyEncodingKind.Vni), (finding.Field, finding.Kind));
    }

    [Fact]
    public void OneLegacyParagraph_InAUnicodeBody_IsFound()
    {
        var body = string.Join("\n", SeedStory.TrongQuyI, LegacyTestEncoder.Tcvn3(SeedStory.DoiVoiBanChiDao), SeedStory.BanChiDaoCacHuyen);

        var review = StoryTextReview.Review(Unicode(), body, AbbreviationGlossary.Default);

        var finding = Assert.Single(review.LegacyText);
        Assert.Equal(nameof(ArticleContent.BodyHtml), finding.Field);
        Assert.Equal(LegacyEncodingKind.Tcvn3, finding.Kind);
        Assert.StartsWith("§èi víi Ban chØ ®¹o", finding.Sample, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertLegacy_ConvertsTitleLeadAndBodyText_LeavingMarkupAlone()
    {
        var content = Unicode() with
        {
            Title = LegacyTestEncoder.Tcvn3(Heading),
            Lead = LegacyTestEncoder.Tcvn3(LeadSentence),
            BodyHtml = $"<h2 class=\"section\">{LegacyTestEncoder.Tcvn3("Kết quả")}</h2>"
                + $"<p style=\"text-align: justify;\" title=\"Héi nghÞ\">{LegacyTestEncoder.Tcvn3(SeedStory.TrongQuyI)}</p>"
                + "<p><img src=\"/media/2017/04/toan-canh.jpg\" alt=\"Toµn c¶nh\"><br></p>",
        };

        var converted = StoryTextReview.ConvertLegacy(content);

        Assert.Equal(Heading, converted.Title);
        Assert.Equal(LeadSentence, converted.Lead);
        Assert.Equal(
            "<h2 class=\"section\">Kết quả</h2>"
            + $"<p style=\"text-align: justify;\" title=\"Héi nghÞ\">{SeedStory.TrongQuyI}</p>"
            + "<p><img src=\"/media/2017/04/toan-canh.jpg\" alt=\"Toµn c¶nh\"><br></p>",
            converted.BodyHtml);
    }

    [Fact]
    public void ConvertLegacy_LeavesUnicodeFieldsUntouched()
    {
        var content = Unicode() with { Lead = LegacyTestEncoder.Tcvn3(LeadSentence) };

        var converted = StoryTextReview.ConvertLegacy(content);

        Assert.Equal(LeadSentence, converted.Lead);
        Assert.Same(content.Title, converted.Title);
        Assert.Same(content.FeaturedImageCaption, converted.FeaturedImageCaption);
        Assert.Equal(content.BodyHtml, converted.BodyHtml);
        Assert.Same(content.Byline, converted.Byline);
        Assert.Same(content.Meeting, converted.Meeting);
        Assert.Same(content.Tags, converted.Tags);
    }

    [Fact]
    public void ConvertLegacy_OfAUnicodeStory_ChangesNothing()
    {
        var content = Unicode();

        var converted = StoryTextReview.ConvertLegacy(content);

        Assert.Equal(content.Title, converted.Title);
        Assert.Equal(content.Lead, converted.Lead);
        Assert.Equal(content.BodyHtml, converted.BodyHtml);
        Assert.Equal(content.FeaturedImageCaption, converted.FeaturedImageCaption);
    }

    [Fact]
    public void ConvertHtml_ConvertsTheOneLegacyParagraph_OfAUnicodeBody()
    {
        var html = $"<p>{SeedStory.TrongQuyI}</p><p>{LegacyTestEncoder.Tcvn3(SeedStory.DoiVoiBanChiDao)}</p><p>{SeedStory.BanChiDaoCacHuyen}</p>";

        var converted = StoryTextReview.ConvertHtml(html);

        Assert.Equal($"<p>{SeedStory.TrongQuyI}</p><p>{SeedStory.DoiVoiBanChiDao}</p><p>{SeedStory.BanChiDaoCacHuyen}</p>", converted);
    }

    [Fact]
    public void SeedStory_FlagsTheAbbreviationsItNeverSpellsOut_ButNotXdcsctvm()
    {
        var content = Unicode() with { Title = SeedStory.Headline, Lead = SeedStory.Lead };
        var body = string.Join("\n", SeedStory.TrongQuyI, SeedStory.DoiVoiBanChiDao, SeedStory.BanChiDaoCacHuyen, SeedStory.BaoCaoTonTai, SeedStory.PhuongHuong, SeedStory.KetLuan);

        var review = StoryTextReview.Review(content, body, AbbreviationGlossary.Default);

        Assert.Empty(review.LegacyText);
        Assert.Equal(["HĐND", "BTV", "TTHC", "CCHC", "NTM"], review.Abbreviations.Select(a => a.Abbreviation));
        Assert.DoesNotContain(review.Abbreviations, a => a.Abbreviation is "XDCSCTVM" or "BCĐ");
        Assert.Equal("Hội đồng nhân dân", review.Abbreviations[0].Expansion);
        Assert.False(review.IsClean);
    }

    [Fact]
    public void CleanUnicodeStory_IsClean()
    {
        var review = StoryTextReview.Review(Unicode(), "Lễ hội Chợ tình Khâu Vai năm nay diễn ra trong hai ngày.", AbbreviationGlossary.Default);

        Assert.Empty(review.LegacyText);
        Assert.Empty(review.Abbreviations);
        Assert.True(review.IsClean);
    }

    [Fact]
    public void EmptyStory_IsClean()
    {
        Assert.True(StoryTextReview.Review(new ArticleContent(), "", AbbreviationGlossary.Default).IsClean);
    }

    private static ArticleContent Unicode() => new()
    {
        Title = "Tổng duyệt Lễ hội Chợ tình Khâu Vai",
        Lead = "CTTĐT – Sáng 20/4, tại xã Khâu Vai, huyện Mèo Vạc đã diễn ra buổi tổng duyệt Lễ hội Chợ tình Khâu Vai.",
        BodyHtml = "<p>Lễ hội Chợ tình Khâu Vai năm nay diễn ra trong hai ngày.</p>",
        FeaturedImageCaption = "Toàn cảnh buổi tổng duyệt",
        Byline = "Trần Khánh - Thu Ngà",
        Tags = ["Lễ hội"],
    };

    [Fact]
    public void ConvertHtml_KeepsAUnicodeParagraph_OfAMostlyLegacyBody()
    {
        // A Unicode caption typed into the editor, then two paragraphs pasted from an old .VnTime document.
        // "Sáng nay, các đại biểu và khách mời có mặt" is valid Unicode made of Latin-1 letters that TCVN3 also uses.
        const string typed = "Sáng nay, các đại biểu và khách mời có mặt tại hội trường.";
        var html = $"<p>{typed}</p><p>{LegacyTestEncoder.Tcvn3(SeedStory.TrongQuyI)}</p><p>{LegacyTestEncoder.Tcvn3(SeedStory.DoiVoiBanChiDao)}</p>";

        var converted = StoryTextReview.ConvertHtml(html);

        Assert.Equal($"<p>{typed}</p><p>{SeedStory.TrongQuyI}</p><p>{SeedStory.DoiVoiBanChiDao}</p>", converted);
    }
}
