using Editorial.Core.Text;

namespace Editorial.Core.Articles;

/// <summary>A field (or body paragraph) that looks like TCVN3/VNI text pasted from an old document.</summary>
public sealed record LegacyTextFinding(string Field, LegacyEncodingKind Kind, string Sample);

public sealed record StoryTextReviewResult(IReadOnlyList<LegacyTextFinding> LegacyText, IReadOnlyList<AbbreviationFinding> Abbreviations)
{
    public bool IsClean => LegacyText.Count == 0 && Abbreviations.Count == 0;
}

/// <summary>
/// The writer's helper for Vietnamese text: finds legacy-encoded paste (offering a one-click conversion)
/// and abbreviations whose first use is not spelled out. Warnings only; nothing here blocks a save.
/// </summary>
public static class StoryTextReview
{
    public static StoryTextReviewResult Review(ArticleContent content, string bodyPlainText, AbbreviationGlossary glossary)
    {
        var legacy = new List<LegacyTextFinding>();
        Check(legacy, nameof(ArticleContent.Title), content.Title);
        Check(legacy, nameof(ArticleContent.Lead), content.Lead);
        Check(legacy, nameof(ArticleContent.FeaturedImageCaption), content.FeaturedImageCaption);

        // Paragraph by paragraph: one legacy paragraph pasted into a Unicode story must still be found.
        foreach (var paragraph in bodyPlainText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Check(legacy, nameof(ArticleContent.BodyHtml), paragraph);
        }

        var readerText = string.Join("\n\n", new[] { content.Title, content.Lead, bodyPlainText }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new StoryTextReviewResult(legacy, glossary.FindUnexplained(readerText));
    }

    /// <summary>Converts every field found to be legacy-encoded; Unicode fields are left as they are.</summary>
    public static ArticleContent ConvertLegacy(ArticleContent content)
    {
        return content with
        {
            Title = Convert(content.Title),
            Lead = Convert(content.Lead),
            FeaturedImageCaption = Convert(content.FeaturedImageCaption),
            BodyHtml = ConvertHtml(content.BodyHtml),
        };

        static string Convert(string text)
        {
            var kind = LegacyEncoding.Detect(text);
            return kind == LegacyEncodingKind.None ? text : LegacyEncoding.ToUnicode(text, kind);
        }
    }

    /// <summary>Converts text between tags only, so markup and attributes are never touched.</summary>
    public static string ConvertHtml(string html)
    {
        var parts = SplitTags(html).ToList();
        var textOnly = string.Join("\n", parts.Where(p => !p.IsTag).Select(p => p.Value));
        var kind = LegacyEncoding.Detect(textOnly);
        if (kind == LegacyEncodingKind.None)
        {
            // The whole body may be Unicode with one legacy paragraph: convert per text run.
            return string.Concat(parts.Select(p => p.IsTag || LegacyEncoding.Detect(p.Value) == LegacyEncodingKind.None
                ? p.Value
                : LegacyEncoding.ToUnicode(p.Value, LegacyEncoding.Detect(p.Value))));
        }

        return string.Concat(parts.Select(p => p.IsTag ? p.Value : LegacyEncoding.ToUnicode(p.Value, kind)));
    }

    private static IEnumerable<(bool IsTag, string Value)> SplitTags(string html)
    {
        var start = 0;
        while (start < html.Length)
        {
            var open = html.IndexOf('<', start);
            if (open < 0)
            {
                yield return (false, html[start..]);
                yield break;
            }

            if (open > start)
            {
                yield return (false, html[start..open]);
            }

            var close = html.IndexOf('>', open);
            if (close < 0)
            {
                yield return (false, html[open..]);
                yield break;
            }

            yield return (true, html[open..(close + 1)]);
            start = close + 1;
        }
    }

    private static void Check(List<LegacyTextFinding> findings, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var kind = LegacyEncoding.Detect(text);
        if (kind != LegacyEncodingKind.None)
        {
            findings.Add(new LegacyTextFinding(field, kind, text.Length > 80 ? text[..80] + "…" : text));
        }
    }
}
