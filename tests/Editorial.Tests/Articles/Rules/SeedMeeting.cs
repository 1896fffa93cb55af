using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Rules;

/// <summary>
/// The facts of the meeting reported in shared/seed/000_97b1773351839a8e.txt, as a reporter would fill
/// them into the "Hội nghị" form, and the story itself as a reporter would save it.
/// </summary>
internal static class SeedMeeting
{
    public const string Organizer = "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)";

    public const string Subject =
        "Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";

    public static readonly MeetingChair ThaoHongSon =
        new("Thào Hồng Sơn", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng Ban chỉ đạo XDCSCTVM");

    public static readonly MeetingChair NguyenTrungTai =
        new("Nguyễn Trung Tài", "Ủy viên BTV tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy, Phó Trưởng ban Thường trực BCĐ XDCSCTVM tỉnh");

    public const string Attendees = "các đồng chí là lãnh đạo một số sở, ban ngành liên quan";

    /// <summary>08:00 on 20/04/2017 in Hà Giang (UTC+7).</summary>
    public static readonly DateTimeOffset EventLocal = new(2017, 4, 20, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The same instant as stored.</summary>
    public static readonly DateTimeOffset EventUtc = new(2017, 4, 20, 1, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Vietnam = FindVietnam();

    public static MeetingDetails Details() => new()
    {
        Organizer = Organizer,
        Subject = Subject,
        Format = MeetingFormat.Online,
        Sites = 11,
        SitesDescription = "các huyện, thành phố",
        Chairs = [ThaoHongSon, NguyenTrungTai],
        Attendees = Attendees,
    };

    /// <summary>The seed story as a meeting report with all its fields filled.</summary>
    public static ArticleContent Story() => new()
    {
        Title = SeedStory.Headline,
        Lead = SeedStory.Lead,
        BodyHtml = $"<p>{SeedStory.TrongQuyI}</p><p>{SeedStory.DoiVoiBanChiDao}</p>",
        FeaturedImageCaption = SeedStory.Caption,
        Byline = "Trần Khánh - Thu Ngà",
        Tags = ["Hội nghị", "XDCSCTVM"],
        EventAtUtc = EventUtc,
        Kind = ArticleKind.MeetingReport,
        Meeting = Details(),
    };

    private static TimeZoneInfo FindVietnam()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var zone));
        return zone;
    }
}
