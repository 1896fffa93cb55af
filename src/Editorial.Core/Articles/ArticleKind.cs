namespace Editorial.Core.Articles;

/// <summary>A plain story, or a meeting report written from the "Hội nghị" template.</summary>
public enum ArticleKind
{
    Plain,
    MeetingReport,
}

/// <summary>How a meeting was held.</summary>
public enum MeetingFormat
{
    InPerson,
    Online,
}
