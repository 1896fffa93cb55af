namespace Editorial.Core.Text;

/// <summary>
/// TCVN3 ("ABC", fonts .VnTime/.VnArial…): the VN3 table of TCVN 5712:1993, one byte per letter.
/// VN3 has code points for the upper-case base letters Ă Â Ê Ô Ơ Ư Đ but none for upper-case toned
/// vowels: those were typed as the lower-case code in a capital font (.VnTimeH), and the font is lost
/// when the text is pasted. <see cref="Decode"/> therefore restores the capital where the context
/// shows it (all-capital words and headlines, sentence starts) and otherwise leaves it lower-case.
/// Table checked against Unikey's vnconv (ukengine/data.cpp, TCVN3 row) and XFree86's TCVN-5712 table
/// (X-TrueType TCVNtoUCS2.c), whose 0xA1..0xFE lower-case positions VN3 keeps.
/// </summary>
internal static class Tcvn3Decoder
{
    // Tone order in each row: sắc, huyền, hỏi, ngã, nặng.
    private static readonly (string Letters, byte[] Codes)[] TonedRows =
    [
        ("áàảãạ", [0xB8, 0xB5, 0xB6, 0xB7, 0xB9]),
        ("ắằẳẵặ", [0xBE, 0xBB, 0xBC, 0xBD, 0xC6]),
        ("ấầẩẫậ", [0xCA, 0xC7, 0xC8, 0xC9, 0xCB]),
        ("éèẻẽẹ", [0xD0, 0xCC, 0xCE, 0xCF, 0xD1]),
        ("ếềểễệ", [0xD5, 0xD2, 0xD3, 0xD4, 0xD6]),
        ("íìỉĩị", [0xDD, 0xD7, 0xD8, 0xDC, 0xDE]),
        ("óòỏõọ", [0xE3, 0xDF, 0xE1, 0xE2, 0xE4]),
        ("ốồổỗộ", [0xE8, 0xE5, 0xE6, 0xE7, 0xE9]),
        ("ớờởỡợ", [0xED, 0xEA, 0xEB, 0xEC, 0xEE]),
        ("úùủũụ", [0xF3, 0xEF, 0xF1, 0xF2, 0xF4]),
        ("ứừửữự", [0xF8, 0xF5, 0xF6, 0xF7, 0xF9]),
        ("ýỳỷỹỵ", [0xFD, 0xFA, 0xFB, 0xFC, 0xFE]),
    ];

    private static readonly (string Letters, byte[] Codes)[] BaseRows =
    [
        ("ĂÂÊÔƠƯĐ", [0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7]),
        ("ăâêôơưđ", [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE]),
    ];

    // Characters that may stand between a sentence's end and its first word.
    private const string OpeningPunctuation = "([{\"'“‘«-–—•*";

    private static readonly char[] Letters = new char[256];
    private static readonly bool[] ToneCodes = new bool[256];

