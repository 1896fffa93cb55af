using System.Collections.Concurrent;
using Editorial.Web.Infrastructure.Instances;
using Microsoft.AspNetCore.OutputCaching;

namespace Editorial.Web.Features.Portal;

/// <summary>
/// The public pages are output-cached under one tag. Publishing, unpublishing or editing a published
/// story changes the home page, its category, "Tin khác" lists, search, RSS and the sitemap at once,
/// so the workflow evicts them all: publications are rare and the pages are rebuilt in milliseconds.
/// Each instance has its own cache: eviction is published on the <see cref="IInstanceBus"/> for the others.
/// </summary>
/// <remarks>
/// Besides whole pages it keeps the small lists that every page repeats (the category navigation, a
/// category's newest stories for "Tin khác"): with 100,000 stories most story pages miss the output cache,
/// and without these lists each miss would query them again. They are dropped by the same eviction, and
/// live no longer than a cached page when nothing evicts them.
/// </remarks>
public sealed class PortalCache(IOutputCacheStore store, IInstanceBus? instances = null, TimeProvider? time = null)
{
    public const string Tag = "portal";

    private readonly TimeProvider time = time ?? TimeProvider.System;

    // Replaced whole on eviction: a request that read the database before the eviction adds its list to the
    // old dictionary, which nobody reads any more, so a stale list cannot outlive the eviction.
    private volatile ConcurrentDictionary<string, Entry> lists = new(StringComparer.Ordinal);

    /// <summary>Evicts the public pages here and on every other instance.</summary>
    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        instances?.Publish(InstanceMessage.PortalChanged);
        return EvictHereAsync(cancellationToken);
    }

    /// <summary>Evicts this instance's copies only: when every instance finds out by itself, or was told.</summary>
    public async ValueTask EvictHereAsync(CancellationToken cancellationToken = default)
    {
        lists = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>The list kept under <paramref name="key"/>, loaded once per eviction (and at most <see cref="PortalRegistration.CacheDuration"/> old).</summary>
    public async Task<T> ListAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken = default)
        where T : class
    {
        var current = lists;
        var now = time.GetUtcNow();
        if (current.TryGetValue(key, out var entry) && entry.ExpiresAtUtc > now && entry.Value is T kept)
        {
            return kept;
        }

        var value = await load(cancellationToken);
        current[key] = new Entry(value, now + PortalRegistration.CacheDuration);
        return value;
    }

    private sealed record Entry(object Value, DateTimeOffset ExpiresAtUtc);
}
