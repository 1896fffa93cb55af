namespace Editorial.Core.Text;

/// <summary>
/// Text typed years ago in TCVN3 (ABC) or VNI fonts and pasted into a Unicode editor arrives as
/// Latin-1-looking garbage ("Héi nghÞ", "Hoäi nghò" for "Hội nghị"). <see cref="Detect"/> recognises it
/// so the editor can offer a conversion; <see cref="ToUnicode"/> performs it.
/// </summary>
public static class LegacyEncoding
{
    // At least this many words must turn into Vietnamese syllables: two is enough for "Héi nghÞ",
    // and the other rules below keep a couple of accidental hits in foreign text from counting.
    private const int MinimumEvidence = 2;

    // Share of the 8-bit words that must convert into syllables; the rest may be names, loan words or
    // acronyms ("H§ND" is HĐND, not a syllable).
    private const double MinimumShareConverted = 0.6;

    // Bounds the cost on a huge paste; a few thousand words decide as well as a whole book.
    private const int MaximumWordsExamined = 4000;

    /// <summary>
    /// Which legacy encoding <paramref name="text"/> is in, or <see cref="LegacyEncodingKind.None"/>.
    /// Only words made of characters a single Windows-1252/Latin-1 byte can produce are candidates; a word
    /// counts for an encoding when converting changes it into a valid Vietnamese syllable. The verdict
    /// needs enough such words, most of the candidates converting, the text not already reading as
    /// Vietnamese (Unicode "Sáng", "tôi" use Latin-1 letters too) and not being mostly Unicode Vietnamese
    /// (a mixed paste is better checked paragraph by paragraph).
    /// </summary>
    public static LegacyEncodingKind Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int candidates = 0, readAsUnicode = 0, unicodeVietnamese = 0, asTcvn3 = 0, asVni = 0, examined = 0;
        foreach (var (start, length) in LegacyWords.Split(text))
        {
            if (++examined > MaximumWordsExamined)
            {
                break;
            }

            var word = text.AsSpan(start, length);
            if (!LegacyWords.IsRepresentable(word))
            {
                if (VietnameseSyllable.IsValid(word.ToString()))
                {
                    unicodeVietnamese++;
                }

                continue;
            }

            if (!word.ContainsAnyExceptInRange('\0', '\u007F'))
            {
                continue; // Plain ASCII reads the same in every encoding.
            }

            candidates++;
            if (VietnameseSyllable.IsValid(word))
            {
                readAsUnicode++;
            }

            if (ConvertsToSyllable(word, Tcvn3Decoder.DecodeWord(word)))
            {
                asTcvn3++;
            }

            if (ConvertsToSyllable(word, VniDecoder.DecodeWord(word)))
            {
                asVni++;
            }
        }

        var (kind, evidence) = asTcvn3 > asVni ? (LegacyEncodingKind.Tcvn3, asTcvn3)
            : asVni > asTcvn3 ? (LegacyEncodingKind.Vni, asVni)
            : (LegacyEncodingKind.None, 0);

        var convincing = evidence >= MinimumEvidence
            && evidence >= MinimumShareConverted * candidates
            && evidence >= 2 * readAsUnicode
            && evidence > unicodeVietnamese;
        return convincing ? kind : LegacyEncodingKind.None;
    }

    /// <summary>
    /// Converts <paramref name="text"/> from <paramref name="kind"/> to Unicode NFC. Characters may come in
    /// the Windows-1252 view (“ ” … as pasted from Word) or the Latin-1 view (C1 controls U+0080..U+009F,
    /// which become the Windows-1252 punctuation they stood for). Words holding characters no single byte
    /// produces are Unicode already and are kept. <see cref="LegacyEncodingKind.None"/> only normalises.
    /// TCVN3 has no codes for upper-case toned vowels (Ủ was the code of ủ in a capital font, lost on paste):
    /// they are restored in all-capital words ("HéI" → HỘI), in capital headlines and at sentence starts,
    /// and come out lower-case elsewhere: "Tµi, ñy viªn" gives "Tài, ủy viên" even where "Ủy viên" was meant.
    /// </summary>
    public static string ToUnicode(string text, LegacyEncodingKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var converted = kind switch
        {
            LegacyEncodingKind.None => text,
            LegacyEncodingKind.Tcvn3 => Tcvn3Decoder.Decode(text),
            LegacyEncodingKind.Vni => VniDecoder.Decode(text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown legacy encoding."),
        };

        return VietnameseText.Normalize(converted);
    }

    private static bool ConvertsToSyllable(ReadOnlySpan<char> word, string converted) =>
        !word.SequenceEqual(converted) && VietnameseSyllable.IsValid(converted.AsSpan());
}
