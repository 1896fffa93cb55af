using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Tests.Articles.Rules;
using Editorial.Web.Features.Articles;
using Microsoft.Extensions.Time.Testing;

namespace Editorial.Tests.Articles.Saving;

public sealed class StoryFormTests
{
    private readonly PortalTime _time = new(new FakeTimeProvider(), SeedMeeting.Vietnam);

    [Fact]
    public void From_ShowsTheEventInVietnamTime()
    {
        var form = StoryForm.From(SeedMeeting.Story(), _time);

        Assert.Equal(new DateTime(2017, 4, 20), form.EventDate);
        Assert.Equal(new TimeSpan(8, 0, 0), form.EventTime);
    }

    [Fact]
    public void From_ShowsAnEventEarlyInTheVietnameseDay_OnThatDay()
    {
        // 23:30Z on 19/04 is 06:30 on 20/04 in Hà Giang.
        var content = SeedMeeting.Story() with { EventAtUtc = new DateTimeOffset(2017, 4, 19, 23, 30, 0, TimeSpan.Zero) };

        var form = StoryForm.From(content, _time);

        Assert.Equal(new DateTime(2017, 4, 20), form.EventDate);
        Assert.Equal(new TimeSpan(6, 30, 0), form.EventTime);
    }

    [Fact]
    public void ToContent_ReadsTheEventAsVietnamTime()
    {
        var form = new StoryForm { Title = "Hội nghị", EventDate = new DateTime(2017, 4, 20), EventTime = new TimeSpan(8, 0, 0) };

        var content = form.ToContent(_time);

        Assert.Equal(new DateTimeOffset(2017, 4, 20, 1, 0, 0, TimeSpan.Zero), content.EventAtUtc);
        Assert.Equal(TimeSpan.Zero, content.EventAtUtc!.Value.Offset);
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Utc)]
    public void ToContent_TreatsThePickedDateAsAWallClockDate_WhateverItsKind(DateTimeKind kind)
    {
        var form = new StoryForm { EventDate = new DateTime(2017, 4, 20, 0, 0, 0, kind), EventTime = new TimeSpan(8, 0, 0) };

        Assert.Equal(SeedMeeting.EventUtc, form.ToContent(_time).EventAtUtc);
    }

    [Fact]
    public void ToContent_DateWithoutTime_IsMidnightInVietnam()
    {
        var form = new StoryForm { EventDate = new DateTime(2017, 4, 20) };

        Assert.Equal(new DateTimeOffset(2017, 4, 19, 17, 0, 0, TimeSpan.Zero), form.ToContent(_time).EventAtUtc);
    }

    [Fact]
    public void ToContent_TimeWithoutDate_IsNoEvent()
    {
        var form = new StoryForm { EventTime = new TimeSpan(8, 0, 0) };

        Assert.Null(form.ToContent(_time).EventAtUtc);
    }

    [Fact]
    public void ToContent_IgnoresAnyTimeOfDayLeftInThePickedDate()
    {
        var form = new StoryForm { EventDate = new DateTime(2017, 4, 20, 15, 45, 0), EventTime = new TimeSpan(8, 0, 0) };

        Assert.Equal(SeedMeeting.EventUtc, form.ToContent(_time).EventAtUtc);
    }

    [Fact]
    public void MeetingReport_RoundTripsThroughTheForm()
    {
        var content = SeedMeeting.Story() with
        {
            Slug = "hoi-nghi-xdcsctvm",
            CategoryId = 3,
            FeaturedImageId = Guid.NewGuid(),
            Tags = ["Hội nghị", "XDCSCTVM", "Hà Giang"],
        };

        var back = StoryForm.From(content, _time).ToContent(_time);

        ContentAssert.Equal(content, back);
    }

    [Fact]
    public void PlainStory_RoundTripsThroughTheForm_WithoutMeetingOrEvent()
    {
        var content = new ArticleContent
        {
            Title = "Tổng duyệt Lễ hội Chợ tình Khâu Vai",
            Lead = "CTTĐT – Chiều 19/4, …",
            BodyHtml = "<p>Lễ hội</p>",
            Byline = "Thu Ngà",
            Tags = ["Lễ hội"],
        };

        var form = StoryForm.From(content, _time);
        var back = form.ToContent(_time);

        Assert.Null(form.EventDate);
        Assert.Null(form.EventTime);
        ContentAssert.Equal(content, back);
    }

    [Fact]
    public void From_FillsTheMeetingPanel()
    {
        var form = StoryForm.From(SeedMeeting.Story(), _time);

        Assert.Equal(ArticleKind.MeetingReport, form.Kind);
        Assert.Equal(SeedMeeting.Organizer, form.Meeting.Organizer);
        Assert.Equal(SeedMeeting.Subject, form.Meeting.Subject);
        Assert.Equal(MeetingFormat.Online, form.Meeting.Format);
        Assert.Equal(11, form.Meeting.Sites);
        Assert.Equal("các huyện, thành phố", form.Meeting.SitesDescription);
        Assert.Equal(SeedMeeting.Attendees, form.Meeting.Attendees);
        Assert.Equal(
            [("Thào Hồng Sơn", SeedMeeting.ThaoHongSon.Titles), ("Nguyễn Trung Tài", SeedMeeting.NguyenTrungTai.Titles)],
            form.Meeting.Chairs.Select(c => (c.Name, c.Titles)));
        Assert.Equal("Hội nghị, XDCSCTVM", form.TagsText);
    }

    [Fact]
    public void From_AStoryWithoutMeeting_OffersOneEmptyChairRow()
    {
        var form = StoryForm.From(new ArticleContent { Title = "Tin" }, _time);

        var chair = Assert.Single(form.Meeting.Chairs);
        Assert.Equal(("", ""), (chair.Name, chair.Titles));
    }

    [Fact]
    public void Meeting_IsSavedOnlyForAMeetingReport()
    {
        var form = StoryForm.From(SeedMeeting.Story(), _time);

        form.Kind = ArticleKind.Plain;
        Assert.Null(form.ToContent(_time).Meeting);

        form.Kind = ArticleKind.MeetingReport;
        Assert.NotNull(form.ToContent(_time).Meeting);
    }

    [Fact]
    public void InPersonMeeting_DropsTheOnlineSites()
    {
        var form = StoryForm.From(SeedMeeting.Story(), _time);
        form.Meeting.Format = MeetingFormat.InPerson;
        form.Meeting.Place = "Hội trường Tỉnh ủy";

        var meeting = form.ToContent(_time).Meeting!;

        Assert.Equal(MeetingFormat.InPerson, meeting.Format);
        Assert.Null(meeting.Sites);
        Assert.Equal("", meeting.SitesDescription);
        Assert.Equal("Hội trường Tỉnh ủy", meeting.Place);
    }

    [Fact]
    public void Tags_AreSplitOnCommasAndSemicolons()
    {
        var form = new StoryForm { TagsText = " Hội nghị, XDCSCTVM;Hà Giang ,, ; " };

        Assert.Equal(["Hội nghị", "XDCSCTVM", "Hà Giang"], form.ToContent(_time).Tags);
    }
}
