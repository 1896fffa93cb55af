namespace Editorial.Core.Articles;

/// <summary>Lengths a story may not exceed (the limits); the database columns follow them.</summary>
public static class ArticleLimits
{
    public const int TitleMaxLength = 250;
    public const int SlugMaxLength = 120;
    public const int LeadMaxLength = 1000;
    public const int BodyMaxBytes = 2 * 1024 * 1024;
    public const int CaptionMaxLength = 500;
    public const int BylineMaxLength = 250;
    public const int TagMaxLength = 60;
    public const int MaxTags = 20;
    public const int MeetingFieldMaxLength = 1000;
    public const int MaxChairs = 20;
}
