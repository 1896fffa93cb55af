using System.Globalization;
using System.Text;

namespace Editorial.Core.Articles;

/// <summary>
/// Turns a meeting's facts into the lead and outline the portal's meeting reports share:
/// "CTTĐT – Sáng 20/4, Ban Chỉ đạo … đã họp trực tuyến với 11 điểm cầu … Chủ trì Hội nghị có đồng chí …".
/// The result is a starting point; the writer edits it freely afterwards.
/// </summary>
public static class MeetingReportTemplate
{
    /// <summary>Body outline headings, in the order reports use them.</summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
        ["Kết quả", "Tồn tại, hạn chế", "Phương hướng nhiệm vụ", "Kết luận"];

    public static string BuildLead(MeetingDetails meeting, DateTimeOffset? eventLocalTime, string datelinePrefix)
    {
        var lead = new StringBuilder();
        lead.Append(datelinePrefix.Trim()).Append(" – ");

        if (eventLocalTime is { } when)
        {
            lead.Append(PartOfDay(when)).Append(' ')
                .Append(when.Day.ToString(CultureInfo.InvariantCulture)).Append('/')
                .Append(when.Month.ToString(CultureInfo.InvariantCulture)).Append(", ");
        }

        var organizer = Clean(meeting.Organizer);
        lead.Append(organizer.Length > 0 ? organizer : "…");

        if (meeting.Format == MeetingFormat.Online)
        {
            lead.Append(" đã họp trực tuyến");
            if (meeting.Sites is > 0)
            {
                lead.Append(" với ").Append(meeting.Sites.Value.ToString(CultureInfo.InvariantCulture)).Append(" điểm cầu");
                var sites = Clean(meeting.SitesDescription);
                if (sites.Length > 0)
                {
                    lead.Append(" gồm ").Append(sites);
                }
            }
        }
        else
        {
            lead.Append(" đã tổ chức Hội nghị");
            var place = Clean(meeting.Place);
            if (place.Length > 0)
            {
                lead.Append(" tại ").Append(place);
            }
        }

        var subject = Clean(meeting.Subject);
        if (subject.Length > 0)
        {
            lead.Append(" về ").Append(subject);
        }

        lead.Append('.');

        var chairs = meeting.Chairs.Where(c => Clean(c.Name).Length > 0).ToList();
        if (chairs.Count > 0)
        {
            // The first chair is introduced with "đồng chí"; the others follow, separated by semicolons.
            lead.Append(" Chủ trì Hội nghị có đồng chí ");
            lead.Append(string.Join("; ", chairs.Select(FormatChair)));
        }

        var attendees = Clean(meeting.Attendees);
        if (attendees.Length > 0)
        {
            lead.Append(chairs.Count > 0 ? "; dự Hội nghị còn có " : " Dự Hội nghị có ").Append(attendees);
        }

        if (chairs.Count > 0 || attendees.Length > 0)
        {
            lead.Append('.');
        }

        return Text.VietnameseText.Normalize(lead.ToString());
    }

    /// <summary>Empty sections with the report's headings, ready to be written.</summary>
    public static string BuildBodyOutline() =>
        string.Concat(SectionHeadings.Select(h => $"<h2>{System.Net.WebUtility.HtmlEncode(h)}</h2><p></p>"));

    /// <summary>"Sáng" before 11:00, "Trưa" until 13:00, "Chiều" until 18:00, then "Tối".</summary>
    public static string PartOfDay(DateTimeOffset localTime) => localTime.Hour switch
    {
        < 11 => "Sáng",
        < 13 => "Trưa",
        < 18 => "Chiều",
        _ => "Tối",
    };

    private static string FormatChair(MeetingChair chair)
    {
        var name = Clean(chair.Name);
        var titles = Clean(chair.Titles);
        return titles.Length > 0 ? $"{name}, {titles}" : name;
    }

    private static string Clean(string? value) => (value ?? "").Trim().TrimEnd('.', ';', ',').Trim();
}
