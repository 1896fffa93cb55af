namespace Editorial.Core.Articles.Revisions;

/// <summary>The keys a revision diff names fields and meeting details by (the UI localises them).</summary>
public static class RevisionFields
{
    public const string Title = "Title";
    public const string Slug = "Slug";
    public const string Kind = "Kind";
    public const string Category = "Category";
    public const string Lead = "Lead";
    public const string FeaturedImage = "FeaturedImage";
    public const string FeaturedImageCaption = "FeaturedImageCaption";
    public const string Body = "Body";
    public const string Byline = "Byline";
    public const string Tags = "Tags";
    public const string EventAt = "EventAt";
    public const string Meeting = "Meeting";

    /// <summary>The parts of <see cref="MeetingDetails"/>, as <see cref="DiffLine.Part"/> of the <see cref="Meeting"/> field's lines.</summary>
    public static class MeetingParts
    {
        public const string Organizer = "Organizer";
        public const string Subject = "Subject";
        public const string Format = "Format";
        public const string Sites = "Sites";
        public const string SitesDescription = "SitesDescription";
        public const string Place = "Place";
        public const string Chairs = "Chairs";
        public const string Attendees = "Attendees";
    }
}
