using System.Globalization;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Administration.Backup;

/// <summary>
/// <c>--backup</c> writes one archive and exits; <c>--restore &lt;archive.zip&gt;</c> restores one into the configured
/// (empty or missing) data folder and exits. Neither starts the web server. Every other argument
/// (<c>--Editorial:DataFolder=…</c>) configures the app as usual. Exit code 0 done, 1 refused or failed.
/// </summary>
public sealed class BackupCommandLine
{
    public const string BackupSwitch = "--backup";
    public const string RestoreSwitch = "--restore";

    private BackupCommandLine(bool backup, string? archive, bool archiveMissing, string[] rest)
    {
        IsBackup = backup;
        Archive = archive;
        ArchiveMissing = archiveMissing;
        Rest = rest;
    }

    public bool IsBackup { get; }

    public string? Archive { get; }

    private bool ArchiveMissing { get; }

    /// <summary>The arguments left for the app's configuration.</summary>
    public string[] Rest { get; }

    /// <summary>The command in <paramref name="args"/>, or null when the app should start as a web server.</summary>
    public static BackupCommandLine? Parse(string[] args)
    {
        var backup = false;
        var restore = false;
        string? archive = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (string.Equals(arg, BackupSwitch, StringComparison.OrdinalIgnoreCase))
            {
                backup = true;
            }
            else if (string.Equals(arg, RestoreSwitch, StringComparison.OrdinalIgnoreCase))
            {
                restore = true;
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    archive = args[++i];
                }
            }
            else if (arg.StartsWith(RestoreSwitch + "=", StringComparison.OrdinalIgnoreCase))
            {
                restore = true;
                archive = arg[(RestoreSwitch.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (!backup && !restore)
        {
            return null;
        }

        return new BackupCommandLine(backup && !restore, archive, restore && string.IsNullOrWhiteSpace(archive), [.. rest]);
    }

    /// <summary>Runs the command; messages in Vietnamese on <paramref name="output"/> and <paramref name="error"/>.</summary>
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Vietnamese);
        try
        {
            return IsBackup
                ? await BackUpAsync(output, error, cancellationToken)
                : await RestoreAsync(output, error, cancellationToken);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private async Task<int> BackUpAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(Rest);
        builder.AddEditorial();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning"; // the console shows the outcome, not the app's log
        await using var app = builder.Build();
        var text = app.Services.GetRequiredService<IStringLocalizer<UiText>>();
        var outcome = await app.Services.GetRequiredService<BackupService>().CreateFromCommandLineAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            await error.WriteLineAsync(text[$"Backup.Problem.{outcome.Problem}"]);
            return 1;
        }

        await output.WriteLineAsync(text["Backup.Console.Written", outcome.Path!, outcome.Manifest!.Counts.Stories, outcome.Manifest.Counts.MediaFiles]);
        await output.WriteLineAsync(outcome.Path);
        return 0;
    }

    private async Task<int> RestoreAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        if (ArchiveMissing)
        {
            await error.WriteLineAsync(text["Backup.Restore.Usage"]);
            return 1;
        }

        // Only the configuration: nothing may touch the target folder before the restore has checked it.
        var builder = WebApplication.CreateBuilder(Rest);
        var root = builder.AddTopLevelSettings();
        var settings = EditorialSettings.Load(builder.Configuration, root);
        var media = MediaSettings.From(settings, root);
        if (settings.UsesPostgreSql)
        {
            await error.WriteLineAsync(text["Backup.Restore.Problem.UsePgRestore"]);
            return 1;
        }

        var databasePath = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var restorer = new BackupRestorer(settings.DataFolder, Path.GetFullPath(databasePath, settings.DataFolder), media.Folder);
        try
        {
            var result = await restorer.RestoreAsync(Archive!, cancellationToken);
            await output.WriteLineAsync(text[
                "Backup.Restore.Done", result.Manifest.Counts.Stories, result.Manifest.Counts.MediaFiles, result.DataFolder,
                new Editorial.Core.Time.PortalTime(TimeProvider.System, settings.TimeZone).Format(result.Manifest.CreatedAtUtc)]);
            return 0;
        }
        catch (RestoreRefusedException ex)
        {
            await error.WriteLineAsync(text[$"Backup.Restore.Problem.{ex.Problem}", ex.Detail]);
            return 1;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync(text["Backup.Restore.Problem.Failed", ex.Message]);
            return 1;
        }
    }
}
