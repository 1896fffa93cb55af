using Editorial.Core.Text;

namespace Editorial.Core.Royalties;

/// <summary>Who a share of a story's royalty goes to.</summary>
public enum ShareRole
{
    Author,
    Photographer,
}

/// <summary>Why a royalty input was refused; the web layer words it in Vietnamese (<c>Royalty.Problem.{name}</c>).</summary>
public enum RoyaltyProblem
{
    GenreNameMissing,
    GenreNameTooLong,
    GenreNameTaken,
    GenreRangeInverted,
    GenreCoefficientOutOfBounds,
    GenreRetired,
    CoefficientOutOfRange,
    CoefficientPrecision,
    NoShares,
    TooManyShares,
    ShareNameMissing,
    ShareNameTooLong,
    SharePercentOutOfRange,
    SharePercentPrecision,
    ShareDuplicate,
    SharesNotHundred,
    UnitValueNotPositive,
    UnitValueNotWhole,
    UnitValueTooLarge,
    UnitValueDateTaken,
    UnitValueUsedByPaidStory,
    UnitValueNotFound,
    NotAllowed,
    StoryNotFound,
    StoryNotPublished,
    GenreNotFound,
    UnknownAccount,
    AlreadyPaid,
    NotAssessed,
}

/// <summary>A refusal with the values its message shows (a range, a total, a name).</summary>
public sealed record RoyaltyRefusal(RoyaltyProblem Problem, params object[] Args);

/// <summary>One line of a story's split: an account (or only a typed name), a role and a percent.</summary>
public sealed record ShareLine(string? UserId, string PersonName, ShareRole Role, decimal Percent);

/// <summary>The money one coefficient point is worth from an instant on.</summary>
public sealed record UnitValue(decimal AmountVnd, DateTimeOffset EffectiveFromUtc);

/// <summary>
/// The royalty (nhuận bút) rules in plain C#: coefficient ranges, share splits, which unit value applies and
/// the amount. Amount of one share = coefficient × unit value × percent / 100, rounded to whole đồng half
/// away from zero (0,5 đ → 1 đ, as a cashier rounds); a person's or a month's total is the sum of the rounded
/// share amounts, so every total equals the sum of the lines printed above it.
/// </summary>
public static class RoyaltyRules
{
    /// <summary>The largest coefficient a genre may allow (the column holds 6 digits, 2 after the point).</summary>
    public const decimal MaxCoefficient = 100m;

    public const int MaxNameLength = 200;

    public const int MaxShares = 20;

    /// <summary>The largest unit value accepted: a typo guard far above any real one (1 tỷ đồng).</summary>
    public const decimal MaxUnitValueVnd = 1_000_000_000m;

    /// <summary>Unpaid this long after publication, a story is flagged.</summary>
    public static readonly TimeSpan PaymentDue = TimeSpan.FromDays(60);

