using System.Text;
using Editorial.Core.Text;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// The pass after the allow-list. HtmlSanitizer's lists are not per element and accept any relative URL;
/// this pass applies the story's stricter rules (attributes per element, link and image URLs, rel), then
/// tidies what the earlier passes leave behind: empty paragraphs and formatting, links without a target,
/// split text, whitespace runs and Unicode NFC.
/// </summary>
internal static class SanitizedHtmlTidy
{
    public static void Apply(StoryElement body)
    {
        ApplyElementRules(body);
        RemoveEmpty(body);
        TidyText(body);
    }

    /// <summary>Attributes per element, URLs, rel; a link without an acceptable target gives way to its words.</summary>
    private static void ApplyElementRules(StoryElement element)
    {
        var result = new List<StoryNode>(element.Children.Count);
        foreach (var child in element.Children)
        {
            switch (child)
            {
                case StoryText:
                    result.Add(child);
                    break;
                case StoryElement inner when StoryHtmlPolicy.Elements.TryGetValue(inner.Name, out var allowed):
                    ApplyElementRules(inner);
                    inner.Attributes.RemoveAll(a => !allowed.Contains(a.Key));
                    for (var i = 0; i < inner.Attributes.Count; i++)
                    {
                        var (name, value) = inner.Attributes[i];
                        inner.Attributes[i] = new(name, VietnameseText.Normalize(value));
                    }

                    if (inner.Name == element.Name && inner.Name is "b" or "strong" or "em" or "i" or "u" or "s" or "sub" or "sup")
                    {
                        result.AddRange(inner.Children); // <b><b>x</b></b>: the parser's reopened formatting, once is enough.
                    }
                    else if (Keep(inner))
                    {
                        result.Add(inner);
                    }
                    else if (inner.Name == "a")
                    {
                        result.AddRange(inner.Children); // Word bookmarks (<a name>) and refused URLs: the words stay.
                    }

                    break;

                // Anything else cannot come out of the allow-list; should it, it goes.
            }
        }

        element.SetChildren(result);
    }

