using System.Text;

namespace Editorial.Core.Articles.Html;

/// <summary>
/// A sanitised story body as text: one paragraph per block (paragraph, heading, list item, caption, table
/// row), paragraphs separated by a blank line, &lt;br&gt; as a line break, table cells separated by a tab.
/// </summary>
internal static class StoryPlainText
{
    public static string Extract(StoryElement body)
    {
        var state = new State();
        state.Walk(body);
        state.Flush();
        return string.Join("\n\n", state.Paragraphs);
    }

    private sealed class State
    {
        private readonly StringBuilder current = new();

        // Inside a table cell the row is the paragraph: blocks in a cell (Word puts a <p> in each) only
        // break the line.
        private int cellDepth;

        // A block in a cell ended: the cell's next text starts a line, unless the next cell comes first.
        private bool lineBreakPending;

        public List<string> Paragraphs { get; } = [];

        public void Walk(StoryElement element)
        {
            foreach (var child in element.Children)
            {
                switch (child)
                {
                    case StoryText text:
                        if (lineBreakPending && current.Length > 0 && current[^1] is not ('\t' or '\n'))
                        {
                            current.Append('\n');
                        }

                        lineBreakPending = false;
                        current.Append(text.Data);
                        break;
                    case StoryElement { Name: "br" }:
                        current.Append('\n');
                        break;
                    case StoryElement { Name: "td" or "th" } cell:
                        lineBreakPending = false;
                        if (current.Length > 0)
                        {
                            current.Append('\t');
                        }

                        cellDepth++;
                        Walk(cell);
                        cellDepth--;
                        break;
                    case StoryElement block when StoryHtmlPolicy.Blocks.Contains(block.Name):
                        Break();
                        Walk(block);
                        if (cellDepth == 0)
                        {
                            Flush();
                        }
                        else
                        {
                            lineBreakPending = true;
                        }

                        break;
                    case StoryElement inline:
                        Walk(inline);
                        break;
                }
            }
        }

        public void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var lines = current.ToString()
                .Split('\n')
                .Select(line => string.Join('\t', line.Split('\t').Select(CollapseSpaces).Where(cell => cell.Length > 0)))
                .Where(line => line.Length > 0);
            var paragraph = string.Join('\n', lines);
            if (paragraph.Length > 0)
            {
                Paragraphs.Add(paragraph);
            }

            current.Clear();
        }

        private void Break()
        {
            if (cellDepth == 0)
            {
                Flush();
            }
            else if (current.Length > 0 && current[^1] is not ('\t' or '\n'))
            {
                current.Append('\n');
            }
        }
    }

    // Ends trimmed of every kind of space (also &nbsp;); inside, runs of ASCII spaces become one, &nbsp; stays.
    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (StoryTree.IsAsciiWhitespace(c))
            {
                if (builder.Length > 0 && builder[^1] == ' ')
                {
                    continue;
                }

                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
