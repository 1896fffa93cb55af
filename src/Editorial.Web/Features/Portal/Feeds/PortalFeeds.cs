using System.Globalization;
using System.Text;
using System.Xml;
using Editorial.Web.Features.Portal.Stories;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Portal.Feeds;

/// <summary>RSS 2.0 for the portal and each category, the sitemap and robots.txt; absolute URLs, UTF-8.</summary>
public sealed class PortalFeeds(PortalStories stories, EditorialSettings settings, IStringLocalizer<UiText> text)
{
    public const int FeedItems = 30;
    public const int SitemapMaxStories = 49_000; // the sitemap protocol's limit is 50,000 addresses per file

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public async Task<IResult> RssAsync(HttpContext context, string? categorySlug)
    {
        var cancellationToken = context.RequestAborted;
        PortalCategory? category = null;
        if (categorySlug is not null)
        {
            category = await stories.CategoryBySlugAsync(categorySlug, cancellationToken);
            if (category is null)
            {
                return Results.NotFound();
            }
        }

        var items = await stories.LatestAsync(category?.Id, FeedItems, cancellationToken);
        var baseUri = PortalLinks.BaseUri(context.Request);
        var self = PortalLinks.Absolute(baseUri, category is null ? PortalLinks.Feed : PortalLinks.CategoryFeed(category.Slug));

        var bytes = Write(xml =>
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", category is null ? settings.PortalName : $"{category.Name} – {settings.PortalName}");
            xml.WriteElementString("link", PortalLinks.Absolute(baseUri, category is null ? "/" : PortalLinks.Category(category.Slug)));
            xml.WriteElementString("description", category is null ? text["Portal.Feed.Description", settings.PortalName] : text["Portal.Feed.CategoryDescription", category.Name, settings.PortalName]);
            xml.WriteElementString("language", CultureInfo.CurrentUICulture.Name.ToLowerInvariant());
            if (items.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", Rfc822(items[0].PublishedAtUtc));
            }

            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();

            foreach (var item in items)
            {
                var link = PortalLinks.Absolute(baseUri, PortalLinks.Story(item.Slug));
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(item.PublishedAtUtc));
                xml.WriteElementString("description", Dateline.Apply(settings.DatelinePrefix, item.Lead));
                if (category is not null)
                {
                    xml.WriteElementString("category", category.Name);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });

        return Results.Bytes(bytes, "application/rss+xml; charset=utf-8");
    }

    public async Task<IResult> SitemapAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var baseUri = PortalLinks.BaseUri(context.Request);
        var categories = await stories.CategoriesAsync(cancellationToken);
        var entries = await stories.SitemapAsync(SitemapMaxStories, cancellationToken);
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var bytes = Write(xml =>
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            Url(xml, ns, PortalLinks.Absolute(baseUri, "/"), entries.Count > 0 ? entries.Max(e => e.ChangedAtUtc) : null);
            foreach (var category in categories)
            {
                Url(xml, ns, PortalLinks.Absolute(baseUri, PortalLinks.Category(category.Slug)), null);
            }

            foreach (var (slug, changed) in entries)
            {
                Url(xml, ns, PortalLinks.Absolute(baseUri, PortalLinks.Story(slug)), changed);
            }

            xml.WriteEndElement();
        });

        return Results.Bytes(bytes, "application/xml; charset=utf-8");
    }

    public static IResult Robots(HttpContext context)
    {
        var sitemap = PortalLinks.Absolute(PortalLinks.BaseUri(context.Request), PortalLinks.Sitemap);
        return Results.Text($"User-agent: *\nDisallow: /editorial\nDisallow: /admin\nDisallow: /Account\nSitemap: {sitemap}\n", "text/plain; charset=utf-8");
    }

    /// <summary>RFC 822 (as RSS 2.0 wants it), in GMT: "Thu, 20 Apr 2017 06:00:00 GMT".</summary>
    public static string Rfc822(DateTimeOffset instant) => instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    private static void Url(XmlWriter xml, string ns, string location, DateTimeOffset? changed)
    {
        xml.WriteStartElement("url", ns);
        xml.WriteElementString("loc", ns, location);
        if (changed is { } at)
        {
            xml.WriteElementString("lastmod", ns, at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }

    // In memory, so synchronous: a feed is a few kilobytes, a full sitemap a few megabytes.
    private static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, WriterSettings))
        {
            write(xml);
        }

        return buffer.ToArray();
    }
}
