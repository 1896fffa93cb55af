using Editorial.Core.Text;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// What a reader typed, as the words the index holds: folded ("Thào Hồng Sơn" → thao, hong, son), split
/// where the tokenizer splits, without repeats, at most <see cref="MaxTerms"/> words of at most
/// <see cref="MaxTermLength"/> characters. Every word must occur (AND), in any order and column.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxTerms = 12;
    public const int MaxTermLength = 64;
    public const int MaxQueryLength = 500;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchTerms([]);
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var folded = VietnameseText.Fold(VietnameseText.Normalize(text));
        var words = FoldedText.WordsOf(folded)
            .Select(w => folded.Substring(w.Start, Math.Min(w.Length, MaxTermLength)))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        return new SearchTerms(words);
    }

    /// <summary>
    /// The FTS5 MATCH expression: each word a quoted string (so "and", "or", "not", "near" and any
    /// punctuation are just words), separated by spaces (implicit AND). Words are letters and digits only.
    /// </summary>
    public string ToMatchExpression() => string.Join(' ', Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public bool Contains(string foldedWord) => Words.Contains(foldedWord, StringComparer.Ordinal);
}