    static Tcvn3Decoder()
    {
        foreach (var (letters, codes) in TonedRows)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                Letters[codes[i]] = letters[i];
                ToneCodes[codes[i]] = true;
            }
        }

        foreach (var (letters, codes) in BaseRows)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                Letters[codes[i]] = letters[i];
            }
        }
    }

    /// <summary>True for the Latin-1 characters that are letters in TCVN3.</summary>
    public static bool IsLetterCode(char c) => c is >= '\u0080' and <= '\u00FF' && Letters[c] != '\0';

    /// <summary>One word, letter for letter, without any case restoration (for detection).</summary>
    public static string DecodeWord(ReadOnlySpan<char> word)
    {
        Span<char> output = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            output[i] = DecodeChar(word[i], out _);
        }

        return output.ToString();
    }

    /// <summary>Whole text: words that are already Unicode are kept, capitals restored from context.</summary>
    public static string Decode(string text)
    {
        var output = text.ToCharArray(); // TCVN3 is one byte per letter: positions do not move.
        var ambiguous = new bool[text.Length];
        var words = new List<Word>();
        var line = 0;
        var next = 0;
        foreach (var (start, length) in LegacyWords.Split(text))
        {
            line += DecodeGap(text, output, next, start);
            next = start + length;
            var word = text.AsSpan(start, length);
            int lower = 0, upper = 0, toned = 0;
            var representable = LegacyWords.IsRepresentable(word);
            for (var k = start; k < next; k++)
            {
                if (representable)
                {
                    output[k] = DecodeChar(text[k], out var isToned);
                    if (isToned)
                    {
                        ambiguous[k] = true;
                        toned++;
                        continue;
                    }
                }

                if (char.IsUpper(output[k]))
                {
                    upper++;
                }
                else if (char.IsLower(output[k]))
                {
                    lower++;
                }
            }

            words.Add(new Word(start, length, line, lower, upper, toned));
        }

        DecodeGap(text, output, next, text.Length);
        RestoreCapitals(output, ambiguous, words);
        return new string(output);
    }

    private static char DecodeChar(char c, out bool isToned)
    {
        isToned = false;
        if (c < '\u0080' || !Windows1252.TryGetByte(c, out var code))
        {
            return c;
        }

        var letter = Letters[code];
        if (letter == '\0')
        {
            return Windows1252.ToChar(code, c);
        }

        isToned = ToneCodes[code];
        return letter;
    }

    /// <summary>Maps the punctuation between words (C1 controls become Windows-1252 quotes); counts line breaks.</summary>
    private static int DecodeGap(string text, char[] output, int from, int to)
    {
        var lines = 0;
        for (var i = from; i < to; i++)
        {
            output[i] = DecodeChar(text[i], out _);
            if (LegacyWords.IsLineBreak(text[i]) && !(text[i] == '\n' && i > 0 && text[i - 1] == '\r'))
            {
                lines++;
            }
        }

        return lines;
    }

    private static void RestoreCapitals(char[] output, bool[] ambiguous, List<Word> words)
    {
        // A word with two or more capitals and no small letter was typed in a capital font: "HéI" is HỘI.
        foreach (var word in words)
        {
            if (word.IsStrong)
            {
                Capitalise(output, ambiguous, word);
            }
        }

        // Headlines: a run of words without small letters on one line, with at least one real
        // capitalised syllable in it ("S¥ KÕT Së Y TÕ"), is all capitals, including its one-capital
        // ("Së") or capital-less ("ë") words. Where the run touches lower-case text, its one-capital
        // edge words are more likely a name or an ordinary word: "«ng Hå VIÖT NAM" keeps "Hồ".
        var i = 0;
        while (i < words.Count)
        {
            if (words[i].IsLower)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < words.Count && !words[i].IsLower && words[i].Line == words[start].Line)
            {
                i++;
            }

            var end = i - 1;
            var touchesTextBefore = start > 0 && words[start - 1].Line == words[start].Line;
            var touchesTextAfter = i < words.Count && words[i].Line == words[end].Line;
            if (touchesTextBefore)
            {
                while (start <= end && !words[start].IsStrong)
                {
                    start++;
                }
            }

            if (touchesTextAfter)
            {
                while (end >= start && !words[end].IsStrong)
                {
                    end--;
                }
            }

            var isHeadline = false;
            for (var k = start; k <= end && !isHeadline; k++)
            {
                isHeadline = words[k].IsStrong && VietnameseSyllable.IsValid(output.AsSpan(words[k].Start, words[k].Length));
            }

            for (var k = start; k <= end && isHeadline; k++)
            {
                Capitalise(output, ambiguous, words[k]);
            }
        }

        // Vietnamese sentences start with a capital: "¸p dông" opening a paragraph is "Áp dụng".
        foreach (var word in words)
        {
            if (ambiguous[word.Start] && char.IsLower(output[word.Start]) && StartsSentence(output, word.Start))
            {
                output[word.Start] = char.ToUpperInvariant(output[word.Start]);
            }
        }
    }

    private static void Capitalise(char[] output, bool[] ambiguous, Word word)
    {
        for (var k = word.Start; k < word.Start + word.Length; k++)
        {
            if (ambiguous[k])
            {
                output[k] = char.ToUpperInvariant(output[k]);
            }
        }
    }

    private static bool StartsSentence(char[] output, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            var c = output[k];
            if (LegacyWords.IsLineBreak(c))
            {
                return true;
            }

            if (char.IsWhiteSpace(c) || OpeningPunctuation.Contains(c))
            {
                continue;
            }

            return c is '.' or '!' or '?' or '…';
        }

        return true;
    }

    /// <summary>A word of the decoded text; Toned letters are the ones whose case VN3 could not record.</summary>
    private readonly record struct Word(int Start, int Length, int Line, int Lower, int Upper, int Toned)
    {
        public bool IsLower => Lower > 0;

        public bool IsStrong => Lower == 0 && Upper >= 2;
    }
}
