using Microsoft.Extensions.Configuration.Json;

namespace Editorial.Web.Infrastructure.Configuration;

/// <summary>
/// Finds the repository's top-level appsettings.json (next to Editorial.sln) and loads it where the
/// framework would load the project's own, so environment variables and command-line arguments still
/// override it. A published build carries a copy next to its binaries.
/// </summary>
public static class TopLevelSettings
{
    public const string FileName = "appsettings.json";
    private const string SolutionMarker = "Editorial.sln";

    /// <summary>The folder holding the settings file; relative paths in it (the data folder) start here.</summary>
    public static string LocateRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionMarker)) && File.Exists(Path.Combine(dir.FullName, FileName)))
            {
                return dir.FullName;
            }
        }

        return File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)) ? AppContext.BaseDirectory : contentRoot;
    }

    public static string AddTopLevelSettings(this WebApplicationBuilder builder)
    {
        var root = LocateRoot(builder.Environment.ContentRootPath);
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            throw new StartupConfigurationException([$"{path}: không tìm thấy tệp cấu hình (settings file not found)."]);
        }

        var source = new JsonConfigurationSource { Path = FileName, Optional = false, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root);

        // Insert before environment variables and command-line arguments so they keep precedence.
        var sources = builder.Configuration.Sources;
        var firstOverride = sources
            .Select((s, i) => (s, i))
            .FirstOrDefault(p => p.s is not JsonConfigurationSource && p.s.GetType().Name is "EnvironmentVariablesConfigurationSource" or "CommandLineConfigurationSource");
        try
        {
            if (firstOverride.s is null)
            {
                sources.Add(source);
            }
            else
            {
                sources.Insert(firstOverride.i, source);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new StartupConfigurationException([$"{path}: JSON không hợp lệ (malformed JSON): {ex.InnerException?.Message ?? ex.Message}"]);
        }

        return root;
    }
}

/// <summary>Configuration that cannot start the app; each message names the key.</summary>
public sealed class StartupConfigurationException(IReadOnlyList<string> errors)
    : Exception("Cấu hình không hợp lệ:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
