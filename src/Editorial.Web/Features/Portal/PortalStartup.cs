using Editorial.Web.Features.Portal.Search;
using Editorial.Web.Features.Portal.Seed;

namespace Editorial.Web.Features.Portal;

/// <summary>Runs once the database is ready: the demo stories on a first run, then the search index catches up.</summary>
public sealed class PortalStartup(PortalSeed seed, PortalSearchIndex index)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await seed.EnsureAsync(cancellationToken);
        await index.ReconcileAsync(cancellationToken);
    }
}
