using AngleSharp.Dom;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// A story body as a plain tree, for the sanitiser's own passes. AngleSharp's DOM finds a node's
/// sibling or position by a linear search of its parent's children, so editing a wide body node by
/// node there is quadratic (a pasted document with 40,000 spans took seconds); here each pass rebuilds
/// child lists in one go. Conversion to and from AngleSharp is linear and iterative.
/// </summary>
internal abstract class StoryNode;

internal sealed class StoryText(string data) : StoryNode
{
    public string Data { get; set; } = data;
}

internal sealed class StoryComment(string data) : StoryNode
{
    public string Data { get; } = data;
}

internal sealed class StoryElement(string name, bool isHtml = true) : StoryNode
{
    /// <summary>Lower-case local name.</summary>
    public string Name { get; set; } = name;

    /// <summary>False for SVG and MathML elements.</summary>
    public bool IsHtml { get; } = isHtml;

    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    public List<StoryNode> Children { get; private set; } = [];

    public string? GetAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Key == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public void SetAttribute(string name, string value)
    {
        var index = Attributes.FindIndex(a => a.Key == name);
        if (index >= 0)
        {
            Attributes[index] = new(name, value);
        }
        else
        {
            Attributes.Add(new(name, value));
        }
    }

    public void RemoveAttribute(string name) => Attributes.RemoveAll(a => a.Key == name);

    public void SetChildren(List<StoryNode> children) => Children = children;
}

