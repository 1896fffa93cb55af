using Editorial.Web.Infrastructure.Instances;
using Microsoft.AspNetCore.OutputCaching;

namespace Editorial.Web.Features.Portal;

/// <summary>
/// The public pages are output-cached under one tag. Publishing, unpublishing or editing a published
/// story changes the home page, its category, "Tin khác" lists, search, RSS and the sitemap at once,
/// so the workflow evicts them all: publications are rare and the pages are rebuilt in milliseconds.
/// Each instance has its own cache: eviction is published on the <see cref="IInstanceBus"/> for the others.
/// </summary>
public sealed class PortalCache(IOutputCacheStore store, IInstanceBus? instances = null)
{
    public const string Tag = "portal";

    /// <summary>Evicts the public pages here and on every other instance.</summary>
    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        instances?.Publish(InstanceMessage.PortalChanged);
        return EvictHereAsync(cancellationToken);
    }

    /// <summary>Evicts this instance's copies only: when every instance finds out by itself, or was told.</summary>
    public ValueTask EvictHereAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}
