using System.Text;
using Editorial.Core.Articles;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Rules;

public sealed class ArticleContentNormalizerTests
{
    [Fact]
    public void DecomposedText_IsStoredComposed_InEveryField()
    {
        var nfc = SeedMeeting.Story();
        var nfd = nfc with
        {
            Title = Nfd(nfc.Title),
            Lead = Nfd(nfc.Lead),
            BodyHtml = Nfd(nfc.BodyHtml),
            FeaturedImageCaption = Nfd(nfc.FeaturedImageCaption),
            Byline = Nfd(nfc.Byline),
            Tags = nfc.Tags.Select(Nfd).ToList(),
            Meeting = new MeetingDetails
            {
                Organizer = Nfd(SeedMeeting.Organizer),
                Subject = Nfd(SeedMeeting.Subject),
                Format = MeetingFormat.Online,
                Sites = 11,
                SitesDescription = Nfd("các huyện, thành phố"),
                Place = Nfd("Hội trường Tỉnh ủy"),
                Chairs = [new MeetingChair(Nfd(SeedMeeting.ThaoHongSon.Name), Nfd(SeedMeeting.ThaoHongSon.Titles))],
                Attendees = Nfd(SeedMeeting.Attendees),
            },
        };
        Assert.NotEqual(nfc.Title, nfd.Title);

        var normalized = ArticleContentNormalizer.Normalize(nfd);

        Assert.Equal(SeedStory.Headline, normalized.Title);
        Assert.Equal(SeedStory.Lead, normalized.Lead);
        Assert.Equal(nfc.BodyHtml, normalized.BodyHtml);
        Assert.Equal(SeedStory.Caption, normalized.FeaturedImageCaption);
        Assert.Equal("Trần Khánh - Thu Ngà", normalized.Byline);
        Assert.Equal(["Hội nghị", "XDCSCTVM"], normalized.Tags);
        var meeting = normalized.Meeting!;
        Assert.Equal(SeedMeeting.Organizer, meeting.Organizer);
        Assert.Equal(SeedMeeting.Subject, meeting.Subject);
        Assert.Equal("các huyện, thành phố", meeting.SitesDescription);
        Assert.Equal("Hội trường Tỉnh ủy", meeting.Place);
        Assert.Equal(SeedMeeting.Attendees, meeting.Attendees);
        Assert.Equal([SeedMeeting.ThaoHongSon], meeting.Chairs);
        Assert.All(
            new[] { normalized.Title, normalized.Lead, normalized.BodyHtml, normalized.FeaturedImageCaption, normalized.Byline, meeting.Organizer, meeting.Chairs[0].Titles },
            text => Assert.True(text.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void ComposedStory_IsUnchanged()
    {
        var story = SeedMeeting.Story();

        var normalized = ArticleContentNormalizer.Normalize(story);

        Assert.Equal(story.Title, normalized.Title);
        Assert.Equal(story.Lead, normalized.Lead);
        Assert.Equal(story.BodyHtml, normalized.BodyHtml);
        Assert.Equal(story.Tags, normalized.Tags);
        Assert.Equal(story.Meeting!.Chairs, normalized.Meeting!.Chairs);
        Assert.Equal(story.EventAtUtc, normalized.EventAtUtc);
        Assert.Equal(story.Kind, normalized.Kind);
        Assert.Equal(11, normalized.Meeting.Sites);
    }

    [Theory]
    [InlineData("Hội nghị trực tuyến\nsơ kết")]
    [InlineData("Hội nghị trực tuyến\rsơ kết")]
    [InlineData("Hội nghị trực tuyến\r\nsơ kết")]
    public void SingleLineFields_LoseTheirLineBreaks(string typed)
    {
        var content = new ArticleContent
        {
            Title = typed,
            Slug = typed,
            FeaturedImageCaption = typed,
            Byline = typed,
            Tags = [typed],
            Meeting = new MeetingDetails { Chairs = [new MeetingChair(typed, typed)] },
        };

        var normalized = ArticleContentNormalizer.Normalize(content);

        var singleLine = new[]
        {
            normalized.Title, normalized.Slug, normalized.FeaturedImageCaption, normalized.Byline,
            normalized.Tags.Single(), normalized.Meeting!.Chairs.Single().Name, normalized.Meeting.Chairs.Single().Titles,
        };
        Assert.All(singleLine, text => Assert.DoesNotContain('\n', text));
        Assert.All(singleLine, text => Assert.DoesNotContain('\r', text));
        Assert.All(singleLine, text => Assert.StartsWith("Hội nghị trực tuyến", text, StringComparison.Ordinal));
        Assert.All(singleLine, text => Assert.EndsWith("sơ kết", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Lead_KeepsItsParagraphs_WithUnixLineEndings()
    {
        var normalized = ArticleContentNormalizer.Normalize(new ArticleContent { Lead = "  Dòng một.\r\nDòng hai.\n" });

        Assert.Equal("Dòng một.\nDòng hai.", normalized.Lead);
    }

    [Fact]
    public void TextFields_AreTrimmed()
    {
        var content = new ArticleContent
        {
            Title = "  Tổng duyệt Lễ hội Chợ tình Khâu Vai \t",
            Byline = " Trần Khánh - Thu Ngà ",
            FeaturedImageCaption = "\u00A0Toàn cảnh Hội nghị ",
            Meeting = new MeetingDetails { Organizer = " UBND tỉnh ", Chairs = [new MeetingChair(" Thào Hồng Sơn ", " Chủ tịch HĐND tỉnh ")] },
        };

        var normalized = ArticleContentNormalizer.Normalize(content);

        Assert.Equal("Tổng duyệt Lễ hội Chợ tình Khâu Vai", normalized.Title);
        Assert.Equal("Trần Khánh - Thu Ngà", normalized.Byline);
        Assert.Equal("Toàn cảnh Hội nghị", normalized.FeaturedImageCaption);
        Assert.Equal("UBND tỉnh", normalized.Meeting!.Organizer);
        Assert.Equal(new MeetingChair("Thào Hồng Sơn", "Chủ tịch HĐND tỉnh"), Assert.Single(normalized.Meeting.Chairs));
    }

    [Fact]
    public void Tags_AreTrimmedAndDeduplicated_IgnoringCaseAndDiacritics_FirstSpellingKept()
    {
        var content = new ArticleContent
        {
            Tags = ["  Hội nghị ", "hoi nghi", "HỘI NGHỊ", Nfd("Hội nghị"), "XDCSCTVM", "xdcsctvm", "Đảng", "dang", "", "   "],
        };

        var normalized = ArticleContentNormalizer.Normalize(content);

        Assert.Equal(["Hội nghị", "XDCSCTVM", "Đảng"], normalized.Tags);
    }

    [Fact]
    public void Tags_ThatDifferOnlyInInnerSpacing_AreOne()
    {
        var normalized = ArticleContentNormalizer.Normalize(new ArticleContent { Tags = ["Hội nghị", "Hội  nghị", "Hội\nnghị"] });

        Assert.Equal(["Hội nghị"], normalized.Tags);
    }

    [Fact]
    public void EmptyChairRows_AreDropped_ButAChairWithOnlyTitlesIsKept()
    {
        var content = new ArticleContent
        {
            Meeting = new MeetingDetails
            {
                Chairs =
                [
                    new MeetingChair("", ""),
                    SeedMeeting.ThaoHongSon,
                    new MeetingChair("  ", " \n "),
                    new MeetingChair("", "Chủ tịch UBND tỉnh"),
                    SeedMeeting.NguyenTrungTai,
                ],
            },
        };

        var normalized = ArticleContentNormalizer.Normalize(content);

        Assert.Equal([SeedMeeting.ThaoHongSon, new MeetingChair("", "Chủ tịch UBND tỉnh"), SeedMeeting.NguyenTrungTai], normalized.Meeting!.Chairs);
    }

    [Fact]
    public void PlainStory_KeepsNoMeeting()
    {
        Assert.Null(ArticleContentNormalizer.Normalize(new ArticleContent { Title = "Tin" }).Meeting);
    }

    [Fact]
    public void NullStrings_FromADeserialisedForm_BecomeEmpty()
    {
        var content = new ArticleContent { Title = null!, Lead = null!, BodyHtml = null!, Byline = null!, FeaturedImageCaption = null!, Slug = null! };

        var normalized = ArticleContentNormalizer.Normalize(content);

        Assert.Equal("", normalized.Title);
        Assert.Equal("", normalized.Lead);
        Assert.Equal("", normalized.BodyHtml);
        Assert.Equal("", normalized.Byline);
        Assert.Equal("", normalized.FeaturedImageCaption);
        Assert.Equal("", normalized.Slug);
    }

    [Fact]
    public void Body_IsNotTrimmedOrRewritten_OnlyComposed()
    {
        const string body = "  <p>Toàn cảnh Hội nghị</p>\r\n<p>ban \u00A0 hành</p>  ";

        var normalized = ArticleContentNormalizer.Normalize(new ArticleContent { BodyHtml = Nfd(body) });

        Assert.Equal(body, normalized.BodyHtml);
    }

    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    [Fact]
    public void WindowsLineBreak_InASingleLineField_BecomesOneSpace()
    {
        var normalized = ArticleContentNormalizer.Normalize(new ArticleContent { Title = "Hội nghị trực tuyến\r\nsơ kết" });

        Assert.Equal("Hội nghị trực tuyến sơ kết", normalized.Title);
    }
}
