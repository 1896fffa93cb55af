using System.Globalization;
using DiffPlex;
using DiffPlex.Chunkers;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Core.Time;

namespace Editorial.Core.Articles.Revisions;

/// <summary>How a revision diff shows values that are ids or instants.</summary>
public sealed record RevisionDiffOptions
{
    /// <summary>The name of a category by id; without it (or when it answers null) the id is shown.</summary>
    public Func<int, string?>? CategoryName { get; init; }

    /// <summary>Formats the event time in the portal's zone; without it the time is shown in UTC.</summary>
    public PortalTime? Time { get; init; }
}

/// <summary>
/// A readable diff of two revisions of a story for editors: the fields that changed, each line by line
/// (the body paragraph by paragraph, as <see cref="StoryHtmlSanitizer.ToPlainText"/> reads it), and in a
/// changed line the words that changed. Text is compared in Unicode NFC, so a decomposed paste of the same
/// words is no change.
/// </summary>
public static class RevisionDiff
{
    /// <summary>Runs of unchanged lines longer than this are folded by <see cref="CollapseUnchanged"/> by default.</summary>
    public const int DefaultMaxUnchangedRun = 3;

    // Line pairing inside a changed block: a deleted and an inserted line are shown as one modified line
    // when at least half their words are shared; a block larger than this is not paired (cost is quadratic).
    private const double PairingSimilarity = 0.5;
    private const int MaxPairingCells = 10_000;

    private static readonly IChunker Lines = new CustomFunctionChunker(text => text.Length == 0 ? [] : text.Split('\n'));
    private static readonly IChunker Words = new CustomFunctionChunker(WordTokens.Split);

    /// <summary>The fields that differ from <paramref name="oldContent"/> to <paramref name="newContent"/>, in form order; empty when none do.</summary>
    public static IReadOnlyList<FieldDiff> Compare(ArticleContent oldContent, ArticleContent newContent, RevisionDiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldContent);
        ArgumentNullException.ThrowIfNull(newContent);
        options ??= new RevisionDiffOptions();

        var fields = new List<FieldDiff>();
        AddText(fields, RevisionFields.Title, oldContent.Title, newContent.Title);
        AddText(fields, RevisionFields.Slug, oldContent.Slug, newContent.Slug);
        AddText(fields, RevisionFields.Kind, KindName(oldContent.Kind), KindName(newContent.Kind));
        AddText(fields, RevisionFields.Category, CategoryText(oldContent.CategoryId, options), CategoryText(newContent.CategoryId, options));
        AddText(fields, RevisionFields.Lead, oldContent.Lead, newContent.Lead);
        AddText(fields, RevisionFields.FeaturedImage, oldContent.FeaturedImageId?.ToString() ?? "", newContent.FeaturedImageId?.ToString() ?? "");
        AddText(fields, RevisionFields.FeaturedImageCaption, oldContent.FeaturedImageCaption, newContent.FeaturedImageCaption);
        AddLines(fields, RevisionFields.Body, BodyLines(oldContent.BodyHtml), BodyLines(newContent.BodyHtml));
        AddText(fields, RevisionFields.Byline, oldContent.Byline, newContent.Byline);
        AddLines(fields, RevisionFields.Tags, TagLines(oldContent.Tags), TagLines(newContent.Tags), independentItems: true);
        AddText(fields, RevisionFields.EventAt, EventText(oldContent.EventAtUtc, options), EventText(newContent.EventAtUtc, options));

        var meeting = CompareMeeting(oldContent.Meeting, newContent.Meeting);
        if (meeting.Any(line => line.Kind != DiffLineKind.Unchanged))
        {
            fields.Add(new FieldDiff(RevisionFields.Meeting, meeting));
        }

