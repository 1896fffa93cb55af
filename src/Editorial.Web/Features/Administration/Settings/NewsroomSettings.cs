using Editorial.Core.Workflow;

namespace Editorial.Web.Features.Administration.Settings;

/// <summary>The settings an administrator edits on /admin/settings, as one value.</summary>
public sealed record NewsroomSettings
{
    public const int MinAutosaveSeconds = 2;
    public const int MaxAutosaveSeconds = 120;
    public const long MinUploadBytes = 256 * 1024;

    public string PortalName { get; init; } = "";

    public string DatelinePrefix { get; init; } = "";

    public bool FourEyes { get; init; } = true;

    public IReadOnlyDictionary<ChecklistItem, ChecklistSeverity> Checklist { get; init; } = SubmissionChecklist.Defaults;

    public int AutosaveSeconds { get; init; } = 4;

    public long MaxUploadBytes { get; init; }

    /// <summary>Abbreviation → expansion, in the order shown.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Glossary { get; init; } = [];
}

/// <summary>Why a value was refused; the page shows <c>Settings.Error.{Code}</c> next to the field.</summary>
public sealed record SettingsError(string Field, string Code);
