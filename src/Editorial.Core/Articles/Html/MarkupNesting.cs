using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// A guard in front of the HTML parser. Building the tree costs time proportional to the nesting depth
/// for every block tag (the parser looks down the stack of open elements), so half a megabyte of
/// <c>&lt;div&gt;</c>s nested inside each other takes minutes. <see cref="IsShallow"/> runs AngleSharp's
/// tokenizer alone (linear time) and follows the stack of open elements closely enough to tell ordinary
/// markup, sloppy or not, from pathological nesting; <see cref="Text"/> is the fallback for the latter.
/// </summary>
/// <remarks>
/// The estimate errs on the high side: an end tag only closes elements when the tree builder surely
/// would (the element is open and no element that stops the search lies above it), and the implicit
/// closes followed are the common ones of hand-written HTML (p, li, dd/dt, td/th, tr, option). Erring
/// high only means an unusual document falls back to plain text earlier; it never lets a deep one by.
/// </remarks>
internal static class MarkupNesting
{
    private static readonly FrozenSet<string> Void = Set(
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr", "basefont", "bgsound", "frame", "image", "isindex");

    // The HTML standard's "special" elements: an end tag for another element does not look past them.
    private static readonly FrozenSet<string> Special = Set(
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing",
        "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
        "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
        "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc");

    // Elements that end the search of "has an element in scope".
    private static readonly FrozenSet<string> ScopeBoundaries = Set(
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title", "svg", "math");

    // Start tags that close an open <p> first.
    private static readonly FrozenSet<string> ClosesParagraph = Set(
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "table", "hr", "xmp",
        "plaintext");

    private static readonly FrozenSet<string> Headings = Set("h1", "h2", "h3", "h4", "h5", "h6");

    // Elements whose content the tokenizer reads as text (scripting enabled, as HtmlSanitizer parses).
    private static readonly FrozenDictionary<string, HtmlParseMode> TextContent = new Dictionary<string, HtmlParseMode>
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext,
        ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext,
        ["noframes"] = HtmlParseMode.Rawtext,
        ["noscript"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData,
        ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Elements whose content the tokenizer reads as text up to their end tag: left unclosed, they swallow
    // everything after them.
    private static readonly FrozenSet<string> EndedOnlyByEndTag = Set(
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title");

    private static readonly SearchValues<string> TextContentStartTags = SearchValues.Create(
        [.. TextContent.Keys.Select(name => "<" + name)], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="html"/> with every element that would read the rest of the input as its text closed
    /// right after its start tag: an unclosed <c>&lt;style&gt;</c>, <c>&lt;title&gt;</c>,
    /// <c>&lt;textarea&gt;</c>, <c>&lt;noscript&gt;</c>, <c>&lt;script&gt;</c> … gets its end tag there, and
    /// <c>&lt;plaintext&gt;</c> (which no end tag closes) is removed. So is a <c>&lt;style&gt;</c> whose text
    /// up to its end tag holds markup (a style sheet never holds tags: that is a story's paragraphs caught in
    /// a stray style, up to the next one's end tag). What followed is then read as markup and sanitised like
    /// everything else, instead of vanishing with the element: a hostile or broken paste must not take the
    /// reporter's paragraphs after it along (an unclosed script's code shows as harmless text, which the
    /// reporter sees and can delete). Other closed elements are left as they are.
    /// </summary>
    /// <remarks>
    /// Safety never depends on this pass: its output goes through the whole sanitiser. It follows the
    /// tokenizer only (linear time): a closed text element's content is skipped as text, whether or not
    /// the tree builder would read it so (in SVG/MathML it would not, and a later unclosed element in there
    /// may still swallow the rest: then only text is lost, never safety).
    /// </remarks>
    public static string CloseUnterminatedText(string html)
    {
        if (html.AsSpan().IndexOfAny(TextContentStartTags) < 0)
        {
            return html;
        }

        var lastEndTag = EndedOnlyByEndTag.ToDictionary(name => name, name => LastEndTag(html, name), StringComparer.Ordinal);
        var source = new TextSource(html);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipDataText = true,
            SkipScriptText = true,
            SkipRawText = true,
            SkipRCDataText = true,
            SkipPlaintext = true,
            SkipComments = true,
            SkipCDATA = true,
            SkipProcessingInstructions = true,
        };
        StringBuilder? result = null;
        var copied = 0;

        // Where the next style end tag and the next start-tag-like "<x" are (html.Length: none further on);
        // both only move forward, so finding them stays linear.
        int nextStyleEnd = -1, nextMarkup = -1;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type != HtmlTokenType.StartTag || !TextContent.TryGetValue(token.Name, out var mode))
            {
                continue;
            }

            var start = token.Position.Index;
            var end = source.Index; // Just after the start tag's ">".
            if (mode == HtmlParseMode.Plaintext)
            {
                result ??= new StringBuilder(html.Length + 32);
                result.Append(html, copied, start - copied);
                copied = end;
                continue;
            }

            var unclosed = lastEndTag[token.Name] < end;
            if (!unclosed && token.Name == "style")
            {
                if (nextStyleEnd < end)
                {
                    nextStyleEnd = NextEndTag(html, "style", end);
                }

                if (nextMarkup < end)
                {
                    nextMarkup = NextStartTagLike(html, end);
                }

                unclosed = nextMarkup < nextStyleEnd;
            }

            if (unclosed)
            {
                result ??= new StringBuilder(html.Length + 32);
                result.Append(html, copied, end - copied).Append("</").Append(token.Name).Append('>');
                copied = end;
            }
            else
            {
                tokenizer.State = mode; // Closed further on: its content is text up to the end tag.
            }
        }

        return result is null ? html : result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Where the first end tag that would close a text element called <paramref name="name"/> starts at or after <paramref name="from"/>; the length of <paramref name="html"/> if none.</summary>
    private static int NextEndTag(string html, string name, int from)
    {
        var tag = "</" + name;
        for (var at = html.IndexOf(tag, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(tag, at + tag.Length, StringComparison.OrdinalIgnoreCase))
        {
            if (IsEndTagAt(html, at + tag.Length))
            {
                return at;
            }
        }

        return html.Length;
    }

    /// <summary>Where the first "&lt;" followed by a letter (what the tokenizer would take for a start tag) is at or after <paramref name="from"/>; the length of <paramref name="html"/> if none.</summary>
    private static int NextStartTagLike(string html, int from)
    {
        for (var at = html.IndexOf('<', from); at >= 0; at = html.IndexOf('<', at + 1))
        {
            if (at + 1 < html.Length && char.IsAsciiLetter(html[at + 1]))
            {
                return at;
            }
        }

        return html.Length;
    }

    /// <summary>Where the last end tag that would close a text element called <paramref name="name"/> starts; -1 if none.</summary>
    private static int LastEndTag(string html, string name)
    {
        var tag = "</" + name;
        for (var at = html.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = at == 0 ? -1 : html.LastIndexOf(tag, at - 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsEndTagAt(html, at + tag.Length))
            {
                return at;
            }
        }

        return -1;
    }

    // After "</name": what ends a tag name (the tokenizer reads "\r" as a line feed).
    private static bool IsEndTagAt(string html, int next) =>
        next < html.Length && html[next] is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>';

    /// <summary>Whether the elements of <paramref name="html"/> nest at most about <paramref name="maxDepth"/> deep.</summary>
    public static bool IsShallow(string html, int maxDepth)
    {
        var tokenizer = CreateTokenizer(html, keepText: false);
        var open = new List<string>();
        var foreign = 0; // Open svg/math elements: their <style> and <script> hold markup, not text.
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type == HtmlTokenType.StartTag)
            {
                var tag = (HtmlTagToken)token;
                var name = tag.Name;
                CloseImplicitly(open, name);
                if (Void.Contains(name) || (tag.IsSelfClosing && foreign > 0 && !Special.Contains(name) && !IsHtmlPhrasing(name)))
                {
                    continue;
                }

                open.Add(name);
                if (open.Count > maxDepth)
                {
                    return false;
                }

                if (name is "svg" or "math")
                {
                    foreign++;
                }
                else if (foreign == 0 && TextContent.TryGetValue(name, out var mode))
                {
                    tokenizer.State = mode;
                    open.RemoveAt(open.Count - 1); // Its content is text; its end tag comes with it.
                }

                tokenizer.IsAcceptingCharacterData = foreign > 0;
            }
            else if (token.Type == HtmlTokenType.EndTag)
            {
                var closed = Close(open, token.Name);
                foreign -= closed.Count(n => n is "svg" or "math");
                tokenizer.IsAcceptingCharacterData = foreign > 0;
            }
        }

        return true;
    }

    /// <summary>
    /// The text of <paramref name="html"/> without any markup, for input too deeply nested to parse: what a
    /// reader would see, less scripts and styles; block tags become paragraph breaks ("\n\n").
    /// </summary>
    public static string Text(string html)
    {
        var tokenizer = CreateTokenizer(html, keepText: true);
        var text = new StringBuilder(html.Length / 2);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    text.Append(token.Data);
                    break;
                case HtmlTokenType.StartTag when TextContent.TryGetValue(token.Name, out var mode):
                    tokenizer.State = mode; // Script, style, textarea, ...: skipped, not story text.
                    break;
                case HtmlTokenType.StartTag or HtmlTokenType.EndTag when Special.Contains(token.Name):
                    text.Append("\n\n");
                    break;
            }
        }

        return text.ToString();
    }