        return fields;
    }

    /// <summary>
    /// Folds every run of more than <paramref name="maxRun"/> unchanged lines into one
    /// <see cref="DiffLineKind.Collapsed"/> line ("… N đoạn không đổi") that counts them.
    /// </summary>
    public static IReadOnlyList<DiffLine> CollapseUnchanged(IReadOnlyList<DiffLine> lines, int maxRun = DefaultMaxUnchangedRun)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRun);

        var result = new List<DiffLine>(lines.Count);
        var run = new List<DiffLine>();
        foreach (var line in lines)
        {
            if (line.Kind == DiffLineKind.Unchanged)
            {
                run.Add(line);
                continue;
            }

            FlushRun(run, result, maxRun);
            result.Add(line);
        }

        FlushRun(run, result, maxRun);
        return result;
    }

    /// <summary>The marker text of a collapsed run (the UI may show its own, from <see cref="DiffLine.Count"/>).</summary>
    public static string CollapsedText(int count) => $"… {count.ToString(CultureInfo.InvariantCulture)} đoạn không đổi";

    private static void FlushRun(List<DiffLine> run, List<DiffLine> result, int maxRun)
    {
        if (run.Count > maxRun)
        {
            var marker = CollapsedText(run.Count);
            result.Add(new DiffLine { Kind = DiffLineKind.Collapsed, OldText = marker, NewText = marker, Count = run.Count });
        }
        else
        {
            result.AddRange(run);
        }

        run.Clear();
    }

    private static void AddText(List<FieldDiff> fields, string field, string oldText, string newText) =>
        AddLines(fields, field, TextLines(oldText), TextLines(newText));

    private static void AddLines(List<FieldDiff> fields, string field, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, bool independentItems = false)
    {
        if (!oldLines.SequenceEqual(newLines, StringComparer.Ordinal))
        {
            fields.Add(new FieldDiff(field, DiffLines(oldLines, newLines, independentItems)));
        }
    }

    /// <summary>Lines of a plain field: NFC, split at line breaks, blank lines dropped.</summary>
    private static string[] TextLines(string? text) =>
        VietnameseText.Normalize(text ?? "")
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0)
            .ToArray();

    private static string[] BodyLines(string? html) =>
        string.IsNullOrWhiteSpace(html) ? [] : TextLines(StoryHtmlSanitizer.ToPlainText(html));

    private static string[] TagLines(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(tag => VietnameseText.Normalize(tag).Trim()).Where(tag => tag.Length > 0).ToArray();

    private static string CategoryText(int? id, RevisionDiffOptions options) =>
        id is { } value ? options.CategoryName?.Invoke(value) ?? value.ToString(CultureInfo.InvariantCulture) : "";

    private static string EventText(DateTimeOffset? instant, RevisionDiffOptions options) =>
        instant is not { } value ? ""
        : options.Time is { } time ? time.Format(value)
        : value.UtcDateTime.ToString(PortalTime.DateTimeFormat, CultureInfo.InvariantCulture) + " UTC";

    private static string KindName(ArticleKind kind) => kind switch
    {
        ArticleKind.MeetingReport => "Tường thuật hội nghị",
        _ => "Tin thường",
    };

    private static string FormatName(MeetingFormat format) => format switch
    {
        MeetingFormat.Online => "Trực tuyến",
        _ => "Trực tiếp",
    };

    /// <summary>The meeting details part by part (the chairs as a list), unchanged parts included for context.</summary>
    private static List<DiffLine> CompareMeeting(MeetingDetails? oldMeeting, MeetingDetails? newMeeting)
    {
        var lines = new List<DiffLine>();
        if (oldMeeting is null && newMeeting is null)
        {
            return lines;
        }

        void Part(string part, Func<MeetingDetails, string> value)
        {
            var oldValue = oldMeeting is null ? "" : string.Join(" ", TextLines(value(oldMeeting)));
            var newValue = newMeeting is null ? "" : string.Join(" ", TextLines(value(newMeeting)));
            if (DiffValue(oldValue, newValue) is { } line)
            {
                lines.Add(line with { Part = part });
            }
        }

        Part(RevisionFields.MeetingParts.Organizer, m => m.Organizer);
        Part(RevisionFields.MeetingParts.Subject, m => m.Subject);
        Part(RevisionFields.MeetingParts.Format, m => FormatName(m.Format));
        Part(RevisionFields.MeetingParts.Sites, m => m.Sites?.ToString(CultureInfo.InvariantCulture) ?? "");
        Part(RevisionFields.MeetingParts.SitesDescription, m => m.SitesDescription);
        Part(RevisionFields.MeetingParts.Place, m => m.Place);

        var oldChairs = ChairLines(oldMeeting);
        var newChairs = ChairLines(newMeeting);
        lines.AddRange(DiffLines(oldChairs, newChairs).Select(line => line with { Part = RevisionFields.MeetingParts.Chairs }));

        Part(RevisionFields.MeetingParts.Attendees, m => m.Attendees);
        return lines;
    }

    private static string[] ChairLines(MeetingDetails? meeting) =>
        (meeting?.Chairs ?? [])
            .Select(chair => string.Join(", ", new[] { chair.Name, chair.Titles }.SelectMany(TextLines).Select(t => t.Trim()).Where(t => t.Length > 0)))
            .Where(line => line.Length > 0)
            .ToArray();

    private static DiffLine? DiffValue(string oldValue, string newValue) => (oldValue.Length, newValue.Length) switch
    {
        (0, 0) => null,
        (_, 0) => new DiffLine { Kind = DiffLineKind.Deleted, OldText = oldValue },
        (0, _) => new DiffLine { Kind = DiffLineKind.Inserted, NewText = newValue },
        _ when oldValue == newValue => new DiffLine { Kind = DiffLineKind.Unchanged, OldText = oldValue, NewText = newValue },
        _ => Modified(oldValue, newValue),
    };

    /// <summary>Line diff (DiffPlex), then the deleted and inserted lines of each changed block paired into modified lines where they are alike.</summary>
    /// <param name="independentItems">Lines are separate items (tags): one replaced by another is a deletion and an insertion unless they are alike.</param>
    private static List<DiffLine> DiffLines(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, bool independentItems = false)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', oldLines), string.Join('\n', newLines), false, false, Lines);
        var lines = new List<DiffLine>(Math.Max(oldLines.Count, newLines.Count));
        var oldIndex = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++)
            {
                lines.Add(new DiffLine { Kind = DiffLineKind.Unchanged, OldText = oldLines[oldIndex], NewText = oldLines[oldIndex] });
            }

            var deleted = oldLines.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToList();
            var inserted = newLines.Skip(block.InsertStartB).Take(block.InsertCountB).ToList();
            lines.AddRange(AlignBlock(deleted, inserted, independentItems));
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldIndex < oldLines.Count; oldIndex++)
        {
            lines.Add(new DiffLine { Kind = DiffLineKind.Unchanged, OldText = oldLines[oldIndex], NewText = oldLines[oldIndex] });
        }

        return lines;
    }

    /// <summary>
    /// Pairs deleted with inserted lines, in order, maximising how alike the pairs are (a small dynamic
    /// programme), so that "paragraph 2 deleted, paragraph 3 edited" reads as exactly that. One line
    /// replaced by one line is a modification, unless the lines are independent items.
    /// </summary>
    private static IEnumerable<DiffLine> AlignBlock(List<string> deleted, List<string> inserted, bool independentItems)
    {
        var pairs = new List<(int Deleted, int Inserted)>();
        if (deleted.Count == 1 && inserted.Count == 1 && !independentItems)
        {
            pairs.Add((0, 0));
        }
        else if (deleted.Count > 0 && inserted.Count > 0 && deleted.Count * inserted.Count <= MaxPairingCells)
        {
            var deletedWords = deleted.Select(WordBag).ToList();
            var insertedWords = inserted.Select(WordBag).ToList();
            var best = new double[deleted.Count + 1, inserted.Count + 1];
            for (var i = 1; i <= deleted.Count; i++)
            {
                for (var j = 1; j <= inserted.Count; j++)
                {
                    var similarity = Similarity(deletedWords[i - 1], insertedWords[j - 1]);
                    var paired = similarity >= PairingSimilarity ? best[i - 1, j - 1] + similarity : double.MinValue;
                    best[i, j] = Math.Max(paired, Math.Max(best[i - 1, j], best[i, j - 1]));
                }
            }

            for (int i = deleted.Count, j = inserted.Count; i > 0 && j > 0;)
            {
                if (best[i, j] == best[i - 1, j])
                {
                    i--;
                }
                else if (best[i, j] == best[i, j - 1])
                {
                    j--;
                }
                else
                {
                    pairs.Add((i - 1, j - 1));
                    i--;
                    j--;
                }
            }

            pairs.Reverse();
        }

        int nextDeleted = 0, nextInserted = 0;
        foreach (var (d, n) in pairs.Append((deleted.Count, inserted.Count)))
        {
            for (; nextDeleted < d; nextDeleted++)
            {
                yield return new DiffLine { Kind = DiffLineKind.Deleted, OldText = deleted[nextDeleted] };
            }

            for (; nextInserted < n; nextInserted++)
            {
                yield return new DiffLine { Kind = DiffLineKind.Inserted, NewText = inserted[nextInserted] };
            }

            if (d < deleted.Count && n < inserted.Count)
            {
                yield return Modified(deleted[d], inserted[n]);
                nextDeleted = d + 1;
                nextInserted = n + 1;
            }
        }
    }

    private static Dictionary<string, int> WordBag(string line)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in WordTokens.Split(line))
        {
            if (WordTokens.IsWord(token))
            {
                bag[token] = bag.GetValueOrDefault(token) + 1;
            }
        }

        return bag;
    }

    // Dice coefficient of the two word multisets.
    private static double Similarity(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var shared = a.Sum(entry => Math.Min(entry.Value, b.GetValueOrDefault(entry.Key)));
        return 2.0 * shared / total;
    }

    /// <summary>A modified line, word by word: DiffPlex over word, space and punctuation tokens.</summary>
    private static DiffLine Modified(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, Words);
        var spans = new List<DiffSpan>();
        var oldIndex = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(spans, DiffSpanKind.Unchanged, diff.PiecesOld, oldIndex, block.DeleteStartA - oldIndex);
            Add(spans, DiffSpanKind.Deleted, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(spans, DiffSpanKind.Inserted, diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        Add(spans, DiffSpanKind.Unchanged, diff.PiecesOld, oldIndex, diff.PiecesOld.Count - oldIndex);
        return new DiffLine { Kind = DiffLineKind.Modified, OldText = oldText, NewText = newText, Spans = Readable(spans) };
    }

    private static void Add(List<DiffSpan> spans, DiffSpanKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count > 0)
        {
            spans.Add(new DiffSpan(kind, string.Concat(pieces.Skip(start).Take(count))));
        }
    }

    /// <summary>
    /// A space left unchanged between two changed words splits one edit into two ("a b" → "x y" would read
    /// "-a +x ␣ -b +y"); such spaces join the edit, and each run of changes becomes one deleted span followed
    /// by one inserted span.
    /// </summary>
    private static List<DiffSpan> Readable(List<DiffSpan> spans)
    {
        var result = new List<DiffSpan>(spans.Count);
        var deleted = new System.Text.StringBuilder();
        var inserted = new System.Text.StringBuilder();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var joinsEdit = span.Kind == DiffSpanKind.Unchanged
                && string.IsNullOrWhiteSpace(span.Text)
                && i > 0 && i < spans.Count - 1
                && spans[i - 1].Kind != DiffSpanKind.Unchanged
                && spans[i + 1].Kind != DiffSpanKind.Unchanged;
            if (span.Kind == DiffSpanKind.Unchanged && !joinsEdit)
            {
                FlushEdit(result, deleted, inserted);
                result.Add(span);
                continue;
            }

            if (span.Kind != DiffSpanKind.Inserted)
            {
                deleted.Append(span.Text);
            }

            if (span.Kind != DiffSpanKind.Deleted)
            {
                inserted.Append(span.Text);
            }
        }

        FlushEdit(result, deleted, inserted);
        return result;
    }

    private static void FlushEdit(List<DiffSpan> result, System.Text.StringBuilder deleted, System.Text.StringBuilder inserted)
    {
        if (deleted.Length > 0)
        {
            result.Add(new DiffSpan(DiffSpanKind.Deleted, deleted.ToString()));
        }

        if (inserted.Length > 0)
        {
            result.Add(new DiffSpan(DiffSpanKind.Inserted, inserted.ToString()));
        }

        deleted.Clear();
        inserted.Clear();
    }
}
