using Editorial.Core.Time;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Royalties;

/// <summary>
/// A fresh newsroom starts from one province's example: six genres and a unit value of 100.000 đ from
/// 01/01/2017, so editors can assess at once. Administrators change them on /admin/royalties/settings;
/// nothing is added again once there is any genre (or any unit value).
/// </summary>
public sealed class RoyaltySeed(IDbContextFactory<EditorialDbContext> contextFactory, PortalTime time, ILogger<RoyaltySeed> logger) : IHostedService
{
    public static readonly IReadOnlyList<(string Name, decimal Min, decimal Max)> ExampleGenres =
    [
        ("Tin không ảnh", 1.0m, 1.0m),
        ("Tin có ảnh", 1.5m, 1.5m),
        ("Bài tổng hợp, phản ánh", 1.2m, 2.5m),
        ("Ảnh", 1.2m, 1.8m),
        ("Bài phóng sự, ký sự", 2.0m, 2.5m),
        ("Bài bình luận", 2.5m, 3.0m),
    ];

    public const decimal ExampleUnitValueVnd = 100_000m;

    public static readonly DateTime ExampleUnitValueFrom = new(2017, 1, 1);

    // Runs after UseEditorialAsync has migrated the database: hosted services start when the host runs.
    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        // Instances starting together on one PostgreSQL database seed one after the other; the second adds nothing.
        await using var startup = await StartupLock.AcquireAsync(contextFactory, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var added = false;
        if (!await db.RoyaltyGenres.AnyAsync(cancellationToken))
        {
            var order = 0;
            foreach (var (name, min, max) in ExampleGenres)
            {
                db.RoyaltyGenres.Add(new RoyaltyGenre { Name = name, MinCoefficient = min, MaxCoefficient = max, SortOrder = ++order });
            }

            added = true;
        }

        if (!await db.RoyaltyUnitValues.AnyAsync(cancellationToken))
        {
            db.RoyaltyUnitValues.Add(new RoyaltyUnitValue { AmountVnd = ExampleUnitValueVnd, EffectiveFromUtc = time.FromLocal(ExampleUnitValueFrom) });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Royalty genres and unit value seeded from the example");
        }
    }
}
