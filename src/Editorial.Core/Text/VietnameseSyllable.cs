using System.Text;

namespace Editorial.Core.Text;

/// <summary>
/// Whether a word is a well-formed Vietnamese syllable: initial consonant + rhyme, at most one tone
/// mark, and the tone rule that syllables ending in -c, -ch, -p, -t take only sắc or nặng.
/// Legacy-encoding detection leans on it: converting real TCVN3/VNI text yields syllables, while
/// converting English, French or German words (or already-Unicode text) yields garbage.
/// The rules are deliberately generous (proper names such as "Kạn" or "Krông" break spelling rules
/// too, and loan words exist), so a false "valid" is possible; a false "invalid" should be rare.
/// </summary>
public static class VietnameseSyllable
{
    private enum Tone
    {
        None,
        Acute,
        Grave,
        Hook,
        Tilde,
        Dot,
    }

    private const int MaxLength = 8; // "nghiêng", "khuyếch" are 7 letters.

    // Longest first is not needed: every initial is tried, since "gi" and "g" + "i…" both occur.
    private static readonly string[] Initials =
    [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ];

    // Rhymes without tone, grouped by nucleus; the glides -i/-y/-o/-u are spelled as part of the rhyme.
    private static readonly HashSet<string> Rhymes = new(
        """
        a ac ach ai am an ang anh ao ap at au ay
        ăc ăm ăn ăng ăp ăt
        âc âm ân âng âp ât âu ây
        e ec em en eng eo ep et
        ê êch êm ên ênh êp êt êu
        i ia ich im in inh ip it iu
        iêc iêm iên iêng iêp iêt iêu
        o oc oi om on ong op ot ooc oong
        oa oac oach oai oam oan oang oanh oao oap oat oay
        oăc oăm oăn oăng oăt
        oe oem oen oeo oet
        ô ôc ôi ôm ôn ông ôp ôt
        ơ ơi ơm ơn ơp ơt
        u ua uc ui um un ung up ut
        uân uâng uât uây
        uê uêch uênh
        uy uya uych uyn uynh uyp uyt uyu
        uyên uyêt
        uôc uôi uôm uôn uông uôt
        uơ
        ư ưa ưc ưi ưm ưn ưng ưt ưu
        ươc ươi ươm ươn ương ươp ươt ươu
        y yêm yên yêng yêt yêu
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RhymeLookup =
        Rhymes.GetAlternateLookup<ReadOnlySpan<char>>();

    // Every letter with a tone or a vowel-quality mark → (lower-case letter without tone, tone).
    private static readonly Dictionary<char, (char Letter, Tone Tone)> Letters = CreateLetters();

    /// <summary>True when <paramref name="word"/> (any case, NFC or NFD) is one Vietnamese syllable.</summary>
    public static bool IsValid(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!word.IsNormalized(NormalizationForm.FormC))
        {
            word = word.Normalize(NormalizationForm.FormC);
        }

        return IsValid(word.AsSpan());
    }

    internal static bool IsValid(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        Span<char> bare = stackalloc char[MaxLength];
        var tone = Tone.None;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                bare[i] = (char)(c | 0x20);
            }
            else if (Letters.TryGetValue(c, out var letter))
            {
                bare[i] = letter.Letter;
                if (letter.Tone != Tone.None)
                {
                    if (tone != Tone.None)
                    {
                        return false;
                    }

                    tone = letter.Tone;
                }
            }
            else
            {
                return false;
            }
        }

        var syllable = bare[..word.Length];
        foreach (var initial in Initials)
        {
            if (!syllable.StartsWith(initial, StringComparison.Ordinal))
            {
                continue;
            }

            var rhyme = syllable[initial.Length..];
            if (RhymeLookup.Contains(rhyme) && ToneFits(rhyme, tone))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ToneFits(ReadOnlySpan<char> rhyme, Tone tone)
    {
        // Checked (stop-final) syllables carry only the rising or the heavy tone.
        var last = rhyme[^1];
        var stopFinal = last is 'c' or 'p' or 't' || rhyme.EndsWith("ch", StringComparison.Ordinal);
        return !stopFinal || tone is Tone.Acute or Tone.Dot;
    }

    private static Dictionary<char, (char, Tone)> CreateLetters()
    {
        var marks = new (char Mark, Tone Tone)[]
        {
            ('\u0301', Tone.Acute), ('\u0300', Tone.Grave), ('\u0309', Tone.Hook), ('\u0303', Tone.Tilde), ('\u0323', Tone.Dot),
        };

        var letters = new Dictionary<char, (char, Tone)>();
        foreach (var vowel in "aăâeêioôơuưy")
        {
            Add(vowel, vowel, Tone.None);
            foreach (var (mark, tone) in marks)
            {
                var composed = string.Concat(vowel.ToString(), mark.ToString()).Normalize(NormalizationForm.FormC);
                Add(composed[0], vowel, tone);
            }
        }

        Add('đ', 'đ', Tone.None);
        return letters;

        void Add(char letter, char bare, Tone tone)
        {
            letters[letter] = (bare, tone);
            letters[char.ToUpperInvariant(letter)] = (bare, tone);
        }
    }
}
