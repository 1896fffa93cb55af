using System.Security.Claims;
using System.Text.Json;
using Editorial.Core.Accounts;
using Editorial.Core.Configuration;
using Editorial.Core.Text;
using Editorial.Core.Workflow;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Portal;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Instances;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration.Settings;

/// <summary>
/// Settings stored in the database override appsettings.json. The store applies them to the objects the
/// rest of the app already reads (EditorialSettings, MediaSettings, the glossary), so nothing else needs to
/// know where a value came from. A save is announced to the other app instances, which reload at once; each
/// also reloads every half minute, in case that announcement was missed.
/// </summary>
public sealed class NewsroomSettingsStore(
    IDbContextFactory<EditorialDbContext> contextFactory,
    EditorialSettings settings,
    MediaSettings media,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<NewsroomSettingsStore> logger) : BackgroundService
{
    public static readonly TimeSpan ReloadEvery = TimeSpan.FromSeconds(30);

    /// <summary>Audit code of a settings change; the details list the fields that changed.</summary>
    public const string AuditAction = "settings.changed";

    private const string Key = "newsroom";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly NewsroomSettings fromConfiguration = FromOptions(settings.Options, media.MaxUploadBytes);
    private volatile NewsroomSettings current = FromOptions(settings.Options, media.MaxUploadBytes);
    private volatile AbbreviationGlossary glossary = GlossaryOf(settings.Options.Glossary);

    public NewsroomSettings Current => current;

    /// <summary>The abbreviations writers are warned about, as now configured.</summary>
    public AbbreviationGlossary Glossary => glossary;

    /// <summary>What appsettings.json says, for "back to the file's values".</summary>
    public NewsroomSettings Defaults => fromConfiguration;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.NewsroomSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        var stored = row is null ? fromConfiguration : Read(row.ValueJson) ?? fromConfiguration;
        if (!Equivalent(stored, current))
        {
            Apply(stored);
        }
    }

    public static IReadOnlyList<SettingsError> Validate(NewsroomSettings value)
    {
        var errors = new List<SettingsError>();
        var name = value.PortalName.Trim();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(value.PortalName), "required"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new(nameof(value.PortalName), "too-long"));
        }

        var prefix = value.DatelinePrefix.Trim();
        if (prefix.Length == 0)
        {
            errors.Add(new(nameof(value.DatelinePrefix), "required"));
        }
        else if (prefix.Length > 40)
        {
            errors.Add(new(nameof(value.DatelinePrefix), "too-long"));
        }

        if (value.AutosaveSeconds is < NewsroomSettings.MinAutosaveSeconds or > NewsroomSettings.MaxAutosaveSeconds)
        {
            errors.Add(new(nameof(value.AutosaveSeconds), "autosave-range"));
        }

        if (value.MaxUploadBytes < NewsroomSettings.MinUploadBytes || value.MaxUploadBytes > MediaOptions.MaxUploadBytesCeiling)
        {
            errors.Add(new(nameof(value.MaxUploadBytes), "upload-range"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (abbreviation, expansion) in value.Glossary)
        {
            var key = abbreviation.Trim();
            if (key.Length is 0 or > 20 || expansion.Trim().Length is 0 or > 200)
            {
                errors.Add(new(nameof(value.Glossary), "glossary-entry"));
                break;
            }

            if (!seen.Add(VietnameseText.Normalize(key)))
            {
                errors.Add(new(nameof(value.Glossary), "glossary-duplicate"));
                break;
            }
        }

        return errors;
    }

    /// <summary>Stores and applies new settings; refuses (and changes nothing) when a value is out of bounds.</summary>
    public async Task<IReadOnlyList<SettingsError>> SaveAsync(NewsroomSettings value, ClaimsPrincipal user, string? clientAddress, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(user)))
        {
            return [new SettingsError("", "forbidden")];
        }

        value = Normalize(value);
        var errors = Validate(value);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = current;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.NewsroomSettings.FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
            if (row is null)
            {
                row = new NewsroomSetting { Key = Key };
                db.NewsroomSettings.Add(row);
            }

            row.ValueJson = JsonSerializer.Serialize(value, Json);
            row.UpdatedById = AccountIdentity.IdOf(user);
            row.UpdatedAtUtc = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        Apply(value);
        // The other instances reload now rather than at their next half-minute reload.
        services.GetService<IInstanceBus>()?.Publish(InstanceMessage.SettingsChanged);
        var changed = ChangedFields(before, value);
        await services.GetRequiredService<AuditTrail>().RecordAsync(
            AuditAction, user.Identity?.Name ?? "", string.Join(", ", changed), clientAddress, cancellationToken);
        return [];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LoadAsync(stoppingToken);
                await Task.Delay(ReloadEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not reload the newsroom settings; keeping the current ones");
                await Task.Delay(ReloadEvery, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Apply(NewsroomSettings value)
    {
        // Plain assignments of immutable values: readers on other threads see the old or the new, never half.
        var options = settings.Options;
        var portalChanged = options.PortalName != value.PortalName || options.DatelinePrefix != value.DatelinePrefix;
        options.PortalName = value.PortalName;
        options.DatelinePrefix = value.DatelinePrefix;
        options.Workflow.FourEyes = value.FourEyes;
        options.Workflow.Checklist = value.Checklist.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
        options.AutosaveSeconds = value.AutosaveSeconds;
        media.MaxUploadBytes = value.MaxUploadBytes;
        glossary = GlossaryOf(value.Glossary.ToDictionary(e => e.Key, e => e.Value));
        current = value;

        if (portalChanged && services.GetService<PortalCache>() is { } cache)
        {
            // The portal's name is on every public page. Every instance applies the change itself, so each evicts its own.
            _ = cache.EvictHereAsync().AsTask();
        }
    }

    private static NewsroomSettings FromOptions(EditorialOptions options, long maxUploadBytes) => new()
    {
        PortalName = options.PortalName,
        DatelinePrefix = options.DatelinePrefix,
        FourEyes = options.Workflow.FourEyes,
        Checklist = options.Workflow.ChecklistSeverities(),
        AutosaveSeconds = options.AutosaveSeconds,
        MaxUploadBytes = maxUploadBytes,
        Glossary = options.Glossary.Count == 0
            ? AbbreviationGlossary.Default.Entries.Select(e => new KeyValuePair<string, string>(e.Abbreviation, e.Expansion)).ToList()
            : options.Glossary.ToList(),
    };

    private static AbbreviationGlossary GlossaryOf(IReadOnlyDictionary<string, string> entries) =>
        entries.Count == 0 ? AbbreviationGlossary.Default : new AbbreviationGlossary(entries.Select(e => (e.Key.Trim(), e.Value.Trim())));

    private static NewsroomSettings Normalize(NewsroomSettings value) => value with
    {
        PortalName = VietnameseText.Normalize(value.PortalName).Trim(),
        DatelinePrefix = VietnameseText.Normalize(value.DatelinePrefix).Trim(),
        Glossary = value.Glossary
            .Where(e => !string.IsNullOrWhiteSpace(e.Key) || !string.IsNullOrWhiteSpace(e.Value))
            .Select(e => new KeyValuePair<string, string>(VietnameseText.Normalize(e.Key).Trim(), VietnameseText.Normalize(e.Value).Trim()))
            .ToList(),
    };

    private static NewsroomSettings? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<NewsroomSettings>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Equivalent(NewsroomSettings a, NewsroomSettings b) => ChangedFields(a, b).Count == 0;

    private static List<string> ChangedFields(NewsroomSettings a, NewsroomSettings b)
    {
        var changed = new List<string>();
        if (a.PortalName != b.PortalName) changed.Add(nameof(a.PortalName));
        if (a.DatelinePrefix != b.DatelinePrefix) changed.Add(nameof(a.DatelinePrefix));
        if (a.FourEyes != b.FourEyes) changed.Add(nameof(a.FourEyes));
        if (!a.Checklist.OrderBy(e => e.Key).SequenceEqual(b.Checklist.OrderBy(e => e.Key))) changed.Add(nameof(a.Checklist));
        if (a.AutosaveSeconds != b.AutosaveSeconds) changed.Add(nameof(a.AutosaveSeconds));
        if (a.MaxUploadBytes != b.MaxUploadBytes) changed.Add(nameof(a.MaxUploadBytes));
        if (!a.Glossary.SequenceEqual(b.Glossary)) changed.Add(nameof(a.Glossary));
        return changed;
    }
}
