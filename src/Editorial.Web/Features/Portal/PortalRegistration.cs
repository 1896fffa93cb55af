using Editorial.Web.Infrastructure.Configuration;
using System.Globalization;
using Editorial.Web.Features.Portal.Feeds;
using Editorial.Web.Features.Portal.Preview;
using Editorial.Web.Features.Portal.Search;
using Editorial.Web.Features.Portal.Seed;
using Editorial.Web.Features.Portal.Stories;
using Editorial.Web.Features.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace Editorial.Web.Features.Portal;

/// <summary>The public portal's services, cache policy and endpoints (the pages themselves are routed by Blazor).</summary>
public static class PortalRegistration
{
    /// <summary>The output-cache policy of public pages and feeds: tagged <see cref="PortalCache.Tag"/>, per language.</summary>
    public const string CachePolicy = "Portal";

    /// <summary>
    /// How long a cached page lives when nothing evicts it. Publishing evicts at once (<see cref="PortalCache"/>);
    /// the limit only bounds what a change made behind the app's back (a manual database edit) can cost.
    /// </summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddEditorialPortal(this IServiceCollection services)
    {
        services.AddSingleton<PortalStories>();
        services.AddSingleton<PortalSearch>();
        services.AddSingleton<PortalSearchIndex>();
        services.AddSingleton<IPortalSearchStore>(sp => sp.GetRequiredService<EditorialSettings>().UsesPostgreSql
            ? new PostgreSqlSearchStore()
            : new SqliteSearchStore());
        services.AddSingleton<PortalFeeds>();
        services.AddSingleton<PortalSeed>();
        services.AddSingleton<PortalStartup>();
        services.AddSingleton<IPublicStoryListener, PortalSearchListener>();

        services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Tag(PortalCache.Tag)
            .Expire(CacheDuration)
            // The same address in English (a staff member's language cookie) is another page.
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))));
        services.AddSingleton<PortalCache>();

        DecorateAntiforgery(services);
        return services;
    }

    /// <summary>
    /// Public pages marked <see cref="PortalPageAttribute"/> render with no interactive render mode configured,
    /// so Blazor writes no <c>&lt;!--Blazor-Server-Component-State:…--&gt;</c> (about 1.5 KB of encrypted
    /// antiforgery token per page, for a circuit that a public page never opens).
    /// </summary>
    /// <remarks>
    /// Blazor decides from the endpoint's ConfiguredRenderModesMetadata, which is internal: it is replaced by
    /// an empty one found by name. Should a later framework rename it, nothing breaks (the comment comes back,
    /// and PortalStaticPageTests says so).
    /// </remarks>
    public static RazorComponentsEndpointConventionBuilder WithStaticPortalPages(this RazorComponentsEndpointConventionBuilder builder)
    {
        var metadataType = typeof(RazorComponentsEndpointConventionBuilder).Assembly
            .GetType("Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata");
        if (metadataType is null)
        {
            return builder;
        }

        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<PortalPageAttribute>().Any())
            {
                return;
            }

            var index = endpoint.Metadata.ToList().FindIndex(metadataType.IsInstanceOfType);
            if (index >= 0 && Activator.CreateInstance(metadataType, [Array.Empty<IComponentRenderMode>()]) is { } none)
            {
                endpoint.Metadata[index] = none;
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PortalLinks.Feed, (HttpContext context, PortalFeeds feeds) => feeds.RssAsync(context, null))
            .CacheOutput(CachePolicy).AllowAnonymous();
        endpoints.MapGet("/chuyen-muc/{slug}/rss.xml", (string slug, HttpContext context, PortalFeeds feeds) => feeds.RssAsync(context, slug))
            .CacheOutput(CachePolicy).AllowAnonymous();
        endpoints.MapGet(PortalLinks.Sitemap, (HttpContext context, PortalFeeds feeds) => feeds.SitemapAsync(context))
            .CacheOutput(CachePolicy).AllowAnonymous();
        endpoints.MapGet("/robots.txt", PortalFeeds.Robots).CacheOutput(CachePolicy).AllowAnonymous();
        endpoints.MapStoryPreview();
        return endpoints;
    }

    private static void DecorateAntiforgery(IServiceCollection services)
    {
        services.AddAntiforgery();
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.Add(new ServiceDescriptor(
            typeof(IAntiforgery),
            sp => new PortalAntiforgery(Create(sp, original)),
            original.Lifetime));
    }

    private static IAntiforgery Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAntiforgery)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
