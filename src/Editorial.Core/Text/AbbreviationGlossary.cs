using System.Buffers;
using System.Globalization;
using System.Text;

namespace Editorial.Core.Text;

/// <summary>
/// The house rule that an abbreviation is spelled out at its first use ("Hội đồng nhân dân (HĐND)").
/// <see cref="FindUnexplained"/> lists the abbreviations a story uses without ever having explained them
/// by then, so the editor can fix the first use.
/// </summary>
public sealed class AbbreviationGlossary
{
    private readonly Entry[] entries;

    /// <summary>The abbreviations of provincial government news.</summary>
    public static AbbreviationGlossary Default { get; } = new(
    [
        ("XDCSCTVM", "xây dựng cơ sở chính trị vững mạnh"),
        ("BCĐ", "Ban Chỉ đạo"),
        ("HĐND", "Hội đồng nhân dân"),
        ("UBND", "Ủy ban nhân dân"),
        ("CCHC", "cải cách hành chính"),
        ("TTHC", "thủ tục hành chính"),
        ("NTM", "nông thôn mới"),
        ("BTV", "Ban Thường vụ"),
    ]);

    /// <param name="entries">Abbreviations (matched case-sensitively, as whole words) and what they stand for.</param>
    public AbbreviationGlossary(IEnumerable<(string Abbreviation, string Expansion)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (abbreviation, expansion) in entries)
        {
            if (string.IsNullOrWhiteSpace(abbreviation) || abbreviation.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"Abbreviation \"{abbreviation}\" must be one non-empty word.", nameof(entries));
            }

            ArgumentNullException.ThrowIfNull(expansion, nameof(entries));
            var folded = VietnameseText.Fold(expansion);
            if (folded.Length == 0)
            {
                throw new ArgumentException($"Abbreviation \"{abbreviation}\" needs an expansion.", nameof(entries));
            }

            var normalized = VietnameseText.Normalize(abbreviation);
            if (!seen.Add(normalized))
            {
                throw new ArgumentException($"Abbreviation \"{abbreviation}\" is listed twice.", nameof(entries));
            }

            list.Add(new Entry(normalized, VietnameseText.Normalize(expansion), folded));
        }

        this.entries = [.. list];
        Entries = Array.AsReadOnly(this.entries.Select(e => (e.Abbreviation, e.Expansion)).ToArray());
    }

    /// <summary>The glossary's abbreviations and expansions (NFC), in the order given.</summary>
    public IReadOnlyList<(string Abbreviation, string Expansion)> Entries { get; }

    /// <summary>
    /// Abbreviations whose first use (whole word, case-sensitive) is not spelled out, once each, in order of
    /// that first use. Spelled out means the expansion occurs — ignoring case and diacritics — anywhere
    /// before the first use (which covers "xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)"), or right after
    /// it in brackets: "HĐND (Hội đồng nhân dân)".
    /// </summary>
    public IReadOnlyList<AbbreviationFinding> FindUnexplained(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var text = VietnameseText.Normalize(plainText);
        var findings = new List<AbbreviationFinding>();
        foreach (var entry in entries)
        {
            var index = IndexOfWholeWord(text, entry.Abbreviation);
            if (index < 0
                || IsSpelledOutBefore(text, index, entry)
                || IsSpelledOutInBracketsAfter(text, index + entry.Abbreviation.Length, entry))
            {
                continue;
            }

            findings.Add(new AbbreviationFinding(entry.Abbreviation, entry.Expansion, index));
        }

        findings.Sort((a, b) => a.Index.CompareTo(b.Index));
        return findings;
    }

    private static int IndexOfWholeWord(string text, string word)
    {
        var from = 0;
        while (from <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var end = index + word.Length;
            var startsWord = index == 0 || !IsWordRune(RuneBefore(text, index));
            var endsWord = end == text.Length || !IsWordRune(RuneAt(text, end));
            if (startsWord && endsWord)
            {
                return index;
            }

            from = index + 1;
        }

        return -1;
    }

    // A broken surrogate reads as U+FFFD, which is not a word character.
    private static Rune RuneBefore(string text, int index) =>
        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _) == OperationStatus.Done ? rune : Rune.ReplacementChar;

    private static Rune RuneAt(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == OperationStatus.Done ? rune : Rune.ReplacementChar;

    // Unicode-aware: "HĐND" inside "HĐNDx" or "xHĐND" (or before a combining mark) is not a use of it.
    private static bool IsWordRune(Rune rune)
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark
            or UnicodeCategory.ConnectorPunctuation;
    }

    private static bool IsSpelledOutBefore(string text, int index, Entry entry)
    {
        var before = VietnameseText.Fold(text.AsSpan(0, index));
        var from = 0;
        while (from <= before.Length - entry.FoldedExpansion.Length)
        {
            var found = before.IndexOf(entry.FoldedExpansion, from, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var end = found + entry.FoldedExpansion.Length;
            var whole = (found == 0 || !char.IsLetterOrDigit(before[found - 1]))
                && (end == before.Length || !char.IsLetterOrDigit(before[end]));
            if (whole)
            {
                return true;
            }

            from = found + 1;
        }

        return false;
    }

    private static bool IsSpelledOutInBracketsAfter(string text, int end, Entry entry)
    {
        var rest = text.AsSpan(end).TrimStart();
        if (rest.IsEmpty || rest[0] != '(')
        {
            return false;
        }

        var close = rest.IndexOf(')');
        return close > 0 && VietnameseText.Fold(rest[1..close]) == entry.FoldedExpansion;
    }

    private sealed record Entry(string Abbreviation, string Expansion, string FoldedExpansion);
}
