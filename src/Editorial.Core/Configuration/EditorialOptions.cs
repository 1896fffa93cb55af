namespace Editorial.Core.Configuration;

/// <summary>The "Editorial" section of the top-level appsettings.json: what a person edits.</summary>
public sealed class EditorialOptions
{
    public const string SectionName = "Editorial";

    /// <summary>Shown in the app bar and on every public page.</summary>
    public string PortalName { get; set; } = "";

    /// <summary>Opens every lead on the portal: "CTTĐT – Sáng 20/4, ...".</summary>
    public string DatelinePrefix { get; set; } = "";

    /// <summary>IANA id of the zone times are shown in; stored times are always UTC.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Database, media and keys live here. A relative path is relative to the repository root.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>UI culture when the person has not chosen one.</summary>
    public string DefaultCulture { get; set; } = "";

    public DatabaseOptions Database { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    public MediaOptions Media { get; set; } = new();

    public WorkflowOptions Workflow { get; set; } = new();

    /// <summary>Seconds after the writer stops typing before the story saves itself.</summary>
    public int AutosaveSeconds { get; set; } = 4;

    /// <summary>
    /// Abbreviations whose first use in a story should be spelled out ("HĐND" → "Hội đồng nhân dân").
    /// Empty means the built-in list of the province's common abbreviations.
    /// </summary>
    public Dictionary<string, string> Glossary { get; set; } = [];
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded default) or PostgreSql (several app instances over one server).</summary>
    public string Provider { get; set; } = "";

    /// <summary>Empty means a SQLite file editorial.db in the data folder; required for PostgreSql.</summary>
    public string ConnectionString { get; set; } = "";
}

/// <summary>Who exists on a fresh database.</summary>
public sealed class BootstrapOptions
{
    /// <summary>When no user exists, create one demo account per role and print the passwords once.</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>Production bootstrap: an administrator created when no administrator exists.</summary>
    public string AdminUserName { get; set; } = "";

    public string AdminEmail { get; set; } = "";

    public string AdminFullName { get; set; } = "";

    /// <summary>Set through an environment variable (Editorial__Bootstrap__AdminPassword), never committed.</summary>
    public string AdminPassword { get; set; } = "";
}

/// <summary>Uploaded images: how big, where, and the sizes of the copies made for the web.</summary>
public sealed class MediaOptions
{
    public const long DefaultMaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The most an operator may allow; larger uploads would hold too much in memory at once.</summary>
    public const long MaxUploadBytesCeiling = 100 * 1024 * 1024;

    public const int DefaultWebMaxWidth = 1600;

    public const int DefaultThumbnailMaxWidth = 320;

    /// <summary>Bounds for both widths: a copy narrower than this is useless, wider is no longer "web size".</summary>
    public const int MinWidth = 16;

    public const int MaxWidth = 10000;

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Empty means "media" inside the data folder; a relative path is relative to the repository root.</summary>
    public string Folder { get; set; } = "";

    /// <summary>The web-size copy is at most this wide (never enlarged).</summary>
    public int WebMaxWidth { get; set; } = DefaultWebMaxWidth;

    public int ThumbnailMaxWidth { get; set; } = DefaultThumbnailMaxWidth;
}

/// <summary>How strict review is in this newsroom.</summary>
public sealed class WorkflowOptions
{
    /// <summary>An editor may not approve a story they wrote. Small newsrooms with one editor may turn it off.</summary>
    public bool FourEyes { get; set; } = true;

    /// <summary>
    /// Per submission checklist item (Title, Lead, Category, Byline, MeetingImage): "Blocker", "Warning" or "Off".
    /// Items not listed keep the built-in default.
    /// </summary>
    public Dictionary<string, string> Checklist { get; set; } = [];

    public IReadOnlyDictionary<Workflow.ChecklistItem, Workflow.ChecklistSeverity> ChecklistSeverities()
    {
        var severities = Workflow.SubmissionChecklist.Defaults.ToDictionary();
        foreach (var (item, severity) in Checklist)
        {
            if (Enum.TryParse<Workflow.ChecklistItem>(item, ignoreCase: true, out var parsedItem)
                && Enum.TryParse<Workflow.ChecklistSeverity>(severity, ignoreCase: true, out var parsedSeverity))
            {
                severities[parsedItem] = parsedSeverity;
            }
        }

        return severities;
    }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    public static IReadOnlyList<string> Supported { get; } = [Sqlite, PostgreSql];

    public static bool IsPostgreSql(string? provider) => string.Equals(provider?.Trim(), PostgreSql, StringComparison.OrdinalIgnoreCase);
}
