using Editorial.Core.Articles;
using Editorial.Core.Time;

namespace Editorial.Web.Features.Articles;

/// <summary>The editor page's mutable form, converted to and from the immutable <see cref="ArticleContent"/>.</summary>
public sealed class StoryForm
{
    public ArticleKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public int? CategoryId { get; set; }

    public string Lead { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public Guid? FeaturedImageId { get; set; }

    public string FeaturedImageCaption { get; set; } = "";

    public string Byline { get; set; } = "";

    /// <summary>Tags as typed, separated by commas or semicolons.</summary>
    public string TagsText { get; set; } = "";

    public DateTime? EventDate { get; set; }

    public TimeSpan? EventTime { get; set; }

    public MeetingForm Meeting { get; set; } = new();

    public static StoryForm From(ArticleContent content, PortalTime time)
    {
        var local = content.EventAtUtc is { } at ? time.ToLocal(at) : (DateTimeOffset?)null;
        return new StoryForm
        {
            Kind = content.Kind,
            Title = content.Title,
            Slug = content.Slug,
            CategoryId = content.CategoryId,
            Lead = content.Lead,
            BodyHtml = content.BodyHtml,
            FeaturedImageId = content.FeaturedImageId,
            FeaturedImageCaption = content.FeaturedImageCaption,
            Byline = content.Byline,
            TagsText = string.Join(", ", content.Tags),
            EventDate = local?.Date,
            EventTime = local?.TimeOfDay,
            Meeting = MeetingForm.From(content.Meeting),
        };
    }

    public ArticleContent ToContent(PortalTime time) => new()
    {
        Kind = Kind,
        Title = Title,
        Slug = Slug,
        CategoryId = CategoryId,
        Lead = Lead,
        BodyHtml = BodyHtml,
        FeaturedImageId = FeaturedImageId,
        FeaturedImageCaption = FeaturedImageCaption,
        Byline = Byline,
        Tags = TagsText.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        EventAtUtc = EventDate is { } date ? time.FromLocal(date.Date + (EventTime ?? TimeSpan.Zero)) : null,
        Meeting = Kind == ArticleKind.MeetingReport ? Meeting.ToDetails() : null,
    };
}

public sealed class MeetingForm
{
    public string Organizer { get; set; } = "";

    public string Subject { get; set; } = "";

    public MeetingFormat Format { get; set; } = MeetingFormat.Online;

    public int? Sites { get; set; }

    public string SitesDescription { get; set; } = "";

    public string Place { get; set; } = "";

    public string Attendees { get; set; } = "";

    public List<ChairForm> Chairs { get; set; } = [new()];

    public static MeetingForm From(MeetingDetails? details) => details is null ? new MeetingForm() : new MeetingForm
    {
        Organizer = details.Organizer,
        Subject = details.Subject,
        Format = details.Format,
        Sites = details.Sites,
        SitesDescription = details.SitesDescription,
        Place = details.Place,
        Attendees = details.Attendees,
        Chairs = details.Chairs.Count == 0 ? [new()] : details.Chairs.Select(c => new ChairForm { Name = c.Name, Titles = c.Titles }).ToList(),
    };

    public MeetingDetails ToDetails() => new()
    {
        Organizer = Organizer,
        Subject = Subject,
        Format = Format,
        Sites = Format == MeetingFormat.Online ? Sites : null,
        SitesDescription = Format == MeetingFormat.Online ? SitesDescription : "",
        Place = Place,
        Attendees = Attendees,
        Chairs = Chairs.Select(c => new MeetingChair(c.Name, c.Titles)).ToList(),
    };
}

public sealed class ChairForm
{
    public string Name { get; set; } = "";

    public string Titles { get; set; } = "";
}
