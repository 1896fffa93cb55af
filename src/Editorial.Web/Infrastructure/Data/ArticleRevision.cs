namespace Editorial.Web.Infrastructure.Data;

public enum RevisionKind
{
    Save,
    Autosave,
    Restore,
    KeptAfterConflict,

    /// <summary>A writer's text refused because an editor took the story over; kept, but not current.</summary>
    SetAside,
}

/// <summary>A snapshot of a story's content. Revisions are only ever added; restoring makes a new one.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>1, 2, 3… per story.</summary>
    public int Number { get; set; }

    public RevisionKind Kind { get; set; }

    /// <summary>The revision a restore copied, for the list ("khôi phục từ bản 3").</summary>
    public int? RestoredFromNumber { get; set; }

    /// <summary>Serialized ArticleContent.</summary>
    public string ContentJson { get; set; } = "";

    public string Title { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }

    /// <summary>Last time an autosave folded into this revision.</summary>
    public DateTimeOffset UpdatedAtUtc { get; set; }
}
