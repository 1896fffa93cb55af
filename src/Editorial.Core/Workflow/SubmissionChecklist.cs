using Editorial.Core.Articles;

namespace Editorial.Core.Workflow;

/// <summary>What is checked before a story goes to review.</summary>
public enum ChecklistItem
{
    Title,
    Lead,
    Category,
    Byline,

    /// <summary>Meeting reports carry at least one image with a caption (featured or in the body).</summary>
    MeetingImage,
}

/// <summary>A blocker stops the submission; a warning is shown and the writer may send anyway.</summary>
public enum ChecklistSeverity
{
    Off,
    Warning,
    Blocker,
}

public sealed record ChecklistResult(ChecklistItem Item, ChecklistSeverity Severity, bool Passed);

public static class SubmissionChecklist
{
    /// <summary>The newsroom's defaults: everything blocks except the byline, which editors often add.</summary>
    public static IReadOnlyDictionary<ChecklistItem, ChecklistSeverity> Defaults { get; } = new Dictionary<ChecklistItem, ChecklistSeverity>
    {
        [ChecklistItem.Title] = ChecklistSeverity.Blocker,
        [ChecklistItem.Lead] = ChecklistSeverity.Blocker,
        [ChecklistItem.Category] = ChecklistSeverity.Blocker,
        [ChecklistItem.Byline] = ChecklistSeverity.Warning,
        [ChecklistItem.MeetingImage] = ChecklistSeverity.Blocker,
    };

    public static IReadOnlyList<ChecklistResult> Check(ArticleContent content, IReadOnlyDictionary<ChecklistItem, ChecklistSeverity>? severities = null)
    {
        severities ??= Defaults;
        var results = new List<ChecklistResult>();
        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            var severity = severities.TryGetValue(item, out var configured) ? configured : Defaults[item];
            if (severity == ChecklistSeverity.Off || (item == ChecklistItem.MeetingImage && content.Kind != ArticleKind.MeetingReport))
            {
                continue;
            }

            results.Add(new ChecklistResult(item, severity, Passes(item, content)));
        }

        return results;
    }

    public static bool HasBlockers(IEnumerable<ChecklistResult> results) =>
        results.Any(r => !r.Passed && r.Severity == ChecklistSeverity.Blocker);

    public static bool HasWarnings(IEnumerable<ChecklistResult> results) =>
        results.Any(r => !r.Passed && r.Severity == ChecklistSeverity.Warning);

    private static bool Passes(ChecklistItem item, ArticleContent content) => item switch
    {
        ChecklistItem.Title => HasText(content.Title),
        ChecklistItem.Lead => HasText(content.Lead),
        ChecklistItem.Category => content.CategoryId is not null,
        ChecklistItem.Byline => HasText(content.Byline),
        ChecklistItem.MeetingImage =>
            (content.FeaturedImageId is not null && HasText(content.FeaturedImageCaption)) || BodyHasCaptionedImage(content.BodyHtml),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    private static bool HasText(string value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>A figure with an image and a non-empty caption, as TinyMCE's image dialog makes it.</summary>
    private static bool BodyHasCaptionedImage(string html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("<figure", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("figure").Any(figure =>
            figure.QuerySelector("img[src]") is not null
            && figure.QuerySelector("figcaption") is { } caption
            && !string.IsNullOrWhiteSpace(caption.TextContent));
    }
}
