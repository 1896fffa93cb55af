using System.Globalization;

namespace Editorial.Core.Text;

/// <summary>
/// Word boundaries in text that may be legacy 8-bit Vietnamese seen through Windows-1252. TCVN3 puts
/// letters on code points that look like symbols ("¸" is á, "§" is Đ, U+00AD is ư), so a word is a run
/// of letters, combining marks and those TCVN3 letter codes. VNI letters are all Latin-1 letters already.
/// </summary>
internal static class LegacyWords
{
    public static bool IsWordChar(char c)
    {
        if (c < '\u0080')
        {
            return char.IsAsciiLetter(c);
        }

        if (Tcvn3Decoder.IsLetterCode(c) || char.IsLetter(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>
    /// False when the word holds a character no single byte produces (ộ, ơ, a combining mark…):
    /// such a word is Unicode already and converting it would only damage it.
    /// </summary>
    public static bool IsRepresentable(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!Windows1252.TryGetByte(c, out _))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    /// <summary>Start and length of each word, in order.</summary>
    public static IEnumerable<(int Start, int Length)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            yield return (start, i - start);
        }
    }
}