internal static class StoryTree
{
    /// <summary>
    /// Copies the children of <paramref name="body"/>. Elements more than <paramref name="maxDepth"/> levels
    /// down give way to their content, so that the recursive passes over the copy stay shallow.
    /// </summary>
    public static StoryElement FromDom(IElement body, int maxDepth)
    {
        var root = new StoryElement("body");
        var pending = new Stack<(INode Source, StoryElement Target, int Depth)>();
        pending.Push((body, root, 0));
        while (pending.Count > 0)
        {
            var (source, target, depth) = pending.Pop();
            var children = source.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i];
                if (child is IElement element && depth + 1 > maxDepth)
                {
                    AppendFlattened(element, target);
                }
                else if (Copy(child) is { } copy)
                {
                    target.Children.Add(copy);
                    if (copy is StoryElement copiedElement && child.HasChildNodes)
                    {
                        pending.Push((child, copiedElement, depth + 1));
                    }
                }
            }
        }

        return root;
    }

    /// <summary>Builds <paramref name="root"/>'s children under <paramref name="body"/> (appending only: linear).</summary>
    public static void ToDom(StoryElement root, IElement body)
    {
        var document = body.Owner!;
        var pending = new Stack<(StoryElement Source, INode Target)>();
        pending.Push((root, body));
        while (pending.Count > 0)
        {
            var (source, target) = pending.Pop();
            foreach (var child in source.Children)
            {
                switch (child)
                {
                    case StoryText text:
                        target.AppendChild(document.CreateTextNode(text.Data));
                        break;
                    case StoryElement element:
                        var created = document.CreateElement(element.Name);
                        foreach (var (name, value) in element.Attributes)
                        {
                            try
                            {
                                created.SetAttribute(name, value);
                            }
                            catch (DomException)
                            {
                                // A name the parser accepts but the DOM API does not ("a<b"): no allowed attribute.
                            }
                        }

                        target.AppendChild(created);
                        pending.Push((element, created));
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Writes the children of <paramref name="root"/> as HTML, one per line. The escaping is
    /// HtmlSanitizer's <c>HtmlFormatter</c>'s: in text &amp;, &lt;, &gt; and the no-break space become
    /// entities, in attribute values also the double quote; every other character, Vietnamese included,
    /// stays a character. (AngleSharp's own serialiser also looks up each node's siblings linearly: 100,000
    /// paragraphs took seconds.) Only for sanitised trees: allowed names, no raw-text elements.
    /// </summary>
    public static string ToHtml(StoryElement root)
    {
        var output = new System.Text.StringBuilder();
        foreach (var child in root.Children)
        {
            if (output.Length > 0)
            {
                output.Append('\n'); // One block a line: readable in storage, in the editor's source view and in diffs.
            }

            Write(child, output);
        }

        return output.ToString();
    }

    private static void Write(StoryNode node, System.Text.StringBuilder output)
    {
        switch (node)
        {
            case StoryText text:
                Escape(text.Data, output, inAttribute: false);
                break;
            case StoryElement element:
                output.Append('<').Append(element.Name);
                foreach (var (name, value) in element.Attributes)
                {
                    output.Append(' ').Append(name).Append("=\"");
                    Escape(value, output, inAttribute: true);
                    output.Append('"');
                }

                output.Append('>');
                if (element.Name is "br" or "hr" or "img")
                {
                    break; // Void: no content, no end tag.
                }

                foreach (var child in element.Children)
                {
                    Write(child, output);
                }

                output.Append("</").Append(element.Name).Append('>');
                break;
        }
    }

    private static void Escape(string text, System.Text.StringBuilder output, bool inAttribute)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '\u00A0':
                    output.Append("&nbsp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '"' when inAttribute:
                    output.Append("&quot;");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    /// <summary>Whether the node starts a new block (a paragraph break), counting div and its kin.</summary>
    public static bool IsBlock(StoryNode node) =>
        node is StoryElement element
        && (StoryHtmlPolicy.Blocks.Contains(element.Name) || StoryHtmlPolicy.DivLike.Contains(element.Name));

    /// <summary>Wraps each run of inline content (not just spaces) among <paramref name="nodes"/> in a paragraph.</summary>
    public static List<StoryNode> WrapInlineRuns(List<StoryNode> nodes)
    {
        var result = new List<StoryNode>(nodes.Count);
        var run = new List<StoryNode>();
        foreach (var node in nodes)
        {
            if (IsBlock(node))
            {
                FlushRun(run, result);
                result.Add(node);
            }
            else
            {
                run.Add(node);
            }
        }

        FlushRun(run, result);
        return result;
    }

    /// <summary>The text below a node, as a reader would get it (no spaces added between elements).</summary>
    public static string TextOf(StoryNode node)
    {
        switch (node)
        {
            case StoryText text:
                return text.Data;
            case StoryElement element:
                var builder = new System.Text.StringBuilder();
                AppendText(element, builder);
                return builder.ToString();
            default:
                return "";
        }
    }

    public static bool IsAsciiWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (!IsAsciiWhitespace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>HTML's whitespace: space, tab, LF, FF, CR. Not the no-break space, which is text.</summary>
    public static bool IsAsciiWhitespace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static void FlushRun(List<StoryNode> run, List<StoryNode> result)
    {
        if (run.Count == 0)
        {
            return;
        }

        if (run.Any(n => n is StoryElement || (n is StoryText text && !IsAsciiWhitespace(text.Data))))
        {
            var paragraph = new StoryElement("p");
            paragraph.Children.AddRange(run);
            result.Add(paragraph);
        }
        else
        {
            result.AddRange(run);
        }

        run.Clear();
    }

    private static void AppendText(StoryElement element, System.Text.StringBuilder builder)
    {
        foreach (var child in element.Children)
        {
            switch (child)
            {
                case StoryText text:
                    builder.Append(text.Data);
                    break;
                case StoryElement inner:
                    AppendText(inner, builder);
                    break;
            }
        }
    }

    private static StoryNode? Copy(INode node)
    {
        switch (node)
        {
            case IText text:
                return new StoryText(text.Data);
            case IComment comment:
                return new StoryComment(comment.Data);
            case IElement element:
                var copy = new StoryElement(element.LocalName, element.NamespaceUri == NamespaceNames.HtmlUri);
                foreach (var attribute in element.Attributes)
                {
                    copy.Attributes.Add(new(attribute.Name, attribute.Value));
                }

                return copy;
            default:
                return null;
        }
    }

    // Text, comments and childless elements below a too-deep element, in document order.
    private static void AppendFlattened(IElement element, StoryElement target)
    {
        var pending = new Stack<(INode Node, int NextChild)>();
        pending.Push((element, 0));
        while (pending.Count > 0)
        {
            var (node, next) = pending.Pop();
            if (next < node.ChildNodes.Length)
            {
                pending.Push((node, next + 1));
                var child = node.ChildNodes[next];
                if (child.HasChildNodes)
                {
                    pending.Push((child, 0));
                }
                else if (Copy(child) is { } copy)
                {
                    target.Children.Add(copy);
                }
            }
        }
    }
}
