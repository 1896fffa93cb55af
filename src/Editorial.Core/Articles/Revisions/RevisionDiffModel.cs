namespace Editorial.Core.Articles.Revisions;

/// <summary>What happened to a line (a paragraph of the body, a tag, a meeting detail) between two revisions.</summary>
public enum DiffLineKind
{
    Unchanged,
    Inserted,
    Deleted,

    /// <summary>Changed in place; <see cref="DiffLine.Spans"/> shows the words that changed.</summary>
    Modified,

    /// <summary>A run of unchanged lines folded away by <see cref="RevisionDiff.CollapseUnchanged"/>.</summary>
    Collapsed,
}

/// <summary>What happened to a run of words inside a modified line.</summary>
public enum DiffSpanKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>
/// A run of text inside a modified line. The unchanged and deleted spans, in order, spell the old line; the
/// unchanged and inserted spans spell the new one.
/// </summary>
public sealed record DiffSpan(DiffSpanKind Kind, string Text);

/// <summary>One line of a field's diff.</summary>
public sealed record DiffLine
{
    public required DiffLineKind Kind { get; init; }

    /// <summary>The line in the old revision; "" when inserted. For a collapsed run, the marker text.</summary>
    public string OldText { get; init; } = "";

    /// <summary>The line in the new revision; "" when deleted. For a collapsed run, the marker text.</summary>
    public string NewText { get; init; } = "";

    /// <summary>For <see cref="DiffLineKind.Modified"/>: the line word by word; otherwise empty.</summary>
    public IReadOnlyList<DiffSpan> Spans { get; init; } = [];

    /// <summary>For <see cref="DiffLineKind.Collapsed"/>: how many unchanged lines the marker stands for.</summary>
    public int Count { get; init; }

    /// <summary>
    /// Which part of a structured field the line is (a <see cref="RevisionFields.MeetingParts"/> key such
    /// as "Place" or "Chairs" in the meeting details); null elsewhere.
    /// </summary>
    public string? Part { get; init; }
}

/// <summary>A field that differs between two revisions, line by line.</summary>
/// <param name="Field">A <see cref="RevisionFields"/> key ("Title", "Body", ...), for the UI to label.</param>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);
