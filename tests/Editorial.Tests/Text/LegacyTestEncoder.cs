using System.Text;

namespace Editorial.Tests.Text;

/// <summary>
/// Unicode → TCVN3 / VNI, written independently of the library's decoders so that a round trip tests
/// the tables rather than comparing them with themselves. The rows are the published tables as the
/// legacy bytes look through Windows-1252 (Unikey's vnconv ukengine/data.cpp TCVN3 and VNI-WIN rows,
/// the XFree86 TCVN-5712 table, duydev/vietnamese-conversion's charsets.ts), one row per vowel in the
/// order: no tone, sắc, huyền, hỏi, ngã, nặng; letters are built from combining marks, not typed.
/// </summary>
internal static class LegacyTestEncoder
{
    private static readonly string[] ToneMarks = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    // Vowel (base letter + quality mark), TCVN3 lower-case row, TCVN3 capital without tone,
    // VNI lower-case row, VNI upper-case row.
    private static readonly (string Vowel, string Tcvn3, string Tcvn3Capital, string Vni, string VniUpper)[] Rows =
    [
        ("a", "a ¸ µ ¶ · ¹", "A", "a aù aø aû aõ aï", "A AÙ AØ AÛ AÕ AÏ"),
        ("a\u0306", "¨ ¾ » ¼ ½ Æ", "¡", "aê aé aè aú aü aë", "AÊ AÉ AÈ AÚ AÜ AË"),
        ("a\u0302", "© Ê Ç È É Ë", "¢", "aâ aá aà aå aã aä", "AÂ AÁ AÀ AÅ AÃ AÄ"),
        ("e", "e Ð Ì Î Ï Ñ", "E", "e eù eø eû eõ eï", "E EÙ EØ EÛ EÕ EÏ"),
        ("e\u0302", "ª Õ Ò Ó Ô Ö", "£", "eâ eá eà eå eã eä", "EÂ EÁ EÀ EÅ EÃ EÄ"),
        ("i", "i Ý × Ø Ü Þ", "I", "i í ì æ ó ò", "I Í Ì Æ Ó Ò"),
        ("o", "o ã ß á â ä", "O", "o où oø oû oõ oï", "O OÙ OØ OÛ OÕ OÏ"),
        ("o\u0302", "« è å æ ç é", "¤", "oâ oá oà oå oã oä", "OÂ OÁ OÀ OÅ OÃ OÄ"),
        ("o\u031B", "¬ í ê ë ì î", "¥", "ô ôù ôø ôû ôõ ôï", "Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ"),
        ("u", "u ó ï ñ ò ô", "U", "u uù uø uû uõ uï", "U UÙ UØ UÛ UÕ UÏ"),
        ("u\u031B", "\u00AD ø õ ö ÷ ù", "¦", "ö öù öø öû öõ öï", "Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ"),
        ("y", "y ý ú û ü þ", "Y", "y yù yø yû yõ î", "Y YÙ YØ YÛ YÕ Î"),
    ];

    private static readonly Dictionary<char, string> ToTcvn3 = new();
    private static readonly Dictionary<char, string> ToVni = new();

    static LegacyTestEncoder()
    {
        foreach (var (vowel, tcvn3, tcvn3Capital, vni, vniUpper) in Rows)
        {
            var tcvn3Codes = tcvn3.Split(' ');
            var vniLower = vni.Split(' ');
            var vniCapital = vniUpper.Split(' ');
            for (var tone = 0; tone < ToneMarks.Length; tone++)
            {
                var lower = (vowel + ToneMarks[tone]).Normalize(NormalizationForm.FormC);
                Assert.Equal(1, lower.Length);
                var upper = lower.ToUpperInvariant();

                ToTcvn3[lower[0]] = tcvn3Codes[tone];
                // VN3 has no upper-case toned vowels: the lower-case code in a capital font was used.
                ToTcvn3[upper[0]] = tone == 0 ? tcvn3Capital : tcvn3Codes[tone];
                ToVni[lower[0]] = vniLower[tone];
                ToVni[upper[0]] = vniCapital[tone];
            }
        }

        ToTcvn3['\u0111'] = "®";
        ToTcvn3['\u0110'] = "§";
        ToVni['\u0111'] = "ñ";
        ToVni['\u0110'] = "Ñ";
        NonAsciiLetters = ToVni.Keys.Where(c => c > '\u007F').Order().ToArray();
    }

    /// <summary>The 134 letters of Vietnamese that ASCII lacks (67 lower-case, 67 upper-case).</summary>
    public static IReadOnlyList<char> NonAsciiLetters { get; }

    public static string Tcvn3(string unicode, bool latin1View = false) => Encode(unicode, ToTcvn3, latin1View);

    public static string Vni(string unicode, bool latin1View = false) => Encode(unicode, ToVni, latin1View);

    private static string Encode(string unicode, Dictionary<char, string> table, bool latin1View)
    {
        var latin1 = Encoding.Latin1;
        var builder = new StringBuilder();
        foreach (var c in unicode.Normalize(NormalizationForm.FormC))
        {
            if (table.TryGetValue(c, out var encoded))
            {
                builder.Append(encoded);
            }
            else if (c < '\u0080' || c == '\u00A0')
            {
                builder.Append(c);
            }
            else if (latin1View && Cp1252Byte(c) is { } b)
            {
                // Same bytes decoded as ISO-8859-1: the punctuation turns into C1 controls.
                builder.Append(latin1.GetString([b]));
            }
            else if (Cp1252Byte(c) is not null)
            {
                builder.Append(c);
            }
            else
            {
                throw new ArgumentException($"No legacy byte for U+{(int)c:X4} '{c}'.", nameof(unicode));
            }
        }

        return builder.ToString();
    }

    private static byte? Cp1252Byte(char c) => c switch
    {
        '\u2013' => 0x96,
        '\u2014' => 0x97,
        '\u2026' => 0x85,
        '\u201C' => 0x93,
        '\u201D' => 0x94,
        '\u2018' => 0x91,
        '\u2019' => 0x92,
        _ => null,
    };
}
