using System.Text.RegularExpressions;

namespace Editorial.Web.Features.Media;

/// <summary>The only names the media folder serves: what <see cref="MediaStore"/> writes, nothing else.</summary>
public static partial class MediaPaths
{
    public const string UrlPrefix = "/media";

    /// <summary>"2026/11/8f3c…(32 hex)[-web|-thumb].jpg|png": no "..", no other folder, no temporary file.</summary>
    public static bool IsStoredFile(string? relativePath) =>
        relativePath is not null && StoredFile().IsMatch(relativePath);

    public static string ContentTypeOf(string relativePath) =>
        relativePath.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";

    [GeneratedRegex(@"\A[0-9]{4}/[0-9]{2}/[0-9a-f]{32}(-web|-thumb)?\.(jpg|png)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredFile();
}
