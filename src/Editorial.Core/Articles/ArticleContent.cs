namespace Editorial.Core.Articles;

/// <summary>A person who chaired a meeting, with the titles printed after the name.</summary>
public sealed record MeetingChair(string Name, string Titles);

/// <summary>The structured facts of a meeting report; they produce the lead and the body's outline.</summary>
public sealed record MeetingDetails
{
    /// <summary>The body that met ("Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)").</summary>
    public string Organizer { get; init; } = "";

    /// <summary>What the meeting was about ("Sơ kết công tác ... quý I, phương hướng nhiệm vụ quý II năm 2017").</summary>
    public string Subject { get; init; } = "";

    public MeetingFormat Format { get; init; } = MeetingFormat.InPerson;

    /// <summary>Number of connected sites of an online meeting ("11 điểm cầu").</summary>
    public int? Sites { get; init; }

    /// <summary>Who the sites were ("các huyện, thành phố").</summary>
    public string SitesDescription { get; init; } = "";

    public string Place { get; init; } = "";

    public IReadOnlyList<MeetingChair> Chairs { get; init; } = [];

    public string Attendees { get; init; } = "";
}

/// <summary>Everything a writer edits on a story; one revision stores one of these.</summary>
public sealed record ArticleContent
{
    public string Title { get; init; } = "";

    public string Slug { get; init; } = "";

    public int? CategoryId { get; init; }

    public string Lead { get; init; } = "";

    public string BodyHtml { get; init; } = "";

    public Guid? FeaturedImageId { get; init; }

    public string FeaturedImageCaption { get; init; } = "";

    /// <summary>As printed under the story ("Trần Khánh - Thu Ngà"); not necessarily accounts.</summary>
    public string Byline { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public DateTimeOffset? EventAtUtc { get; init; }

    public ArticleKind Kind { get; init; } = ArticleKind.Plain;

    public MeetingDetails? Meeting { get; init; }
}
