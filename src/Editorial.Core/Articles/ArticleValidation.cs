using System.Text;

namespace Editorial.Core.Articles;

/// <summary>A refused field: which one, a stable code the UI translates, and the limit involved.</summary>
public sealed record ValidationError(string Field, string Code, int? Limit = null);

/// <summary>The hard rules for saving a story, whatever its state. Messages are translated by the UI.</summary>
public static class ArticleValidation
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string TooMany = "too-many";
    public const string OutOfRange = "out-of-range";

    public static IReadOnlyList<ValidationError> Validate(ArticleContent content)
    {
        var errors = new List<ValidationError>();
        RequiredText(errors, nameof(ArticleContent.Title), content.Title, ArticleLimits.TitleMaxLength);
        RequiredText(errors, nameof(ArticleContent.Lead), content.Lead, ArticleLimits.LeadMaxLength);
        MaxLength(errors, nameof(ArticleContent.Slug), content.Slug, ArticleLimits.SlugMaxLength);
        MaxLength(errors, nameof(ArticleContent.Byline), content.Byline, ArticleLimits.BylineMaxLength);
        MaxLength(errors, nameof(ArticleContent.FeaturedImageCaption), content.FeaturedImageCaption, ArticleLimits.CaptionMaxLength);

        if (Encoding.UTF8.GetByteCount(content.BodyHtml ?? "") > ArticleLimits.BodyMaxBytes)
        {
            errors.Add(new ValidationError(nameof(ArticleContent.BodyHtml), TooLong, ArticleLimits.BodyMaxBytes / (1024 * 1024)));
        }

        if (content.Tags.Count > ArticleLimits.MaxTags)
        {
            errors.Add(new ValidationError(nameof(ArticleContent.Tags), TooMany, ArticleLimits.MaxTags));
        }
        else if (content.Tags.Any(t => t.Length > ArticleLimits.TagMaxLength))
        {
            errors.Add(new ValidationError(nameof(ArticleContent.Tags), TooLong, ArticleLimits.TagMaxLength));
        }

        if (content.Meeting is { } meeting)
        {
            ValidateMeeting(errors, meeting);
        }

        return errors;
    }

    private static void ValidateMeeting(List<ValidationError> errors, MeetingDetails meeting)
    {
        foreach (var (field, value) in new[]
                 {
                     ("Meeting.Organizer", meeting.Organizer), ("Meeting.Subject", meeting.Subject),
                     ("Meeting.SitesDescription", meeting.SitesDescription), ("Meeting.Place", meeting.Place),
                     ("Meeting.Attendees", meeting.Attendees),
                 })
        {
            MaxLength(errors, field, value, ArticleLimits.MeetingFieldMaxLength);
        }

        if (meeting.Sites is < 0 or > 10_000)
        {
            errors.Add(new ValidationError("Meeting.Sites", OutOfRange, 10_000));
        }

        if (meeting.Chairs.Count > ArticleLimits.MaxChairs)
        {
            errors.Add(new ValidationError("Meeting.Chairs", TooMany, ArticleLimits.MaxChairs));
        }
        else if (meeting.Chairs.Any(c => c.Name.Length > 200 || c.Titles.Length > ArticleLimits.MeetingFieldMaxLength))
        {
            errors.Add(new ValidationError("Meeting.Chairs", TooLong, ArticleLimits.MeetingFieldMaxLength));
        }
    }

    private static void RequiredText(List<ValidationError> errors, string field, string? value, int max)
    {
        // Invisible characters pasted from Word (zero-width space, soft hyphen, BOM) are not a title.
        if (string.IsNullOrWhiteSpace(value) || Text.VietnameseText.Fold(value).Length == 0)
        {
            errors.Add(new ValidationError(field, Required));
        }
        else
        {
            MaxLength(errors, field, value, max);
        }
    }

    private static void MaxLength(List<ValidationError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new ValidationError(field, TooLong, max));
        }
    }
}