    private static HtmlTokenizer CreateTokenizer(string html, bool keepText) =>
        new(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            SkipDataText = !keepText,
            SkipScriptText = true,
            SkipRawText = true,
            SkipRCDataText = true,
            SkipPlaintext = true,
            SkipComments = true,
            SkipCDATA = !keepText,
            SkipProcessingInstructions = true,
        };

    private static void CloseImplicitly(List<string> open, string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            PopTo(open, IndexInScope(open, "p", button: true));
        }

        switch (name)
        {
            case "li":
                PopTo(open, IndexOfListItem(open, ["li"]));
                break;
            case "dd" or "dt":
                PopTo(open, IndexOfListItem(open, ["dd", "dt"]));
                break;
            case "td" or "th":
                PopTo(open, Math.Max(IndexInScope(open, "td"), IndexInScope(open, "th")));
                break;
            case "tr":
                PopTo(open, IndexInScope(open, "tr"));
                break;
            case "option" when open.Count > 0 && open[^1] == "option":
                open.RemoveAt(open.Count - 1);
                break;
            case var _ when Headings.Contains(name) && open.Count > 0 && Headings.Contains(open[^1]):
                open.RemoveAt(open.Count - 1);
                break;
        }
    }

    /// <summary>Applies an end tag; returns the elements it closed.</summary>
    private static List<string> Close(List<string> open, string name)
    {
        int index;
        if (Headings.Contains(name))
        {
            index = -1;
            foreach (var heading in Headings)
            {
                index = Math.Max(index, IndexInScope(open, heading));
            }
        }
        else if (name == "li")
        {
            index = IndexInScope(open, name, listItem: true);
        }
        else if (name == "p")
        {
            index = IndexInScope(open, name, button: true);
        }
        else if (Special.Contains(name))
        {
            index = IndexInScope(open, name);
        }
        else
        {
            // "Any other end tag": found before a special element, or ignored.
            index = -1;
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i] == name)
                {
                    index = i;
                    break;
                }

                if (Special.Contains(open[i]))
                {
                    break;
                }
            }
        }

        if (index < 0)
        {
            return [];
        }

        var closed = open.GetRange(index, open.Count - index);
        open.RemoveRange(index, open.Count - index);
        return closed;
    }

    private static int IndexInScope(List<string> open, string name, bool button = false, bool listItem = false)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var element = open[i];
            if (element == name)
            {
                return i;
            }

            if (ScopeBoundaries.Contains(element) || (button && element == "button") || (listItem && element is "ol" or "ul"))
            {
                return -1;
            }
        }

        return -1;
    }

    // The li/dd/dt start tag rule: look down past address, div and p, stop at any other special element.
    private static int IndexOfListItem(List<string> open, string[] names)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (names.Contains(open[i]))
            {
                return i;
            }

            if (Special.Contains(open[i]) && open[i] is not ("address" or "div" or "p"))
            {
                return -1;
            }
        }

        return -1;
    }

    private static void PopTo(List<string> open, int index)
    {
        if (index >= 0)
        {
            open.RemoveRange(index, open.Count - index);
        }
    }

    // Names that leave SVG/MathML for HTML (where "/>" means nothing): never treated as self-closed.
    private static bool IsHtmlPhrasing(string name) =>
        name is "b" or "big" or "code" or "em" or "i" or "nobr" or "ruby" or "s" or "small" or "span" or "strong"
            or "strike" or "sub" or "sup" or "tt" or "u" or "var" or "font";

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
