using System.Globalization;
using Editorial.Core.Text;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// A text and its search key (<see cref="VietnameseText.Fold(string)"/>, character by character) with the
/// way back: for every folded character, where it came from in the original. Search matches folded words;
/// readers must see the words they typed highlighted in the text as written, with its diacritics.
/// </summary>
/// <remarks>
/// Folding is per character apart from whitespace (kept one for one here, where Fold collapses runs) and
/// characters that fold to nothing (combining marks of decomposed text, zero-width spaces), which are
/// attached to the character before them, so "Hồ" typed as H + o + U+0302 + U+0300 maps back whole.
/// </remarks>
public sealed class FoldedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private FoldedText(string original, string folded, int[] starts, int[] ends)
    {
        Original = original;
        Folded = folded;
        _starts = starts;
        _ends = ends;
    }

    public string Original { get; }

    /// <summary>Lower case, no diacritics, đ → d; one space per whitespace character of the original.</summary>
    public string Folded { get; }

    public static FoldedText Of(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var folded = new System.Text.StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);

        for (var i = 0; i < original.Length;)
        {
            var length = char.IsHighSurrogate(original[i]) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            var piece = original.AsSpan(i, length);
            var key = char.IsWhiteSpace(original[i]) ? " " : VietnameseText.Fold(piece);
            if (key.Length == 0)
            {
                // A mark or invisible character: part of the letter before it.
                if (ends.Count > 0 && folded[^1] != ' ')
                {
                    ends[^1] = i + length;
                }
            }
            else
            {
                foreach (var c in key)
                {
                    folded.Append(c);
                    starts.Add(i);
                    ends.Add(i + length);
                }
            }

            i += length;
        }

        return new FoldedText(original, folded.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>Words of the folded text as the search index cuts them: runs of letters and digits.</summary>
    public IEnumerable<(int Start, int Length)> Words() => WordsOf(Folded);

    /// <summary>The original characters behind folded characters [start, start + length).</summary>
    public (int Start, int Length) ToOriginal(int foldedStart, int foldedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(foldedStart);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldedLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(foldedStart + foldedLength, Folded.Length);
        var start = _starts[foldedStart];
        return (start, _ends[foldedStart + foldedLength - 1] - start);
    }

    /// <summary>
    /// Word runs (letters and digits, as SQLite's unicode61 tokenizer treats them; everything else separates).
    /// </summary>
    public static IEnumerable<(int Start, int Length)> WordsOf(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse;
}
