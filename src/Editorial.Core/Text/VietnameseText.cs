using System.Buffers;
using System.Globalization;
using System.Text;

namespace Editorial.Core.Text;

/// <summary>
/// The three things every piece of Vietnamese text goes through: storage form (<see cref="Normalize"/>),
/// search key (<see cref="Fold(string)"/>) and URL slug (<see cref="Slugify"/>).
/// </summary>
public static class VietnameseText
{
    // Per-character fold results, filled lazily: a story contains a few dozen distinct characters and
    // each is decomposed once per process instead of once per occurrence (Fold runs over 100,000 stories).
    // Sentinels live in the noncharacter block U+FDD0..U+FDEF, which no character folds to except itself.
    private const char Unknown = '\uFDD0';
    private const char Drop = '\uFDD1';
    private const char Space = '\uFDD2';
    private const char Complex = '\uFDD3';
    private static readonly char[] FoldTable = CreateFoldTable();

    private const int StackBufferSize = 256;

    /// <summary>
    /// Unicode NFC, the storage form (TCVN 6909:2001 is Unicode; text pasted from macOS or some Word
    /// exports arrives decomposed). Deliberately nothing else: no trimming, no line-ending or
    /// no-break-space changes, so that what a person typed is kept exactly. Returns the same instance
    /// when the text is already NFC.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Search key: NFD, drop combining marks (Mn) and invisible format characters (Cf: soft hyphens and
    /// zero-width spaces pasted from Word would otherwise split words), map đ/Đ to d (NFD does not
    /// decompose them), lower-case invariant, collapse whitespace runs to one space, trim.
    /// <c>Fold("đồng chí Thào Hồng Sơn") == "dong chi thao hong son"</c>.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(text.AsSpan());
    }

    /// <inheritdoc cref="Fold(string)"/>
    public static string Fold(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        var buffer = new CharBuffer(text.Length <= StackBufferSize ? stackalloc char[StackBufferSize] : default, text.Length);
        try
        {
            FoldInto(text, ref buffer);
            return buffer.AsSpan().ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// URL slug: <see cref="Fold(string)"/>, keep [a-z0-9], turn every other run into one '-', trim '-',
    /// and cut to at most <paramref name="maxLength"/> characters at a word boundary (a single word longer
    /// than that is cut hard). Returns "" when nothing is left; the caller chooses a fallback (e.g. the id).
    /// "Ban pháp chế - HĐND tỉnh" → "ban-phap-che-hdnd-tinh".
    /// </summary>
    public static string Slugify(string text, int maxLength = 100)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        var folded = Fold(text);
        var buffer = new CharBuffer(folded.Length <= StackBufferSize ? stackalloc char[StackBufferSize] : default, folded.Length);
        try
        {
            var pendingSeparator = false;
            foreach (var c in folded)
            {
                if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                {
                    if (pendingSeparator && buffer.Length > 0)
                    {
                        buffer.Append('-');
                    }

                    pendingSeparator = false;
                    buffer.Append(c);
                }
                else
                {
                    pendingSeparator = true;
                }
            }

            var slug = buffer.AsSpan();
            if (slug.Length > maxLength)
            {
                // Cut where a whole word ends: at the last '-' that leaves at most maxLength characters.
                var lastSeparator = slug[..(maxLength + 1)].LastIndexOf('-');
                slug = lastSeparator > 0 ? slug[..lastSeparator] : slug[..maxLength];
            }

            return slug.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static void FoldInto(ReadOnlySpan<char> text, ref CharBuffer output)
    {
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? complex = null;
            char folded;
            if (char.IsSurrogate(c))
            {
                // Outside the BMP: fold the pair (or a lone half, kept as is) the slow way; rare in news text.
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                complex = FoldSlow(text.Slice(i, length));
                i += length - 1;
                folded = complex.Length == 0 ? Drop : Complex;
            }
            else
            {
                folded = FoldTable[c];
                if (folded == Unknown)
                {
                    folded = ComputeFold(c);
                    FoldTable[c] = folded; // Benign race: every thread computes the same value.
                }
            }

            switch (folded)
            {
                case Drop:
                    continue;
                case Space:
                    pendingSpace = output.Length > 0;
                    continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            if (folded == Complex)
            {
                output.Append(complex ?? FoldSlow(text.Slice(i, 1)));
            }
            else
            {
                output.Append(folded);
            }
        }
    }

    private static char[] CreateFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        Array.Fill(table, Unknown);
        return table;
    }

    private static char ComputeFold(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return Space;
        }

        if (c is >= '\uFDD0' and <= '\uFDEF')
        {
            return Complex; // A noncharacter would collide with the sentinels; the slow path keeps it.
        }

        var folded = FoldSlow([c]);
        return folded.Length switch
        {
            0 => Drop,
            1 => folded[0],
            _ => Complex,
        };
    }

    private static string FoldSlow(ReadOnlySpan<char> text)
    {
        string decomposed;
        try
        {
            decomposed = text.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = text.ToString(); // Lone surrogate: not normalisable, keep it.
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(d is 'đ' or 'Đ' ? 'd' : d);
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>A growable character buffer that starts on the stack and falls back to the array pool.</summary>
    private ref struct CharBuffer
    {
        private Span<char> chars;
        private char[]? rented;

        public CharBuffer(Span<char> initial, int capacityHint)
        {
            if (initial.Length >= capacityHint && !initial.IsEmpty)
            {
                chars = initial;
                rented = null;
            }
            else
            {
                rented = ArrayPool<char>.Shared.Rent(Math.Max(capacityHint, 16));
                chars = rented;
            }

            Length = 0;
        }

        public int Length { get; private set; }

        public readonly ReadOnlySpan<char> AsSpan() => chars[..Length];

        public void Append(char c)
        {
            if (Length == chars.Length)
            {
                Grow(1);
            }

            chars[Length++] = c;
        }

        public void Append(string text)
        {
            if (Length + text.Length > chars.Length)
            {
                Grow(text.Length);
            }

            text.CopyTo(chars[Length..]);
            Length += text.Length;
        }

        public void Dispose()
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
                rented = null;
            }
        }

        private void Grow(int needed)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(chars.Length * 2, Length + needed));
            chars[..Length].CopyTo(larger);
            Dispose();
            rented = larger;
            chars = larger;
        }
    }
}
