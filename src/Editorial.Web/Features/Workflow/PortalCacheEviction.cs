using Editorial.Web.Features.Portal;

namespace Editorial.Web.Features.Workflow;

/// <summary>Evicts the cached public pages whenever what readers see changes.</summary>
public sealed class PortalCacheEviction(IServiceProvider services) : IPublicStoryListener
{
    public async Task StoryChangedAsync(int articleId, CancellationToken cancellationToken)
    {
        // The output cache is registered by the portal; a host without it (tests of the workstation alone) has nothing to evict.
        if (services.GetService<PortalCache>() is { } cache)
        {
            await cache.EvictAsync(cancellationToken);
        }
    }
}
