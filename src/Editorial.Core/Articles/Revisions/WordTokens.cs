using System.Globalization;

namespace Editorial.Core.Articles.Revisions;

/// <summary>
/// Splits a line into the units a word diff works on: words (letters with their diacritics, digits), runs
/// of whitespace, and single punctuation marks. Vietnamese is written one syllable a word, separated by
/// spaces, so a changed syllable shows as exactly that ("sơ kết" → "tổng kết" changes one word).
/// Concatenating the tokens gives the line back.
/// </summary>
internal static class WordTokens
{
    public static IReadOnlyList<string> Split(string line)
    {
        var tokens = new List<string>();
        var start = 0;
        while (start < line.Length)
        {
            var kind = KindAt(line, start, out var width);
            var end = start + width;
            if (kind != TokenKind.Punctuation)
            {
                while (end < line.Length && KindAt(line, end, out var nextWidth) == kind)
                {
                    end += nextWidth;
                }
            }

            tokens.Add(line[start..end]);
            start = end;
        }

        return tokens;
    }

    public static bool IsWord(string token) => token.Length > 0 && KindAt(token, 0, out _) == TokenKind.Word;

    private enum TokenKind
    {
        Word,
        Space,
        Punctuation,
    }

    private static TokenKind KindAt(string text, int index, out int width)
    {
        width = char.IsSurrogatePair(text, index) ? 2 : 1;
        if (char.IsWhiteSpace(text, index))
        {
            return TokenKind.Space;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return char.IsLetterOrDigit(text, index)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            ? TokenKind.Word
            : TokenKind.Punctuation;
    }
}
