using System.Collections.Frozen;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// What a story body may contain: the elements, each element's attributes, and the URLs links and images
/// may point to. One list, read by the sanitiser's every pass.
/// </summary>
internal static class StoryHtmlPolicy
{
    /// <summary>Allowed elements and, for each, the attributes it may carry.</summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> Elements = new Dictionary<string, string[]>
    {
        ["p"] = [],
        ["br"] = [],
        ["hr"] = [],
        ["h2"] = [],
        ["h3"] = [],
        ["h4"] = [],
        ["strong"] = [],
        ["b"] = [],
        ["em"] = [],
        ["i"] = [],
        ["u"] = [],
        ["s"] = [],
        ["sub"] = [],
        ["sup"] = [],
        ["ul"] = [],
        ["ol"] = [],
        ["li"] = [],
        ["blockquote"] = [],
        ["a"] = ["href", "title", "target", "rel"],
        ["table"] = [],
        ["caption"] = [],
        ["thead"] = [],
        ["tbody"] = [],
        ["tfoot"] = [],
        ["tr"] = [],
        ["th"] = ["colspan", "rowspan", "scope"],
        ["td"] = ["colspan", "rowspan"],
        ["figure"] = ["class"],
        ["figcaption"] = [],
        ["img"] = ["src", "alt", "width", "height"],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Every attribute some allowed element may carry (HtmlSanitizer's list is not per element).</summary>
    public static readonly FrozenSet<string> Attributes =
        Elements.Values.SelectMany(a => a).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The only class kept: TinyMCE's captioned image, <c>&lt;figure class="image"&gt;</c>.</summary>
    public const string FigureClass = "image";

    /// <summary>Link schemes; images are narrower (see <see cref="CleanImageSource"/>).</summary>
    public static readonly FrozenSet<string> LinkSchemes =
        new[] { "http", "https", "mailto" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where uploaded pictures live on the portal; the only site-relative image source.</summary>
    public const string MediaPath = "/media/";

    /// <summary>
    /// Removed together with everything inside them: their content is code, a plug-in, a form control, a
    /// document head or a fallback for one of these, never story text.
    /// </summary>
    public static readonly FrozenSet<string> DroppedWithContent = new[]
    {
        "script", "style", "template", "noscript", "noembed", "noframes", "iframe", "frame", "frameset",
        "object", "embed", "applet", "param", "xml", "xmp", "plaintext", "textarea", "select", "option",
        "optgroup", "datalist", "button", "input", "keygen", "output", "progress", "meter", "head", "title",
        "meta", "link", "base", "basefont", "bgsound", "audio", "video", "source", "track", "canvas", "map",
        "area", "svg", "math", "portal", "fencedframe", "slot", "dialog", "colgroup", "col",
        "rp", "rt", "selectedcontent",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Block containers that become a paragraph (inline content only) or give way to their children.</summary>
    public static readonly FrozenSet<string> DivLike = new[]
    {
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "address", "hgroup",
        "details", "summary", "fieldset", "legend", "pre", "listing", "dl", "dt", "dd", "search", "form", "menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Allowed elements that start a new block (a paragraph break for plain text).</summary>
    public static readonly FrozenSet<string> Blocks = new[]
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "table", "caption", "thead", "tbody", "tfoot",
        "tr", "th", "td", "figure", "figcaption", "hr",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Blocks that hold a line of text (where whitespace at the edges means nothing).</summary>
    public static readonly FrozenSet<string> TextBlocks = new[]
    {
        "p", "h2", "h3", "h4", "li", "th", "td", "caption", "figcaption", "blockquote",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Inline formatting that means nothing without text inside.</summary>
    public static readonly FrozenSet<string> InlineFormatting = new[]
    {
        "strong", "b", "em", "i", "u", "s", "sub", "sup", "a",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] RelTokens = ["nofollow", "noopener", "noreferrer", "ugc", "sponsored"];

    /// <summary>
    /// The link target, cleaned as a browser reads it (outer spaces and control characters trimmed, tabs
    /// and line breaks dropped), or null when it is not an http/https/mailto URL, a site-relative path or
    /// an in-page anchor. "//host" and "/\host" are other sites to a browser, so they are refused.
    /// </summary>
    public static string? CleanLinkTarget(string value)
    {
        var url = CleanUrl(value);
        if (url.Length == 0)
        {
            return null;
        }

        if (url[0] == '#' || IsSitePath(url))
        {
            return url;
        }

        var colon = url.IndexOf(':');
        if (colon <= 0 || !LinkSchemes.Contains(url[..colon]))
        {
            return null;
        }

        var scheme = url[..colon].ToLowerInvariant();
        return scheme == "mailto" || HasAuthority(url, colon) ? url : null;
    }

    /// <summary>An image source: an http/https URL or a path inside <see cref="MediaPath"/>; otherwise null.</summary>
    public static string? CleanImageSource(string value)
    {
        var url = CleanUrl(value);
        if (url.StartsWith(MediaPath, StringComparison.Ordinal))
        {
            return IsInsideMedia(url) ? url : null;
        }

        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var scheme = url[..colon];
        return (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            && HasAuthority(url, colon)
            ? url
            : null;
    }

    /// <summary>The rel tokens worth keeping, in a fixed order; target="_blank" always adds noopener noreferrer.</summary>
    public static string? CleanRel(string? rel, bool opensNewWindow)
    {
        var given = (rel ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = RelTokens.Where(token =>
            given.Contains(token, StringComparer.OrdinalIgnoreCase)
            || (opensNewWindow && token is "noopener" or "noreferrer"));
        var result = string.Join(' ', kept);
        return result.Length == 0 ? null : result;
    }

    /// <summary>A size attribute: one to five digits, nothing else.</summary>
    public static bool IsPixelCount(string value) =>
        value.Length is > 0 and <= 5 && value.All(char.IsAsciiDigit);

    /// <summary>A colspan/rowspan: 1 to 999.</summary>
    public static bool IsSpan(string value) =>
        value.Length is > 0 and <= 3 && value.All(char.IsAsciiDigit) && value.Any(c => c != '0');

    public static bool IsScope(string value) => value is "row" or "col" or "rowgroup" or "colgroup";

    private static string CleanUrl(string value)
    {
        // What the URL parser does first: strip leading/trailing C0 controls and spaces, drop tab/CR/LF anywhere.
        var trimmed = value.AsSpan().Trim("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ");
        if (trimmed.IndexOfAny('\t', '\n', '\r') < 0)
        {
            return trimmed.ToString();
        }

        return string.Create(trimmed.Length - CountLineBreaks(trimmed), trimmed.ToString(), static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c is not ('\t' or '\n' or '\r'))
                {
                    span[i++] = c;
                }
            }
        });
    }

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
            {
                count++;
            }
        }

        return count;
    }

    // Every reader's browser fetches an image unasked: "/media/../admin/logout" (or %2e%2e, which browsers
    // also read as "..") must not climb out of the media library.
    private static bool IsInsideMedia(string url)
    {
        if (url.Contains('\\'))
        {
            return false;
        }

        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        return !path.Split('/').Any(segment =>
            segment is "." or ".."
            || segment.Contains("%2e", StringComparison.OrdinalIgnoreCase));
    }

    // "/path" but not "//host" or "/\host" (both mean another host to a browser).
    private static bool IsSitePath(string url) =>
        url.Length >= 1 && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));

    // "http://host...", with a non-empty host; "http:/x" and "http:\\x" are refused rather than guessed at.
    private static bool HasAuthority(string url, int colon) =>
        url.Length > colon + 3 && url[colon + 1] == '/' && url[colon + 2] == '/' && url[colon + 3] is not ('/' or '\\');
}
