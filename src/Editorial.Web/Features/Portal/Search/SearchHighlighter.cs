using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// Marks the searched words in text as written (with diacritics), found through its folded form: a reader
/// who typed "thao hong son" sees <c>&lt;mark&gt;Thào Hồng Sơn&lt;/mark&gt;</c>. Output is HTML-encoded text
/// with <c>&lt;mark&gt;</c> elements only.
/// </summary>
public static class SearchHighlighter
{
    // Vietnamese letters stay characters (WebUtility would write &#7891;), only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Ranges of <paramref name="text"/> (original positions) holding a searched word; neighbours separated only by whitespace are merged.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(FoldedText text, SearchTerms terms)
    {
        var ranges = new List<(int Start, int Length)>();
        if (terms.IsEmpty)
        {
            return ranges;
        }

        foreach (var (start, length) in text.Words())
        {
            if (!terms.Contains(text.Folded.Substring(start, length)))
            {
                continue;
            }

            var range = text.ToOriginal(start, length);
            if (ranges.Count > 0)
            {
                var last = ranges[^1];
                var gapStart = last.Start + last.Length;
                if (text.Original.AsSpan(gapStart, range.Start - gapStart).IsWhiteSpace())
                {
                    ranges[^1] = (last.Start, range.Start + range.Length - last.Start);
                    continue;
                }
            }

            ranges.Add(range);
        }

        return ranges;
    }

    /// <summary>The whole text, encoded, with the searched words in &lt;mark&gt;.</summary>
    public static string Highlight(string text, SearchTerms terms)
    {
        var folded = FoldedText.Of(text);
        return ToHtml(text, Find(folded, terms), 0, text.Length);
    }

    /// <summary>
    /// An excerpt of about <paramref name="maxLength"/> characters around the longest run of searched words
    /// (or the start when none occurs), cut at word boundaries with "…" where text was left out; null when
    /// <paramref name="requireMatch"/> and no word occurs.
    /// </summary>
    public static string? Excerpt(string text, SearchTerms terms, int maxLength = 240, bool requireMatch = false)
    {
        var folded = FoldedText.Of(text);
        var ranges = Find(folded, terms);
        if (ranges.Count == 0 && requireMatch)
        {
            return null;
        }

        if (text.Length <= maxLength)
        {
            return ToHtml(text, ranges, 0, text.Length);
        }

        // Centre on the longest run of searched words (the whole phrase typed, when it occurs), else the first.
        var anchor = ranges.Count > 0 ? ranges.MaxBy(r => r.Length).Start : 0;
        var start = Math.Max(0, anchor - maxLength / 4);
        var end = Math.Min(text.Length, start + maxLength);
        start = Math.Max(0, Math.Min(start, end - maxLength));

        // Whole words only: move the cut to the next space inside the window.
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < anchor ? space + 1 : start;
        }

        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start && space > anchor ? space : end;
        }

        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        html.Append(ToHtml(text, ranges, start, end).Trim());
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private static string ToHtml(string text, IReadOnlyList<(int Start, int Length)> ranges, int from, int to)
    {
        var html = new StringBuilder();
        var position = from;
        foreach (var (start, length) in ranges)
        {
            var markStart = Math.Max(start, from);
            var markEnd = Math.Min(start + length, to);
            if (markEnd <= markStart)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[position..markStart]));
            html.Append("<mark>").Append(Encoder.Encode(text[markStart..markEnd])).Append("</mark>");
            position = markEnd;
        }

        html.Append(Encoder.Encode(text[position..to]));
        return html.ToString();
    }
}
