namespace Editorial.Web.Features.Portal;

/// <summary>The portal's addresses, in one place: short, Vietnamese and stable.</summary>
public static class PortalLinks
{
    public const string PageQuery = "trang";

    public static string Story(string slug) => "/tin/" + Uri.EscapeDataString(slug);

    public static string Print(string slug) => Story(slug) + "/in";

    public static string Category(string slug, int page = 1) =>
        "/chuyen-muc/" + Uri.EscapeDataString(slug) + (page > 1 ? $"?{PageQuery}={page}" : "");

    public static string CategoryFeed(string slug) => "/chuyen-muc/" + Uri.EscapeDataString(slug) + "/rss.xml";

    public const string Feed = "/rss.xml";

    public const string Sitemap = "/sitemap.xml";

    public static string Search(string query, int page = 1) =>
        "/tim-kiem?q=" + Uri.EscapeDataString(query) + (page > 1 ? $"&{PageQuery}={page}" : "");

    public static string Preview(int id) => $"/editorial/stories/{id}/preview";

    /// <summary>An absolute URL on the host the request came to (canonical links, Open Graph, RSS).</summary>
    public static string Absolute(string baseUri, string path) => baseUri.TrimEnd('/') + path;

    public static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
