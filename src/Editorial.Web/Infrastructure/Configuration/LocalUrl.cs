namespace Editorial.Web.Infrastructure.Configuration;

public static class LocalUrl
{
    /// <summary>Only paths on this site ("/editorial"), never "//host" or "/\host": no open redirects.</summary>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
