using System.Globalization;

namespace Editorial.Core.Time;

/// <summary>
/// Converts stored UTC instants to the portal's wall-clock time and formats them the way the portal
/// prints them (<c>dd/MM/yyyy HH:mm</c>, as on every published story).
/// </summary>
public sealed class PortalTime(TimeProvider clock, TimeZoneInfo zone)
{
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";
    public const string DateFormat = "dd/MM/yyyy";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => ToLocal(clock.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time in the portal's zone (as typed by a person) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public string FormatDate(DateTimeOffset instant) =>
        ToLocal(instant).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Finds a zone by IANA id (Asia/Ho_Chi_Minh) or Windows id (SE Asia Standard Time).</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
