namespace Editorial.Web.Features.Royalties;

/// <summary>Audit codes of royalties (labels: <c>Audit.Action.{code}</c> in uitext.tsv).</summary>
public static class RoyaltyAudit
{
    public const string Assessed = "royalty.assessed";
    public const string Paid = "royalty.paid";
    public const string Unpaid = "royalty.unpaid";
    public const string GenreAdded = "royalty.genre-added";
    public const string GenreChanged = "royalty.genre-changed";
    public const string GenreRetired = "royalty.genre-retired";
    public const string GenreRestored = "royalty.genre-restored";
    public const string UnitValueAdded = "royalty.unit-value-added";
    public const string UnitValueChanged = "royalty.unit-value-changed";
    public const string UnitValueDeleted = "royalty.unit-value-deleted";

    public static IReadOnlyList<string> All { get; } =
        [Assessed, Paid, Unpaid, GenreAdded, GenreChanged, GenreRetired, GenreRestored, UnitValueAdded, UnitValueChanged, UnitValueDeleted];
}
