using System.Text.RegularExpressions;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// The pass before the allow-list: turns what editors paste (Word, Google Docs, other web pages) into the
/// story's own small vocabulary, so that the allow-list has little left to remove. Elements outside the
/// list lose their markup but keep their text, except the ones whose content is never story text
/// (scripts, plug-ins, form controls), which go whole; SVG/MathML go with their own text but leave the
/// HTML inside them. Block containers (div, section, ...)
/// become paragraphs, Word's list paragraphs a list. Comments go (Word's conditional ones included).
/// </summary>
internal static partial class PastedHtmlCleanup
{
    public static void Apply(StoryElement body)
    {
        var listParagraphs = new Dictionary<StoryElement, bool>(ReferenceEqualityComparer.Instance);
        Simplify(body, paragraph: null, listParagraphs);
        if (listParagraphs.Count > 0)
        {
            GroupWordLists(body, listParagraphs);
        }

        ResolveBlockContainers(body, inPhrasing: false);
        body.SetChildren(StoryTree.WrapInlineRuns(body.Children));
    }

    private static void Simplify(StoryElement element, StoryElement? paragraph, Dictionary<StoryElement, bool> listParagraphs)
    {
        var children = RemoveWordListMarkers(LiftHtmlOutOfForeignContent(element.Children), paragraph, listParagraphs);
        var result = new List<StoryNode>(children.Count);
        foreach (var child in children)
        {
            if (child is StoryText)
            {
                result.Add(child);
                continue;
            }

            if (child is not StoryElement inner
                || !inner.IsHtml
                || StoryHtmlPolicy.DroppedWithContent.Contains(inner.Name))
            {
                continue; // Comments; scripts, plug-ins, form controls with all their content.
            }

            var style = Style(inner);
            if (IsHidden(style))
            {
                continue; // Word's hidden text, display:none: not what the reader sees.
            }

            Simplify(inner, inner.Name == "p" ? inner : paragraph, listParagraphs);
            var name = inner.Name;
            if (StoryHtmlPolicy.Elements.ContainsKey(name))
            {
                // Google Docs wraps a whole paste in <b style="font-weight:normal">.
                if ((name is "b" or "strong" && style.TryGetValue("font-weight", out var weight) && weight is "normal" or "400" or "lighter")
                    || (name is "i" or "em" && style.TryGetValue("font-style", out var fontStyle) && fontStyle == "normal"))
                {
                    result.AddRange(inner.Children);
                }
                else
                {
                    result.Add(inner);
                }

                continue;
            }

            switch (name)
            {
                case "h1":
                    inner.Name = "h2"; // The page title is the story's only h1.
                    result.Add(inner);
                    break;
                case "h5" or "h6":
                    inner.Name = "h4";
                    result.Add(inner);
                    break;
                case var _ when StoryHtmlPolicy.DivLike.Contains(name):
                    result.Add(inner); // Resolved bottom-up in ResolveBlockContainers.
                    break;
                default:
                    // span, font, o:p, st1:*, custom and unknown elements: keep the text and what the
                    // style meant (Google Docs and some editors mark bold and italic only with CSS).
                    result.AddRange(WithEmphasis(inner.Children, style));
                    break;
            }
        }

        element.SetChildren(result);
    }

    /// <summary>
    /// SVG and MathML go, but not the HTML inside them: a MathML <c>&lt;mtext&gt;</c> or an SVG
    /// <c>&lt;foreignObject&gt;</c>/<c>&lt;title&gt;</c> holds ordinary HTML, and so does a <c>&lt;table&gt;</c>'s
    /// misplaced content that the parser moves in there. Each foreign element gives way to the outermost
    /// HTML elements below it (then cleaned like any other); its own text and elements go.
    /// </summary>
    private static List<StoryNode> LiftHtmlOutOfForeignContent(List<StoryNode> children)
    {
        if (!children.Any(child => child is StoryElement { IsHtml: false }))
        {
            return children;
        }

        var result = new List<StoryNode>(children.Count);
        foreach (var child in children)
        {
            if (child is StoryElement { IsHtml: false } foreign)
            {
                CollectHtml(foreign, result);
            }
            else
            {
                result.Add(child);
            }
        }

        return result;
    }

