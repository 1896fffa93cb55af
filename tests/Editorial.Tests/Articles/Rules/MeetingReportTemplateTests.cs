using System.Text;
using System.Text.RegularExpressions;
using Editorial.Core.Articles;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Rules;

public sealed class MeetingReportTemplateTests
{
    private const string Dateline = "CTTĐT";

    [Fact]
    public void SeedMeeting_ProducesTheLeadThePortalPublished()
    {
        var lead = MeetingReportTemplate.BuildLead(SeedMeeting.Details(), SeedMeeting.EventLocal, Dateline);

        Assert.StartsWith(
            "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu "
            + "gồm các huyện, thành phố về Sơ kết công tác",
            lead,
            StringComparison.Ordinal);
        Assert.Contains(
            "Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng Ban chỉ đạo "
            + "XDCSCTVM; Nguyễn Trung Tài, Ủy viên BTV tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy, Phó Trưởng ban Thường trực BCĐ "
            + "XDCSCTVM tỉnh",
            lead,
            StringComparison.Ordinal);
        Assert.Contains("; dự Hội nghị còn có các đồng chí là lãnh đạo một số sở, ban ngành liên quan.", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedMeeting_LeadIsThePublishedLeadUpToTheAttendeesTheFormWasGiven()
    {
        var lead = MeetingReportTemplate.BuildLead(SeedMeeting.Details(), SeedMeeting.EventLocal, Dateline);

        // The reporter gave only the first attendees; the published lead continues their list.
        Assert.EndsWith(".", lead, StringComparison.Ordinal);
        Assert.StartsWith(lead[..^1], SeedStory.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void InPersonMeeting_SaysWhereItWasHeld()
    {
        var meeting = SeedMeeting.Details() with
        {
            Organizer = "UBND tỉnh",
            Format = MeetingFormat.InPerson,
            Place = "Hội trường UBND tỉnh",
            Subject = "triển khai nhiệm vụ quý II",
            Chairs = [],
            Attendees = "",
        };

        var lead = MeetingReportTemplate.BuildLead(meeting, Local(2017, 4, 20, 14, 0), Dateline);

        Assert.Equal("CTTĐT – Chiều 20/4, UBND tỉnh đã tổ chức Hội nghị tại Hội trường UBND tỉnh về triển khai nhiệm vụ quý II.", lead);
    }

    [Fact]
    public void InPersonMeeting_WithoutPlace_OmitsTheTaiPart()
    {
        var meeting = new MeetingDetails { Organizer = "UBND tỉnh", Format = MeetingFormat.InPerson, Subject = "tổng kết năm 2016" };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.Equal("CTTĐT – Sáng 20/4, UBND tỉnh đã tổ chức Hội nghị về tổng kết năm 2016.", lead);
    }

    [Fact]
    public void InPersonMeeting_IgnoresSitesLeftFromAnOnlineDraft()
    {
        var meeting = SeedMeeting.Details() with { Format = MeetingFormat.InPerson, Place = "Hội trường Tỉnh ủy" };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.DoesNotContain("điểm cầu", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("trực tuyến", lead, StringComparison.Ordinal);
        Assert.Contains("đã tổ chức Hội nghị tại Hội trường Tỉnh ủy về Sơ kết", lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void OnlineMeeting_WithoutSites_SaysOnlyThatItWasOnline(int? sites)
    {
        var meeting = SeedMeeting.Details() with { Sites = sites, Chairs = [], Attendees = "" };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.Equal(
            "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến về "
            + SeedMeeting.Subject + ".",
            lead);
    }

    [Fact]
    public void OnlineMeeting_WithoutSitesDescription_SaysOnlyTheNumberOfSites()
    {
        var meeting = SeedMeeting.Details() with { SitesDescription = "  " };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.Contains("đã họp trực tuyến với 11 điểm cầu về Sơ kết", lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "Sáng")]
    [InlineData(8, 0, "Sáng")]
    [InlineData(10, 59, "Sáng")]
    [InlineData(11, 0, "Trưa")]
    [InlineData(12, 59, "Trưa")]
    [InlineData(13, 0, "Chiều")]
    [InlineData(17, 59, "Chiều")]
    [InlineData(18, 0, "Tối")]
    [InlineData(23, 59, "Tối")]
    public void PartOfDay_FollowsTheClockInVietnam(int hour, int minute, string expected)
    {
        var when = Local(2017, 4, 20, hour, minute);

        Assert.Equal(expected, MeetingReportTemplate.PartOfDay(when));
        Assert.StartsWith($"CTTĐT – {expected} 20/4, ", MeetingReportTemplate.BuildLead(SeedMeeting.Details(), when, Dateline), StringComparison.Ordinal);
    }

    [Fact]
    public void Date_IsDayAndMonthWithoutLeadingZeros()
    {
        var lead = MeetingReportTemplate.BuildLead(SeedMeeting.Details(), Local(2017, 3, 5, 8, 0), Dateline);

        Assert.StartsWith("CTTĐT – Sáng 5/3, Ban Chỉ đạo", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEventTime_LeavesOutThePartOfDayAndDate()
    {
        var lead = MeetingReportTemplate.BuildLead(SeedMeeting.Details(), null, Dateline);

        Assert.StartsWith("CTTĐT – Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("Sáng", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("20/4", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Dateline_IsTrimmedAndFollowedByOneEnDash()
    {
        var lead = MeetingReportTemplate.BuildLead(SeedMeeting.Details(), SeedMeeting.EventLocal, "  CTTĐT ");

        Assert.StartsWith("CTTĐT – Sáng 20/4, ", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyChairRows_AreOmitted()
    {
        var meeting = SeedMeeting.Details() with
        {
            Chairs = [new MeetingChair("", ""), new MeetingChair("  ", "Chủ tịch UBND tỉnh"), SeedMeeting.ThaoHongSon, new MeetingChair("", "")],
        };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.Contains(
            " Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng Ban chỉ đạo XDCSCTVM; dự Hội nghị còn có ",
            lead,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Chủ tịch UBND tỉnh", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("; ;", lead, StringComparison.Ordinal);
        Assert.DoesNotContain(", ;", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void ChairWithoutTitles_IsJustTheName()
    {
        var meeting = SeedMeeting.Details() with { Chairs = [new MeetingChair("Thào Hồng Sơn", " ")], Attendees = "" };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.EndsWith(" Chủ trì Hội nghị có đồng chí Thào Hồng Sơn.", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChairs_AttendeesStartTheirOwnSentence()
    {
        var meeting = SeedMeeting.Details() with { Chairs = [] };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.EndsWith("năm 2017. Dự Hội nghị có các đồng chí là lãnh đạo một số sở, ban ngành liên quan.", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("Chủ trì", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChairsNorAttendees_EndsAfterTheSubject()
    {
        var meeting = SeedMeeting.Details() with { Chairs = [], Attendees = "" };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.EndsWith("quý II năm 2017.", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingPunctuationTypedInTheForm_IsNotDoubled()
    {
        var meeting = SeedMeeting.Details() with
        {
            Subject = SeedMeeting.Subject + ".",
            Chairs = [SeedMeeting.ThaoHongSon with { Titles = SeedMeeting.ThaoHongSon.Titles + ";" }, SeedMeeting.NguyenTrungTai],
            Attendees = SeedMeeting.Attendees + ". ",
        };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.Equal(MeetingReportTemplate.BuildLead(SeedMeeting.Details(), SeedMeeting.EventLocal, Dateline), lead);
        Assert.DoesNotContain("..", lead, StringComparison.Ordinal);
        Assert.DoesNotContain(";;", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyOrganizer_LeavesAnEllipsisToFillIn()
    {
        var meeting = SeedMeeting.Details() with { Organizer = " " };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Dateline);

        Assert.StartsWith("CTTĐT – Sáng 20/4, … đã họp trực tuyến", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void DecomposedInput_GivesAComposedLead()
    {
        var meeting = new MeetingDetails
        {
            Organizer = Nfd(SeedMeeting.Organizer),
            Subject = Nfd(SeedMeeting.Subject),
            Format = MeetingFormat.Online,
            Sites = 11,
            SitesDescription = Nfd("các huyện, thành phố"),
            Chairs = [new MeetingChair(Nfd(SeedMeeting.ThaoHongSon.Name), Nfd(SeedMeeting.ThaoHongSon.Titles))],
            Attendees = Nfd(SeedMeeting.Attendees),
        };

        var lead = MeetingReportTemplate.BuildLead(meeting, SeedMeeting.EventLocal, Nfd(Dateline));

        Assert.True(lead.IsNormalized(NormalizationForm.FormC));
        var expected = MeetingReportTemplate.BuildLead(SeedMeeting.Details() with { Chairs = [SeedMeeting.ThaoHongSon] }, SeedMeeting.EventLocal, Dateline);
        Assert.Equal(expected, lead);
    }

    [Fact]
    public void BodyOutline_HasTheFourReportHeadingsInOrder()
    {
        var outline = MeetingReportTemplate.BuildBodyOutline();

        var headings = Regex.Matches(outline, "<h2>(.*?)</h2>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Kết quả", "Tồn tại, hạn chế", "Phương hướng nhiệm vụ", "Kết luận"], headings);
        Assert.Equal(headings, MeetingReportTemplate.SectionHeadings);
        Assert.True(outline.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void BodyOutline_LeavesAnEmptyParagraphUnderEachHeading()
    {
        var outline = MeetingReportTemplate.BuildBodyOutline();

        Assert.Equal(
            "<h2>Kết quả</h2><p></p><h2>Tồn tại, hạn chế</h2><p></p><h2>Phương hướng nhiệm vụ</h2><p></p><h2>Kết luận</h2><p></p>",
            outline);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);
}
