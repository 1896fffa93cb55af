using Microsoft.AspNetCore.OutputCaching;

namespace Editorial.Web.Features.Portal;

/// <summary>
/// The public pages are output-cached under one tag. Publishing, unpublishing or editing a published
/// story changes the home page, its category, "Tin khác" lists, search, RSS and the sitemap at once,
/// so the workflow evicts them all: publications are rare and the pages are rebuilt in milliseconds.
/// </summary>
public sealed class PortalCache(IOutputCacheStore store)
{
    public const string Tag = "portal";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}
