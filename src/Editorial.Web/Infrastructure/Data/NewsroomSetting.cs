namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// A setting an administrator edits on the settings page (portal name, four-eyes, checklist, …), stored as
/// JSON under a stable key. A key with no row keeps the value from appsettings.json.
/// </summary>
public sealed class NewsroomSetting
{
    public string Key { get; set; } = "";

    public string ValueJson { get; set; } = "";

    public string UpdatedById { get; set; } = "";

    public DateTimeOffset UpdatedAtUtc { get; set; }
}
