using Editorial.Core.Articles;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Revisions;

/// <summary>The seed story as a saved revision: a meeting report with its details, photo caption, byline and body.</summary>
internal static class SeedArticle
{
    public static readonly string[] BodyParagraphs =
    [
        SeedStory.TrongQuyI,
        SeedStory.DoiVoiBanChiDao,
        SeedStory.BanChiDaoCacHuyen,
        SeedStory.BaoCaoTonTai,
        SeedStory.PhuongHuong,
        SeedStory.KetLuan,
    ];

    public static ArticleContent Content { get; } = new()
    {
        Title = SeedStory.Headline,
        Slug = "hoi-nghi-truc-tuyen-so-ket-cong-tac-xay-dung-co-so-chinh-tri-vung-manh-quy-i",
        CategoryId = 3,
        Lead = SeedStory.Lead,
        BodyHtml = Body(BodyParagraphs),
        FeaturedImageId = new Guid("5f0c9a57-7d1e-4b8e-9a43-3c7e2f1d9b10"),
        FeaturedImageCaption = SeedStory.Caption,
        Byline = "Trần Khánh - Thu Ngà",
        Tags = ["Hội nghị", "XDCSCTVM", "Ban Chỉ đạo"],
        EventAtUtc = new DateTimeOffset(2017, 4, 20, 1, 0, 0, TimeSpan.Zero),
        Kind = ArticleKind.MeetingReport,
        Meeting = new MeetingDetails
        {
            Organizer = "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)",
            Subject = "Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017",
            Format = MeetingFormat.Online,
            Sites = 11,
            SitesDescription = "các huyện, thành phố",
            Chairs =
            [
                new MeetingChair("Thào Hồng Sơn", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng Ban chỉ đạo XDCSCTVM"),
                new MeetingChair("Nguyễn Trung Tài", "Ủy viên BTV tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"),
            ],
            Attendees = "lãnh đạo một số sở, ban ngành liên quan, các Ban xây dựng đảng",
        },
    };

    /// <summary>Paragraphs as TinyMCE saves them, with the captioned photo first.</summary>
    public static string Body(IEnumerable<string> paragraphs) =>
        "<figure class=\"image\"><img src=\"/media/2017/04/toan-canh.jpg\" alt=\"Toàn cảnh Hội nghị\"><figcaption>Toàn cảnh Hội nghị</figcaption></figure>\n"
        + string.Join("\n", paragraphs.Select(p => "<p>" + p.Replace("\u00A0", "&nbsp;", StringComparison.Ordinal) + "</p>"));
}
