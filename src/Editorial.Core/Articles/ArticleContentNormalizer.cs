using Editorial.Core.Text;

namespace Editorial.Core.Articles;

/// <summary>
/// Brings every text field of a story to the stored form: Unicode NFC (TCVN 6909:2001), trimmed,
/// tags de-duplicated. Text pasted from macOS or old Word exports often arrives decomposed (NFD).
/// </summary>
public static partial class ArticleContentNormalizer
{
    public static ArticleContent Normalize(ArticleContent content) => content with
    {
        Title = Line(content.Title),
        Slug = Line(content.Slug),
        Lead = Text(content.Lead),
        BodyHtml = VietnameseText.Normalize(content.BodyHtml ?? ""),
        FeaturedImageCaption = Line(content.FeaturedImageCaption),
        Byline = Line(content.Byline),
        Tags = content.Tags
            .Select(Line)
            .Where(t => t.Length > 0)
            .DistinctBy(VietnameseText.Fold)
            .ToList(),
        Meeting = content.Meeting is null ? null : content.Meeting with
        {
            Organizer = Line(content.Meeting.Organizer),
            Subject = Line(content.Meeting.Subject),
            SitesDescription = Line(content.Meeting.SitesDescription),
            Place = Line(content.Meeting.Place),
            Attendees = Text(content.Meeting.Attendees),
            Chairs = content.Meeting.Chairs
                .Select(c => new MeetingChair(Line(c.Name), Line(c.Titles)))
                .Where(c => c.Name.Length > 0 || c.Titles.Length > 0)
                .ToList(),
        },
    };

    /// <summary>One line: NFC, no line breaks, single spaces at the ends trimmed.</summary>
    private static string Line(string? value) =>
        VietnameseText.Normalize(LineBreaks().Replace(value ?? "", " ")).Trim();

    // A line break with the spaces around it (Windows \r\n included) becomes one space.
    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]*[\r\n]+[ \t]*")]
    private static partial System.Text.RegularExpressions.Regex LineBreaks();

    private static string Text(string? value) => VietnameseText.Normalize((value ?? "").Replace("\r\n", "\n")).Trim();
}