    private static bool Keep(StoryElement element)
    {
        switch (element.Name)
        {
            case "a":
                return ApplyLinkRules(element);
            case "img":
                var source = StoryHtmlPolicy.CleanImageSource(element.GetAttribute("src") ?? "");
                if (source is null)
                {
                    return false; // An image without an acceptable source shows nothing.
                }

                element.SetAttribute("src", source);
                KeepIf(element, "width", StoryHtmlPolicy.IsPixelCount);
                KeepIf(element, "height", StoryHtmlPolicy.IsPixelCount);
                return true;
            case "th":
                KeepIf(element, "scope", StoryHtmlPolicy.IsScope);
                KeepIf(element, "colspan", StoryHtmlPolicy.IsSpan);
                KeepIf(element, "rowspan", StoryHtmlPolicy.IsSpan);
                return true;
            case "td":
                KeepIf(element, "colspan", StoryHtmlPolicy.IsSpan);
                KeepIf(element, "rowspan", StoryHtmlPolicy.IsSpan);
                return true;
            case "figure":
                var classes = (element.GetAttribute("class") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (classes.Contains(StoryHtmlPolicy.FigureClass))
                {
                    element.SetAttribute("class", StoryHtmlPolicy.FigureClass);
                }
                else
                {
                    element.RemoveAttribute("class");
                }

                return true;
            default:
                return true;
        }
    }

    private static bool ApplyLinkRules(StoryElement link)
    {
        var href = StoryHtmlPolicy.CleanLinkTarget(link.GetAttribute("href") ?? "");
        if (href is null)
        {
            return false;
        }

        link.SetAttribute("href", href);
        var opensNewWindow = string.Equals(link.GetAttribute("target")?.Trim(), "_blank", StringComparison.OrdinalIgnoreCase);
        if (opensNewWindow)
        {
            link.SetAttribute("target", "_blank");
        }
        else
        {
            link.RemoveAttribute("target"); // Named frames and _top/_parent mean nothing in a story.
        }

        var rel = StoryHtmlPolicy.CleanRel(link.GetAttribute("rel"), opensNewWindow);
        if (rel is null)
        {
            link.RemoveAttribute("rel");
        }
        else
        {
            link.SetAttribute("rel", rel);
        }

        return true;
    }

    private static void KeepIf(StoryElement element, string attribute, Func<string, bool> isValid)
    {
        var value = element.GetAttribute(attribute);
        if (value is null)
        {
            return;
        }

        var trimmed = value.Trim();
        if (isValid(trimmed))
        {
            element.SetAttribute(attribute, trimmed);
        }
        else
        {
            element.RemoveAttribute(attribute);
        }
    }

    /// <summary>
    /// Innermost first: formatting with nothing visible inside gives way to its (space) content; paragraphs,
    /// headings and items of only spaces and &amp;nbsp; go (Word's empty lines), and so do lists, tables
    /// and rows left without items, rows or cells. A figure without its picture leaves its caption as a
    /// paragraph. Returns whether the element shows anything.
    /// </summary>
    private static bool RemoveEmpty(StoryElement element)
    {
        var visible = false;
        var result = new List<StoryNode>(element.Children.Count);
        foreach (var child in element.Children)
        {
            if (child is StoryText text)
            {
                visible |= text.Data.Any(c => !char.IsWhiteSpace(c));
                result.Add(text);
                continue;
            }

            if (child is not StoryElement inner)
            {
                continue;
            }

            var innerVisible = RemoveEmpty(inner);
            switch (inner.Name)
            {
                case "img" or "hr":
                    visible = true;
                    result.Add(inner);
                    break;
                case "br" or "td" or "th":
                    result.Add(inner);
                    visible |= innerVisible;
                    break;
                case var name when StoryHtmlPolicy.InlineFormatting.Contains(name):
                    if (innerVisible)
                    {
                        result.Add(inner);
                    }
                    else
                    {
                        result.AddRange(inner.Children); // Keeps the space it may hold between two words.
                    }

                    visible |= innerVisible;
                    break;
                case "ul" or "ol":
                    if (inner.Children.Any(c => c is StoryElement { Name: "li" }))
                    {
                        result.Add(inner);
                        visible |= innerVisible;
                    }

                    break;
                case "table" or "thead" or "tbody" or "tfoot":
                    if (inner.Children.Any(c => c is StoryElement { Name: "tr" or "thead" or "tbody" or "tfoot" }))
                    {
                        result.Add(inner);
                        visible = true; // A table keeps its shape, empty cells and all.
                    }

                    break;
                case "tr":
                    if (inner.Children.Any(c => c is StoryElement { Name: "td" or "th" }))
                    {
                        result.Add(inner);
                        visible = true;
                    }

                    break;
                case "figure" when !inner.Children.Any(c => c is StoryElement { Name: "img" }):
                    // A caption without its picture is an ordinary paragraph.
                    foreach (var caption in inner.Children.OfType<StoryElement>().Where(c => c.Name == "figcaption"))
                    {
                        caption.Name = "p";
                    }

                    if (innerVisible)
                    {
                        result.AddRange(StoryTree.WrapInlineRuns(inner.Children));
                        visible = true;
                    }

                    break;
                default:
                    // p, h2-h4, li, blockquote, caption, figcaption, figure: kept when something shows.
                    if (innerVisible)
                    {
                        result.Add(inner);
                        visible = true;
                    }

                    break;
            }
        }

        element.SetChildren(result);
        return visible;
    }

    /// <summary>
    /// Merges text nodes left side by side (so NFC sees whole words), collapses runs of HTML whitespace
    /// (a browser shows one space; Word breaks its source lines mid-sentence) and applies NFC; trims the
    /// ends of paragraphs and drops the whitespace between blocks.
    /// </summary>
    private static void TidyText(StoryElement element)
    {
        var result = new List<StoryNode>(element.Children.Count);
        StringBuilder? pending = null;
        foreach (var child in element.Children)
        {
            if (child is StoryText text)
            {
                (pending ??= new StringBuilder()).Append(text.Data);
                continue;
            }

            FlushText(pending, result);
            pending = null;
            if (child is StoryElement inner)
            {
                TidyText(inner);
                result.Add(inner);
            }
        }

        FlushText(pending, result);

        // Whitespace next to a block, or at the edge of a container of blocks, means nothing.
        var kept = new List<StoryNode>(result.Count);
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i] is StoryText { Data: " " }
                && (i == 0 || StoryTree.IsBlock(result[i - 1]))
                && (i == result.Count - 1 || StoryTree.IsBlock(result[i + 1]))
                && !StoryHtmlPolicy.InlineFormatting.Contains(element.Name))
            {
                continue;
            }

            kept.Add(result[i]);
        }

        element.SetChildren(kept);
        if (StoryHtmlPolicy.TextBlocks.Contains(element.Name))
        {
            TrimEdge(element, fromStart: true);
            TrimEdge(element, fromStart: false);
        }
    }

    private static void FlushText(StringBuilder? pending, List<StoryNode> result)
    {
        if (pending is null)
        {
            return;
        }

        var text = VietnameseText.Normalize(CollapseWhitespace(pending.ToString()));
        if (text.Length > 0)
        {
            result.Add(new StoryText(text));
        }
    }

    /// <summary>Removes the space at the start (or end) of a paragraph, looking into formatting at its edge.</summary>
    private static void TrimEdge(StoryElement block, bool fromStart)
    {
        var container = block;
        while (container.Children.Count > 0)
        {
            var index = fromStart ? 0 : container.Children.Count - 1;
            switch (container.Children[index])
            {
                case StoryText text:
                    var trimmed = fromStart ? text.Data.TrimStart(' ') : text.Data.TrimEnd(' ');
                    if (trimmed.Length > 0)
                    {
                        text.Data = trimmed;
                        return;
                    }

                    container.Children.RemoveAt(index);
                    continue;
                case StoryElement inner when StoryHtmlPolicy.InlineFormatting.Contains(inner.Name):
                    container = inner;
                    continue;
                default:
                    return; // br, img or a nested block: the edge is not text.
            }
        }
    }

    /// <summary>Runs of HTML whitespace become one space; &amp;nbsp; is text and stays.</summary>
    private static string CollapseWhitespace(string text)
    {
        var needsWork = false;
        for (var i = 0; i < text.Length && !needsWork; i++)
        {
            needsWork = StoryTree.IsAsciiWhitespace(text[i])
                && (text[i] != ' ' || (i + 1 < text.Length && StoryTree.IsAsciiWhitespace(text[i + 1])));
        }

        if (!needsWork)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!StoryTree.IsAsciiWhitespace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
