using Editorial.Web.Features.Portal.Search;
using Editorial.Web.Features.Portal.Seed;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal;

/// <summary>Runs once the database is ready: the demo stories on a first run, then the search index catches up.</summary>
public sealed class PortalStartup(PortalSeed seed, PortalSearchIndex index, IDbContextFactory<EditorialDbContext> contextFactory)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // One instance at a time on a shared PostgreSQL database: the second finds the stories there.
        await using (await StartupLock.AcquireAsync(contextFactory, cancellationToken))
        {
            await seed.EnsureAsync(cancellationToken);
        }

        await index.ReconcileAsync(cancellationToken);
    }
}