    public static RoyaltyRefusal? CheckGenre(string? name, decimal min, decimal max, IEnumerable<string>? otherNames = null)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new(RoyaltyProblem.GenreNameMissing);
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new(RoyaltyProblem.GenreNameTooLong, MaxNameLength);
        }

        if (otherNames is not null && otherNames.Any(n => VietnameseText.Fold(n.Trim()) == VietnameseText.Fold(trimmed)))
        {
            return new(RoyaltyProblem.GenreNameTaken, trimmed);
        }

        if (min <= 0 || max > MaxCoefficient || !HasTwoDecimalsAtMost(min) || !HasTwoDecimalsAtMost(max))
        {
            return new(RoyaltyProblem.GenreCoefficientOutOfBounds, MaxCoefficient);
        }

        return min > max ? new(RoyaltyProblem.GenreRangeInverted, min, max) : null;
    }

    /// <summary>A coefficient must lie in its genre's range, both ends included, with at most two decimals.</summary>
    public static RoyaltyRefusal? CheckCoefficient(decimal coefficient, decimal min, decimal max)
    {
        if (coefficient < min || coefficient > max)
        {
            return new(RoyaltyProblem.CoefficientOutOfRange, coefficient, min, max);
        }

        return HasTwoDecimalsAtMost(coefficient) ? null : new(RoyaltyProblem.CoefficientPrecision);
    }

    /// <summary>
    /// At least one line; every line names someone, has a percent above 0 and at most 100 with two decimals;
    /// the same person in the same role once; the percents add up to exactly 100.
    /// </summary>
    public static RoyaltyRefusal? CheckShares(IReadOnlyList<ShareLine> shares)
    {
        if (shares.Count == 0)
        {
            return new(RoyaltyProblem.NoShares);
        }

        if (shares.Count > MaxShares)
        {
            return new(RoyaltyProblem.TooManyShares, MaxShares);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            var name = (share.PersonName ?? "").Trim();
            if (name.Length == 0)
            {
                return new(RoyaltyProblem.ShareNameMissing, i + 1);
            }

            if (name.Length > MaxNameLength)
            {
                return new(RoyaltyProblem.ShareNameTooLong, i + 1, MaxNameLength);
            }

            if (share.Percent <= 0 || share.Percent > 100)
            {
                return new(RoyaltyProblem.SharePercentOutOfRange, i + 1);
            }

            if (!HasTwoDecimalsAtMost(share.Percent))
            {
                return new(RoyaltyProblem.SharePercentPrecision, i + 1);
            }

            var who = string.IsNullOrEmpty(share.UserId) ? "name:" + VietnameseText.Fold(name) : "user:" + share.UserId;
            if (!seen.Add($"{who}|{share.Role}"))
            {
                return new(RoyaltyProblem.ShareDuplicate, name);
            }
        }

        var total = shares.Sum(s => s.Percent);
        return total == 100m ? null : new(RoyaltyProblem.SharesNotHundred, total);
    }

    /// <summary>One share's money: coefficient × unit value × percent / 100, rounded to whole đồng, half away from zero.</summary>
    public static decimal Amount(decimal coefficient, decimal unitValueVnd, decimal percent) =>
        Math.Round(coefficient * unitValueVnd * percent / 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>The unit value in force at <paramref name="instant"/>: the latest one effective at or before it; null before the first.</summary>
    public static UnitValue? InForceAt(IEnumerable<UnitValue> values, DateTimeOffset instant) =>
        values.Where(v => v.EffectiveFromUtc <= instant).MaxBy(v => v.EffectiveFromUtc);

    public static RoyaltyRefusal? CheckUnitValue(decimal amountVnd)
    {
        if (amountVnd <= 0)
        {
            return new(RoyaltyProblem.UnitValueNotPositive);
        }

        if (amountVnd != decimal.Truncate(amountVnd))
        {
            return new(RoyaltyProblem.UnitValueNotWhole);
        }

        return amountVnd > MaxUnitValueVnd ? new(RoyaltyProblem.UnitValueTooLarge, MaxUnitValueVnd) : null;
    }

    /// <summary>
    /// Whether replacing the unit values <paramref name="before"/> by <paramref name="after"/> (an edit, an addition
    /// or a removal) would change the value in force for a story already paid: what was paid must stay as paid.
    /// </summary>
    public static bool ChangesPaidStories(IEnumerable<UnitValue> before, IEnumerable<UnitValue> after, IEnumerable<DateTimeOffset> paidPublicationTimes)
    {
        var old = before.ToList();
        var changed = after.ToList();
        return paidPublicationTimes.Any(published => InForceAt(old, published) != InForceAt(changed, published));
    }

    /// <summary>Whether a story is flagged: published more than 60 days before <paramref name="now"/> and still unpaid.</summary>
    public static bool IsOverdue(DateTimeOffset publishedAtUtc, bool paid, DateTimeOffset now) =>
        !paid && now - publishedAtUtc > PaymentDue;

    /// <summary>
    /// Splits 100 % into <paramref name="count"/> shares with two decimals: equal, the last one taking the rest
    /// (3 people: 33,33 + 33,33 + 33,34).
    /// </summary>
    public static IReadOnlyList<decimal> EqualPercents(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var each = Math.Floor(10000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToArray();
        shares[^1] = 100m - each * (count - 1);
        return shares;
    }

    /// <summary>The names in a byline: "Trần Khánh - Thu Ngà" → ["Trần Khánh", "Thu Ngà"]; also split on – , ; / &amp;.</summary>
    public static IReadOnlyList<string> BylineNames(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
        {
            return [];
        }

        var text = byline.Trim();
        foreach (var prefix in new[] { "Tác giả:", "Tác giả" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }

        return text.Split(['-', '–', '—', ',', ';', '/', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 0)
            .DistinctBy(VietnameseText.Fold)
            .ToList();
    }

    /// <summary>
    /// The split an editor starts from: the byline's names in equal shares when it names two or more people,
    /// otherwise the story's creator at 100 %. Names are matched to accounts (ignoring case and diacritics)
    /// through <paramref name="accountByName"/>.
    /// </summary>
    public static IReadOnlyList<ShareLine> DefaultShares(
        string? byline, string creatorId, string creatorName, Func<string, string?> accountByName)
    {
        var names = BylineNames(byline);
        if (names.Count < 2)
        {
            return [new ShareLine(creatorId, creatorName, ShareRole.Author, 100m)];
        }

        var percents = EqualPercents(names.Count);
        return names.Select((name, i) => new ShareLine(accountByName(name), name, ShareRole.Author, percents[i])).ToList();
    }

    private static bool HasTwoDecimalsAtMost(decimal value) => value * 100m == decimal.Truncate(value * 100m);
}
