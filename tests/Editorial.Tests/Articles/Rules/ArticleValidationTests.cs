using System.Text;
using Editorial.Core.Articles;

namespace Editorial.Tests.Articles.Rules;

public sealed class ArticleValidationTests
{
    private static readonly ArticleContent Valid = SeedMeeting.Story();

    [Fact]
    public void SeedStory_IsValid()
    {
        Assert.Empty(ArticleValidation.Validate(Valid));
    }

    [Fact]
    public void MinimalStory_NeedsOnlyTitleAndLead()
    {
        Assert.Empty(ArticleValidation.Validate(new ArticleContent { Title = "Tổng duyệt Lễ hội Chợ tình Khâu Vai", Lead = "CTTĐT – Chiều 19/4, …" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n\u00A0")]
    public void Title_IsRequired(string title)
    {
        var error = Assert.Single(ArticleValidation.Validate(Valid with { Title = title }));

        Assert.Equal(new ValidationError("Title", ArticleValidation.Required), error);
    }

    [Fact]
    public void Title_Of250Characters_IsAccepted_251_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Title = new string('ệ', 250) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Title = new string('ệ', 251) }));
        Assert.Equal(new ValidationError("Title", ArticleValidation.TooLong, 250), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void Lead_IsRequired(string lead)
    {
        var error = Assert.Single(ArticleValidation.Validate(Valid with { Lead = lead }));

        Assert.Equal(new ValidationError("Lead", ArticleValidation.Required), error);
    }

    [Fact]
    public void Lead_Of1000Characters_IsAccepted_1001_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Lead = new string('ạ', 1000) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Lead = new string('ạ', 1001) }));
        Assert.Equal(new ValidationError("Lead", ArticleValidation.TooLong, 1000), error);
    }

    [Fact]
    public void Body_OfExactlyTwoMegabytes_IsAccepted()
    {
        var body = new string('a', 2 * 1024 * 1024);

        Assert.Empty(ArticleValidation.Validate(Valid with { BodyHtml = body }));
    }

    [Fact]
    public void Body_OneByteOverTwoMegabytes_IsRefused_WithTheLimitInMegabytes()
    {
        var body = new string('a', (2 * 1024 * 1024) + 1);

        var error = Assert.Single(ArticleValidation.Validate(Valid with { BodyHtml = body }));
        Assert.Equal(new ValidationError("BodyHtml", ArticleValidation.TooLong, 2), error);
    }

    [Fact]
    public void Body_IsMeasuredInUtf8Bytes_NotCharacters()
    {
        // One million characters, but "ệ" is three bytes in UTF-8: three million bytes.
        var body = new string('ệ', 1_000_000);
        Assert.Equal(3_000_000, Encoding.UTF8.GetByteCount(body));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { BodyHtml = body }));
        Assert.Equal(new ValidationError("BodyHtml", ArticleValidation.TooLong, 2), error);
    }

    [Fact]
    public void Body_OfVietnameseJustUnderTwoMegabytes_IsAccepted()
    {
        var body = new string('ệ', (2 * 1024 * 1024) / 3);

        Assert.Empty(ArticleValidation.Validate(Valid with { BodyHtml = body }));
    }

    [Fact]
    public void Body_MayBeEmpty()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { BodyHtml = "" }));
    }

    [Fact]
    public void Tags_Twenty_AreAccepted_TwentyOne_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Tags = Tags(20) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Tags = Tags(21) }));
        Assert.Equal(new ValidationError("Tags", ArticleValidation.TooMany, 20), error);
    }

    [Fact]
    public void Tag_Of60Characters_IsAccepted_61_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Tags = ["Hội nghị", new string('đ', 60)] }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Tags = ["Hội nghị", new string('đ', 61)] }));
        Assert.Equal(new ValidationError("Tags", ArticleValidation.TooLong, 60), error);
    }

    [Fact]
    public void Slug_Of120Characters_IsAccepted_121_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Slug = new string('a', 120) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Slug = new string('a', 121) }));
        Assert.Equal(new ValidationError("Slug", ArticleValidation.TooLong, 120), error);
    }

    [Fact]
    public void Byline_Of250Characters_IsAccepted_251_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Byline = new string('à', 250) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Byline = new string('à', 251) }));
        Assert.Equal(new ValidationError("Byline", ArticleValidation.TooLong, 250), error);
    }

    [Fact]
    public void Caption_Of500Characters_IsAccepted_501_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { FeaturedImageCaption = new string('ộ', 500) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { FeaturedImageCaption = new string('ộ', 501) }));
        Assert.Equal(new ValidationError("FeaturedImageCaption", ArticleValidation.TooLong, 500), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(10_000)]
    public void MeetingSites_InRange_AreAccepted(int? sites)
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Sites = sites } }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void MeetingSites_OutOfRange_AreRefused(int sites)
    {
        var error = Assert.Single(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Sites = sites } }));

        Assert.Equal(new ValidationError("Meeting.Sites", ArticleValidation.OutOfRange, 10_000), error);
    }

    [Fact]
    public void MeetingChairs_Twenty_AreAccepted_TwentyOne_Refused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Chairs = Chairs(20) } }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Chairs = Chairs(21) } }));
        Assert.Equal(new ValidationError("Meeting.Chairs", ArticleValidation.TooMany, 20), error);
    }

    [Fact]
    public void MeetingChair_WithAnAbsurdName_IsRefused()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Chairs = [new MeetingChair(new string('ơ', 200), "")] } }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Chairs = [new MeetingChair(new string('ơ', 201), "")] } }));
        Assert.Equal("Meeting.Chairs", error.Field);
        Assert.Equal(ArticleValidation.TooLong, error.Code);
    }

    [Fact]
    public void MeetingChair_WithAbsurdTitles_IsRefused()
    {
        var chairs = new[] { new MeetingChair("Thào Hồng Sơn", new string('ư', 1001)) };

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Meeting = Valid.Meeting! with { Chairs = chairs } }));

        Assert.Equal(new ValidationError("Meeting.Chairs", ArticleValidation.TooLong, 1000), error);
    }

    [Theory]
    [InlineData("Meeting.Organizer")]
    [InlineData("Meeting.Subject")]
    [InlineData("Meeting.SitesDescription")]
    [InlineData("Meeting.Place")]
    [InlineData("Meeting.Attendees")]
    public void MeetingText_Of1000Characters_IsAccepted_1001_Refused(string field)
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Meeting = WithMeetingField(field, new string('ế', 1000)) }));

        var error = Assert.Single(ArticleValidation.Validate(Valid with { Meeting = WithMeetingField(field, new string('ế', 1001)) }));
        Assert.Equal(new ValidationError(field, ArticleValidation.TooLong, 1000), error);
    }

    [Fact]
    public void PlainStory_WithoutMeeting_HasNoMeetingRules()
    {
        Assert.Empty(ArticleValidation.Validate(Valid with { Kind = ArticleKind.Plain, Meeting = null }));
    }

    [Fact]
    public void EveryRefusedField_IsReportedAtOnce()
    {
        var content = Valid with
        {
            Title = "",
            Lead = new string('a', 1001),
            Tags = Tags(21),
            Meeting = Valid.Meeting! with { Sites = -5 },
        };

        var errors = ArticleValidation.Validate(content);

        Assert.Equal(
            [
                new ValidationError("Title", ArticleValidation.Required),
                new ValidationError("Lead", ArticleValidation.TooLong, 1000),
                new ValidationError("Tags", ArticleValidation.TooMany, 20),
                new ValidationError("Meeting.Sites", ArticleValidation.OutOfRange, 10_000),
            ],
            errors);
    }

    [Fact]
    public void FieldNames_AreTheContentPropertyNames_TheUiTranslates()
    {
        Assert.Equal(nameof(ArticleContent.Title), ArticleValidation.Validate(Valid with { Title = "" })[0].Field);
        Assert.Equal(nameof(ArticleContent.Lead), ArticleValidation.Validate(Valid with { Lead = "" })[0].Field);
        Assert.Equal(nameof(ArticleContent.BodyHtml), ArticleValidation.Validate(Valid with { BodyHtml = new string('ệ', 1_000_000) })[0].Field);
    }

    private static List<string> Tags(int count) => Enumerable.Range(1, count).Select(i => $"Thẻ {i}").ToList();

    private static List<MeetingChair> Chairs(int count) =>
        Enumerable.Range(1, count).Select(i => new MeetingChair($"Đồng chí {i}", "Ủy viên BTV tỉnh ủy")).ToList();

    private static MeetingDetails WithMeetingField(string field, string value) => field switch
    {
        "Meeting.Organizer" => Valid.Meeting! with { Organizer = value },
        "Meeting.Subject" => Valid.Meeting! with { Subject = value },
        "Meeting.SitesDescription" => Valid.Meeting! with { SitesDescription = value },
        "Meeting.Place" => Valid.Meeting! with { Place = value },
        "Meeting.Attendees" => Valid.Meeting! with { Attendees = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    [Fact]
    public void Title_OfOnlyInvisibleCharacters_IsRequired()
    {
        // Zero-width space, soft hyphen and byte-order mark, as pasted from Word: nothing a reader can see.
        var error = Assert.Single(ArticleValidation.Validate(Valid with { Title = "\u200B\u00AD\uFEFF" }));

        Assert.Equal(new ValidationError("Title", ArticleValidation.Required), error);
    }
}
