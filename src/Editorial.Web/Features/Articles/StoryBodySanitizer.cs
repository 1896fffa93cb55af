using Editorial.Core.Articles.Html;

namespace Editorial.Web.Features.Articles;

/// <summary>
/// The allow-list sanitiser applied to every story body on save and again on display; a service so that
/// pages and services ask for it rather than reaching for a static.
/// </summary>
public sealed class StoryBodySanitizer
{
    public string Sanitize(string html) => StoryHtmlSanitizer.Sanitize(html);

    /// <summary>Paragraphs of the body as plain text, for the Vietnamese text checks and diffs.</summary>
    public string ToPlainText(string html) => StoryHtmlSanitizer.ToPlainText(html);
}
