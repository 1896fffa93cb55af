using System.Net;
using AngleSharp.Html.Dom;
using Editorial.Core.Text;
using Ganss.Xss;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// The allow-list every story body passes on save and again on display: whatever TinyMCE, a Word paste or
/// a hand-made request sends, what comes out holds only the story vocabulary of
/// <see cref="StoryHtmlPolicy"/> (paragraphs, h2–h4, emphasis, lists, quotes, links, tables, captioned
/// images), links to http/https/mailto or the site, pictures from http/https or /media/, text in Unicode
/// NFC written as characters (not entities).
/// </summary>
/// <remarks>
/// Unclosed text elements are closed first (<see cref="MarkupNesting.CloseUnterminatedText"/>), then
/// three passes: <see cref="PastedHtmlCleanup"/> maps pasted markup onto the vocabulary (h1 → h2,
/// div → p, Word lists → ul/ol, span and font unwrapped keeping their text, scripts and the like dropped),
/// the configured <see cref="HtmlSanitizer"/> enforces the allow-list (elements, attributes, URL schemes,
/// no styles), and <see cref="SanitizedHtmlTidy"/> applies the per-element attribute and URL rules
/// HtmlSanitizer has no notion of and tidies up. The first and last work on a <see cref="StoryTree"/>
/// copy, HtmlSanitizer on an AngleSharp document built from it.
/// One HtmlSanitizer instance serves every thread: its Sanitize methods are thread-safe as long as it is
/// not reconfigured, and it is configured once, here.
/// </remarks>
public static class StoryHtmlSanitizer
{
    /// <summary>How deep a stored story's elements may nest (a real one nests less than ten deep).</summary>
    internal const int MaxNesting = 100;

    /// <summary>How deep input may nest before it is only read as text; above <see cref="MaxNesting"/>, so stored HTML always parses.</summary>
    internal const int MaxParsedNesting = 2 * MaxNesting;

    private static readonly HtmlSanitizer AllowList = CreateAllowList();

    /// <summary>The story body as it may be stored and shown. Idempotent: sanitising the result changes nothing.</summary>
    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return StoryTree.ToHtml(Clean(html));
    }

    /// <summary>
    /// The text a reader sees, for search indexing, the abbreviation check and revision diffs: one
    /// paragraph per block (paragraph, heading, list item, caption, table row with cells separated by a
    /// tab), paragraphs separated by "\n\n", a line break as "\n"; NFC.
    /// </summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return VietnameseText.Normalize(StoryPlainText.Extract(Clean(html)));
    }

    private static StoryElement Clean(string html)
    {
        // An unclosed <style>, <title>, <textarea>… would make the rest of the body its text, dropped with it.
        html = MarkupNesting.CloseUnterminatedText(html);
        if (!MarkupNesting.IsShallow(html, MaxParsedNesting))
        {
            // Too deep to parse in reasonable time (see MarkupNesting): keep the words, drop the markup.
            html = string.Concat(MarkupNesting.Text(html)
                .Split("\n\n")
                .Where(paragraph => !string.IsNullOrWhiteSpace(paragraph))
                .Select(paragraph => "<p>" + WebUtility.HtmlEncode(paragraph) + "</p>"));
        }

        // Parsed the way HtmlSanitizer parses a fragment: as the content of <body>, with its parser.
        StoryElement story;
        using (var pasted = AllowList.HtmlParserFactory().ParseDocument("<!doctype html><html><body>" + html))
        {
            if (pasted.Body is null)
            {
                return new StoryElement("body"); // <frameset> instead of a body: nothing to show.
            }

            story = StoryTree.FromDom(pasted.Body, MaxNesting);
        }

        PastedHtmlCleanup.Apply(story);

        using var document = EmptyDocument();
        StoryTree.ToDom(story, document.Body!);
        AllowList.SanitizeDom(document, document.Body);
        story = StoryTree.FromDom(document.Body!, MaxNesting);
        SanitizedHtmlTidy.Apply(story);
        return story;
    }

    private static IHtmlDocument EmptyDocument() =>
        AllowList.HtmlParserFactory().ParseDocument("<!doctype html><html><body>");

    private static HtmlSanitizer CreateAllowList()
    {
        var sanitizer = new HtmlSanitizer
        {
            KeepChildNodes = false, // What the cleanup pass left outside the list goes whole.
            AllowDataAttributes = false,
            AllowCssCustomProperties = false,
            OutputFormatter = HtmlFormatter.Instance, // Characters, not entities (StoryTree.ToHtml escapes alike).
        };

        Replace(sanitizer.AllowedTags, StoryHtmlPolicy.Elements.Keys);
        Replace(sanitizer.AllowedAttributes, StoryHtmlPolicy.Attributes);
        Replace(sanitizer.AllowedSchemes, StoryHtmlPolicy.LinkSchemes);
        Replace(sanitizer.AllowedClasses, [StoryHtmlPolicy.FigureClass]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.UriAttributes.UnionWith(["href", "src"]);
        return sanitizer;
    }

    private static void Replace(ISet<string> set, IEnumerable<string> values)
    {
        set.Clear();
        set.UnionWith(values);
    }
}
