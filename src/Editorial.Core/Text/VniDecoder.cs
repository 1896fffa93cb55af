using System.Text;

namespace Editorial.Core.Text;

/// <summary>
/// VNI-Windows (fonts VNI-Times…): a base letter followed by a diacritic byte ("o" + "ä" is ộ, so
/// "Hoäi" is Hội), plus single bytes for đ, ơ, ư, the toned i's and ỵ. Upper-case letters take the
/// upper-case diacritic byte ("HOÄI"); a base with the other case's diacritic is accepted too, keeping
/// the base's case. Table checked against Unikey's vnconv (ukengine/data.cpp, VNI-WIN row) and the
/// vietnamese-conversion package's VNI table (duydev/vietnamese-conversion, src/charsets.ts).
/// </summary>
internal static class VniDecoder
{
    private const char Circumflex = '\u0302';
    private const char Breve = '\u0306';
    private const char NoMark = '\0';

    // Diacritic bytes: (lower-case byte, upper-case byte, vowel quality, tone).
    private static readonly (byte Lower, byte Upper, char Quality, char Tone)[] Diacritics =
    [
        (0xF9, 0xD9, NoMark, '\u0301'), // sắc
        (0xF8, 0xD8, NoMark, '\u0300'), // huyền
        (0xFB, 0xDB, NoMark, '\u0309'), // hỏi
        (0xF5, 0xD5, NoMark, '\u0303'), // ngã
        (0xEF, 0xCF, NoMark, '\u0323'), // nặng
        (0xE2, 0xC2, Circumflex, NoMark),
        (0xE1, 0xC1, Circumflex, '\u0301'),
        (0xE0, 0xC0, Circumflex, '\u0300'),
        (0xE5, 0xC5, Circumflex, '\u0309'),
        (0xE3, 0xC3, Circumflex, '\u0303'),
        (0xE4, 0xC4, Circumflex, '\u0323'),
        (0xEA, 0xCA, Breve, NoMark),
        (0xE9, 0xC9, Breve, '\u0301'),
        (0xE8, 0xC8, Breve, '\u0300'),
        (0xFA, 0xDA, Breve, '\u0309'),
        (0xFC, 0xDC, Breve, '\u0303'),
        (0xEB, 0xCB, Breve, '\u0323'),
    ];

    // Bytes that carry a diacritic byte after them: the plain vowels, and ơ/ư (themselves single bytes).
    private static readonly (byte Code, char Letter)[] Bases =
    [
        ((byte)'a', 'a'), ((byte)'e', 'e'), ((byte)'o', 'o'), ((byte)'u', 'u'), ((byte)'y', 'y'),
        ((byte)'A', 'A'), ((byte)'E', 'E'), ((byte)'O', 'O'), ((byte)'U', 'U'), ((byte)'Y', 'Y'),
        (0xF4, 'ơ'), (0xF6, 'ư'), (0xD4, 'Ơ'), (0xD6, 'Ư'),
    ];

    private static readonly (byte Code, char Letter)[] SingleByteLetters =
    [
        (0xF1, 'đ'), (0xD1, 'Đ'), (0xF4, 'ơ'), (0xD4, 'Ơ'), (0xF6, 'ư'), (0xD6, 'Ư'),
        (0xED, 'í'), (0xCD, 'Í'), (0xEC, 'ì'), (0xCC, 'Ì'), (0xE6, 'ỉ'), (0xC6, 'Ỉ'),
        (0xF3, 'ĩ'), (0xD3, 'Ĩ'), (0xF2, 'ị'), (0xD2, 'Ị'), (0xEE, 'ỵ'), (0xCE, 'Ỵ'),
    ];

    private static readonly Dictionary<int, char> Pairs = CreatePairs();
    private static readonly char[] Singles = CreateSingles();

    /// <summary>One word or a whole text; words that are already Unicode are kept.</summary>
    public static string Decode(string text)
    {
        var output = new StringBuilder(text.Length);
        var next = 0;
        foreach (var (start, length) in LegacyWords.Split(text))
        {
            DecodeGap(text, next, start, output);
            next = start + length;
            var word = text.AsSpan(start, length);
            if (LegacyWords.IsRepresentable(word))
            {
                DecodeWord(word, output);
            }
            else
            {
                output.Append(word);
            }
        }

        DecodeGap(text, next, text.Length, output);
        return output.ToString();
    }

    public static string DecodeWord(ReadOnlySpan<char> word)
    {
        var output = new StringBuilder(word.Length);
        DecodeWord(word, output);
        return output.ToString();
    }

    private static void DecodeWord(ReadOnlySpan<char> word, StringBuilder output)
    {
        for (var i = 0; i < word.Length; i++)
        {
            Windows1252.TryGetByte(word[i], out var code);
            if (i + 1 < word.Length
                && Windows1252.TryGetByte(word[i + 1], out var mark)
                && Pairs.TryGetValue((code << 8) | mark, out var letter))
            {
                output.Append(letter);
                i++;
            }
            else if (Singles[code] != '\0')
            {
                output.Append(Singles[code]);
            }
            else
            {
                output.Append(code >= 0x80 ? Windows1252.ToChar(code, word[i]) : word[i]);
            }
        }
    }

    private static void DecodeGap(string text, int from, int to, StringBuilder output)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            output.Append(c >= '\u0080' && Windows1252.TryGetByte(c, out var code) ? Windows1252.ToChar(code, c) : c);
        }
    }

    private static Dictionary<int, char> CreatePairs()
    {
        var pairs = new Dictionary<int, char>();
        foreach (var (code, baseLetter) in Bases)
        {
            var lower = char.ToLowerInvariant(baseLetter);
            foreach (var (lowerMark, upperMark, quality, tone) in Diacritics)
            {
                // y + nặng is accepted as well, although VNI's own code for ỵ is the single byte î.
                var fits = quality switch
                {
                    Circumflex => lower is 'a' or 'e' or 'o',
                    Breve => lower is 'a',
                    _ => lower is 'a' or 'e' or 'o' or 'u' or 'y' or 'ơ' or 'ư',
                };
                if (!fits)
                {
                    continue;
                }

                var composed = new StringBuilder().Append(baseLetter);
                if (quality != NoMark)
                {
                    composed.Append(quality);
                }

                if (tone != NoMark)
                {
                    composed.Append(tone);
                }

                var letter = composed.ToString().Normalize(NormalizationForm.FormC);
                pairs[(code << 8) | lowerMark] = letter[0];
                pairs[(code << 8) | upperMark] = letter[0];
            }
        }

        return pairs;
    }

    private static char[] CreateSingles()
    {
        var singles = new char[256];
        foreach (var (code, letter) in SingleByteLetters)
        {
            singles[code] = letter;
        }

        return singles;
    }
}
