using System.Globalization;

namespace Editorial.Core.Royalties;

/// <summary>A calendar month in the portal's time zone, written "2017-04" in addresses and shown "04/2017".</summary>
public readonly record struct RoyaltyMonth(int Year, int Month)
{
    public static bool TryParse(string? text, out RoyaltyMonth month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2000 || date.Year > 2100)
        {
            return false;
        }

        month = new RoyaltyMonth(date.Year, date.Month);
        return true;
    }

    /// <summary>The month that holds a wall-clock date.</summary>
    public static RoyaltyMonth Of(DateTimeOffset local) => new(local.Year, local.Month);

    public DateTime FirstDay => new(Year, Month, 1);

    public RoyaltyMonth Previous => Of(new DateTimeOffset(FirstDay.AddMonths(-1)));

    public RoyaltyMonth Next => Of(new DateTimeOffset(FirstDay.AddMonths(1)));

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Display => FirstDay.ToString("MM/yyyy", CultureInfo.InvariantCulture);
}
