using Editorial.Core.Configuration;
using Editorial.Core.Time;

namespace Editorial.Web.Infrastructure.Configuration;

/// <summary>Validated settings with paths resolved, registered as a singleton.</summary>
public sealed class EditorialSettings
{
    public required EditorialOptions Options { get; init; }

    /// <summary>Absolute path of the data folder (database, media, keys).</summary>
    public required string DataFolder { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>True when the database is a PostgreSQL server; otherwise the embedded SQLite file.</summary>
    public bool UsesPostgreSql => DatabaseProviders.IsPostgreSql(Options.Database.Provider);

    public required TimeZoneInfo TimeZone { get; init; }

    public string PortalName => Options.PortalName;

    public string DatelinePrefix => Options.DatelinePrefix;

    public static EditorialSettings Load(IConfiguration configuration, string root)
    {
        var errors = EditorialOptionsValidator.Validate(configuration);
        if (errors.Count > 0)
        {
            throw new StartupConfigurationException(errors);
        }

        var options = configuration.GetSection(EditorialOptions.SectionName).Get<EditorialOptions>()!;
        var dataFolder = Path.GetFullPath(options.DataFolder, root);
        PortalTime.TryFindZone(options.TimeZone, out var zone);
        var connectionString = string.IsNullOrWhiteSpace(options.Database.ConnectionString)
            ? $"Data Source={Path.Combine(dataFolder, "editorial.db")}"
            : options.Database.ConnectionString;

        return new EditorialSettings
        {
            Options = options,
            DataFolder = dataFolder,
            ConnectionString = connectionString,
            TimeZone = zone,
        };
    }
}
