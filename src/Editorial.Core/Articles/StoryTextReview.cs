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

    /// <summary>
    /// Converts text between tags only, so markup and attributes are never touched. A text run that already
    /// reads as Vietnamese (a caption typed in Unicode next to pasted legacy paragraphs) is left alone.
    /// </summary>
    public static string ConvertHtml(string html)
    {
        var parts = SplitTags(html).ToList();
        var bodyKind = LegacyEncoding.Detect(string.Join("\n", parts.Where(p => !p.IsTag).Select(p => p.Value)));
        return string.Concat(parts.Select(p => p.IsTag ? p.Value : ConvertRun(p.Value, bodyKind)));
    }

    private static string ConvertRun(string text, LegacyEncodingKind bodyKind)
    {
        var kind = LegacyEncoding.Detect(text);
        if (kind == LegacyEncodingKind.None)
        {
            kind = bodyKind;
        }

        if (kind == LegacyEncodingKind.None || string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        // Convert only when the result reads as more Vietnamese than the original does.
        var converted = LegacyEncoding.ToUnicode(text, kind);
        return ValidSyllableShare(converted) > ValidSyllableShare(text) ? converted : text;
    }

    private static double ValidSyllableShare(string text)
    {
        var words = text.Split([' ', '\t', '\n', '\r', ',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '”', '–', '-', '…', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter))
            .ToList();
        return words.Count == 0 ? 0 : words.Count(VietnameseSyllable.IsValid) / (double)words.Count;
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