    private static void CollectHtml(StoryElement foreign, List<StoryNode> result)
    {
        var pending = new Stack<StoryNode>(Enumerable.Reverse(foreign.Children));
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case StoryElement { IsHtml: true } html:
                    result.Add(html);
                    break;
                case StoryElement inner:
                    foreach (var grandchild in Enumerable.Reverse(inner.Children))
                    {
                        pending.Push(grandchild);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Word writes the bullet or number of a list paragraph as text between <c>&lt;!--[if !supportLists]--&gt;</c>
    /// and <c>&lt;!--[endif]--&gt;</c>. The marker goes; the paragraph it belongs to is noted with whether
    /// the marker was a number, so that the paragraphs can become a real list.
    /// </summary>
    private static List<StoryNode> RemoveWordListMarkers(List<StoryNode> children, StoryElement? paragraph, Dictionary<StoryElement, bool> listParagraphs)
    {
        if (!children.Any(c => c is StoryComment comment && IsConditional(comment, "[if !supportLists]")))
        {
            return children;
        }

        var result = new List<StoryNode>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            result.Add(children[i]);
            if (children[i] is not StoryComment start || !IsConditional(start, "[if !supportLists]"))
            {
                continue;
            }

            var end = i + 1;
            while (end < children.Count && !(children[end] is StoryComment comment && IsConditional(comment, "[endif]")))
            {
                end++;
            }

            if (end == children.Count)
            {
                continue; // Not Word's pattern after all: keep the text.
            }

            var marker = string.Concat(children.Skip(i + 1).Take(end - i - 1).Select(StoryTree.TextOf)).Trim().Trim('\u00A0').Trim();
            if (paragraph is not null && Style(paragraph).ContainsKey("mso-list"))
            {
                listParagraphs[paragraph] = OrderedMarker().IsMatch(marker);
            }

            i = end - 1; // The end comment is kept (and dropped with the other comments).
        }

        return result;
    }

    private static bool IsConditional(StoryComment comment, string expected) =>
        comment.Data.AsSpan().Trim().StartsWith(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Consecutive Word list paragraphs become one &lt;ul&gt; or &lt;ol&gt; (levels are flattened).</summary>
    private static void GroupWordLists(StoryElement element, Dictionary<StoryElement, bool> listParagraphs)
    {
        var result = new List<StoryNode>(element.Children.Count);
        StoryElement? list = null;
        var spaces = new List<StoryNode>(); // Whitespace between two list paragraphs.
        foreach (var child in element.Children)
        {
            if (child is StoryElement paragraph && listParagraphs.TryGetValue(paragraph, out var ordered))
            {
                var listName = ordered ? "ol" : "ul";
                if (list is null || list.Name != listName)
                {
                    result.AddRange(spaces);
                    list = new StoryElement(listName);
                    result.Add(list);
                }

                spaces.Clear();
                paragraph.Name = "li";
                list.Children.Add(paragraph);
                continue;
            }

            if (list is not null && child is StoryText text && StoryTree.IsAsciiWhitespace(text.Data))
            {
                spaces.Add(child);
                continue;
            }

            result.AddRange(spaces);
            spaces.Clear();
            list = null;
            result.Add(child);
            if (child is StoryElement inner)
            {
                GroupWordLists(inner, listParagraphs);
            }
        }

        result.AddRange(spaces);
        element.SetChildren(result);
    }

    /// <summary>
    /// div and its kin, innermost first: inside a paragraph or heading they give way to their content;
    /// elsewhere one holding only inline content becomes a paragraph, and one holding blocks gives way to
    /// them, its loose inline content wrapped in paragraphs.
    /// </summary>
    private static void ResolveBlockContainers(StoryElement element, bool inPhrasing)
    {
        var childrenInPhrasing = inPhrasing
            || element.Name is "p" or "h2" or "h3" or "h4" or "caption" or "figcaption"
            || (StoryHtmlPolicy.InlineFormatting.Contains(element.Name) && element.Name != "a");
        var result = new List<StoryNode>(element.Children.Count);
        foreach (var child in element.Children)
        {
            if (child is not StoryElement inner)
            {
                result.Add(child);
                continue;
            }

            ResolveBlockContainers(inner, childrenInPhrasing);
            if (StoryHtmlPolicy.InlineFormatting.Contains(inner.Name) && inner.Children.Any(StoryTree.IsBlock))
            {
                result.AddRange(CarryIntoBlocks(inner, inner.Children));
            }
            else if (!StoryHtmlPolicy.DivLike.Contains(inner.Name))
            {
                result.Add(inner);
            }
            else if (childrenInPhrasing)
            {
                result.AddRange(inner.Children);
            }
            else if (inner.Children.Any(StoryTree.IsBlock))
            {
                result.AddRange(StoryTree.WrapInlineRuns(inner.Children));
            }
            else if (inner.Children.Any(n => n is StoryElement || (n is StoryText t && !StoryTree.IsAsciiWhitespace(t.Data))))
            {
                inner.Name = "p";
                result.Add(inner);
            }
            else
            {
                result.AddRange(inner.Children);
            }
        }

        element.SetChildren(result);
    }

    /// <summary>
    /// A link or emphasis around blocks (a block link <c>&lt;a href&gt;&lt;h3&gt;…&lt;/h3&gt;&lt;p&gt;…&lt;/p&gt;&lt;/a&gt;</c>
    /// from a web page, <c>&lt;b&gt;&lt;p&gt;…&lt;/p&gt;&lt;/b&gt;</c>) gives way to them and goes inside each, as the
    /// reader sees it: left around them it would end up in a paragraph holding paragraphs, which no browser
    /// can build, so the stored story would not read back the same (and a second pass would change it).
    /// </summary>
    private static List<StoryNode> CarryIntoBlocks(StoryElement wrapper, List<StoryNode> nodes)
    {
        var result = new List<StoryNode>(nodes.Count);
        var run = new List<StoryNode>();
        foreach (var node in nodes)
        {
            if (node is not StoryElement block || !StoryTree.IsBlock(block))
            {
                run.Add(node);
                continue;
            }

            FlushInto(wrapper, run, result);
            run = [];
            if (block.Name != "hr")
            {
                block.SetChildren(StoryHtmlPolicy.TextBlocks.Contains(block.Name) && !block.Children.Any(StoryTree.IsBlock)
                    ? [CopyWith(wrapper, block.Children)]
                    : CarryIntoBlocks(wrapper, block.Children)); // Lists, tables, quotes, figures: down to their text.
            }

            result.Add(block);
        }

        FlushInto(wrapper, run, result);
        return result;
    }

    // Inline content between the blocks keeps the wrapper; mere whitespace (between list items, say) does not.
    private static void FlushInto(StoryElement wrapper, List<StoryNode> run, List<StoryNode> result)
    {
        if (run.Any(n => n is StoryElement || (n is StoryText t && !StoryTree.IsAsciiWhitespace(t.Data))))
        {
            result.Add(CopyWith(wrapper, run));
        }
        else
        {
            result.AddRange(run);
        }
    }

    private static StoryElement CopyWith(StoryElement wrapper, List<StoryNode> children)
    {
        var copy = new StoryElement(wrapper.Name);
        copy.Attributes.AddRange(wrapper.Attributes);
        copy.SetChildren(children);
        return copy;
    }

    private static List<StoryNode> WithEmphasis(List<StoryNode> children, Dictionary<string, string> style)
    {
        var content = children;
        foreach (var wrapper in EmphasisOf(style).Reverse())
        {
            var element = new StoryElement(wrapper);
            element.SetChildren(content);
            content = [element];
        }

        return content;
    }

    private static IEnumerable<string> EmphasisOf(Dictionary<string, string> style)
    {
        if (style.TryGetValue("font-weight", out var weight)
            && (weight is "bold" or "bolder" || (int.TryParse(weight, out var number) && number >= 600)))
        {
            yield return "strong";
        }

        if (style.TryGetValue("font-style", out var fontStyle) && fontStyle is "italic" or "oblique")
        {
            yield return "em";
        }

        var decoration = style.GetValueOrDefault("text-decoration", "") + " " + style.GetValueOrDefault("text-decoration-line", "");
        if (decoration.Contains("underline", StringComparison.Ordinal))
        {
            yield return "u";
        }

        if (decoration.Contains("line-through", StringComparison.Ordinal))
        {
            yield return "s";
        }

        switch (style.GetValueOrDefault("vertical-align"))
        {
            case "super":
                yield return "sup";
                break;
            case "sub":
                yield return "sub";
                break;
        }
    }

    private static bool IsHidden(Dictionary<string, string> style) =>
        style.GetValueOrDefault("display") == "none"
        || style.GetValueOrDefault("visibility") == "hidden"
        || style.GetValueOrDefault("mso-hide") == "all";

    /// <summary>The style attribute as lower-case property → value (no CSS parser needed for these few facts).</summary>
    private static Dictionary<string, string> Style(StoryElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var style = element.GetAttribute("style");
        if (string.IsNullOrWhiteSpace(style))
        {
            return result;
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var property = declaration[..colon].Trim().ToLowerInvariant();
            var value = declaration[(colon + 1)..].Replace("!important", "", StringComparison.OrdinalIgnoreCase).Trim().ToLowerInvariant();
            result[property] = value;
        }

        return result;
    }

    [GeneratedRegex(@"^(\d+|[a-zA-Z]{1,4})[.)]$")]
    private static partial Regex OrderedMarker();
}
