using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Editorial.Tests.Articles.Html;

/// <summary>
/// The test's own idea of safe story HTML, written from the requirements rather than from the sanitiser's
/// policy: the output is parsed as a browser would (scripting on and off) and every node is checked.
/// </summary>
internal static class SafeHtml
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["p"] = [], ["br"] = [], ["hr"] = [], ["h2"] = [], ["h3"] = [], ["h4"] = [],
        ["strong"] = [], ["b"] = [], ["em"] = [], ["i"] = [], ["u"] = [], ["s"] = [], ["sub"] = [], ["sup"] = [],
        ["ul"] = [], ["ol"] = [], ["li"] = [], ["blockquote"] = [],
        ["a"] = ["href", "title", "target", "rel"],
        ["table"] = [], ["caption"] = [], ["thead"] = [], ["tbody"] = [], ["tfoot"] = [], ["tr"] = [],
        ["th"] = ["colspan", "rowspan", "scope"], ["td"] = ["colspan", "rowspan"],
        ["figure"] = ["class"], ["figcaption"] = [],
        ["img"] = ["src", "alt", "width", "height"],
    };

    /// <summary>Tags that must not appear in the markup at all (text is escaped, so "&lt;" in text never matches).</summary>
    private static readonly string[] ForbiddenTags =
    [
        "<script", "<style", "<iframe", "<frame", "<object", "<embed", "<form", "<svg", "<math", "<base", "<meta",
        "<link", "<template", "<noscript", "<!--", "<![cdata[", "<input", "<button", "<textarea", "<applet",
    ];

    public static void AssertSafe(string html, string because)
    {
        foreach (var tag in ForbiddenTags)
        {
            Check(!html.Contains(tag, StringComparison.OrdinalIgnoreCase), because, $"contains {tag}", html);
        }

        foreach (var scripting in new[] { true, false })
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = scripting });
            using var document = parser.ParseDocument("<!doctype html><html><head></head><body>" + html);
            Check(document.Head!.ChildNodes.Length == 0, because, "something reached <head>", html);
            var pending = new Stack<INode>([document.Body!]);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                for (var i = 0; i < node.ChildNodes.Length; i++)
                {
                    pending.Push(node.ChildNodes[i]);
                }

                switch (node)
                {
                    case IComment:
                        Check(false, because, "a comment survived", html);
                        break;
                    case IElement element when element != document.Body:
                        AssertSafe(element, because, html);
                        break;
                }
            }
        }
    }

    private static void AssertSafe(IElement element, string because, string html)
    {
        var name = element.LocalName;
        Check(element.NamespaceUri == NamespaceNames.HtmlUri, because, $"foreign element <{name}>", html);
        Check(Allowed.TryGetValue(name, out var attributes), because, $"element <{name}> is not allowed", html);
        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name;
            Check(!attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase), because, $"event handler {attributeName}", html);
            Check(!attributeName.Equals("style", StringComparison.OrdinalIgnoreCase), because, "style attribute", html);
            Check(attributes!.Contains(attributeName), because, $"<{name} {attributeName}> is not allowed", html);
            if (attributeName == "href")
            {
                Check(IsSafeLink(attribute.Value), because, $"unsafe href \"{attribute.Value}\"", html);
            }

            if (attributeName == "src")
            {
                Check(IsSafeImage(attribute.Value), because, $"unsafe src \"{attribute.Value}\"", html);
            }

            if (attributeName == "class")
            {
                Assert.Equal("image", attribute.Value);
            }
        }

        if (name == "a" && element.GetAttribute("target") is { } target)
        {
            Assert.Equal("_blank", target);
            var rel = (element.GetAttribute("rel") ?? "").Split(' ');
            Assert.Contains("noopener", rel);
            Assert.Contains("noreferrer", rel);
        }
    }

    // The message (with the whole output) is built only on failure: wide outputs have 100,000 elements.
    private static void Check(bool condition, string because, string problem, string html)
    {
        if (!condition)
        {
            Assert.Fail($"{because}: {problem}: {(html.Length > 2000 ? html[..2000] + "…" : html)}");
        }
    }

    /// <summary>http, https, mailto, a site path ("/x", not "//host" or "/\host") or an in-page anchor.</summary>
    public static bool IsSafeLink(string value)
    {
        var url = Clean(value);
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith('#')
            || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal));
    }

    /// <summary>http, https or a path under /media/ that stays there (percent-escapes decoded, no "..").</summary>
    public static bool IsSafeImage(string value)
    {
        var url = Clean(value);
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (url.StartsWith("/media/", StringComparison.Ordinal) && !url.Contains('\\') && !url.Split('/', '?', '#').Any(s => s is "." or ".."));
    }

    // As a browser's URL parser: outer C0 controls and spaces trimmed, tabs and line breaks removed, and
    // (stricter than a browser) percent-escapes decoded, so "%6A%61..." cannot pass for what it spells.
    private static string Clean(string value)
    {
        var url = new string(value.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim(Enumerable.Range(0, 33).Select(c => (char)c).ToArray());
        return Uri.UnescapeDataString(url);
    }
}
