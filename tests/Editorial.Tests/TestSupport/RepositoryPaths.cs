namespace Editorial.Tests.TestSupport;

/// <summary>Paths inside the repository, found from the test binaries by walking up to Editorial.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string AppSettings => Path.Combine(Root, "appsettings.json");

    public static string WebProject => Path.Combine(Root, "src", "Editorial.Web");

    public static string Localization => Path.Combine(WebProject, "Infrastructure", "Localization");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Editorial.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Editorial.sln not found above {AppContext.BaseDirectory}");
    }
}
