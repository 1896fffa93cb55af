using Editorial.Web.Features.Workflow;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>
/// Keeps search in step with the workflow and with saves of published stories: re-indexes the story, then
/// evicts the cached pages again, so a search page cached between the state change and the re-index does
/// not outlive it.
/// </summary>
public sealed class PortalSearchListener(PortalSearchIndex index, PortalCache cache) : IPublicStoryListener
{
    public async Task StoryChangedAsync(int articleId, CancellationToken cancellationToken)
    {
        await index.RefreshAsync(articleId, cancellationToken);
        await cache.EvictAsync(cancellationToken);
    }
}
