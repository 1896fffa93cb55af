using Editorial.Tests.Administration;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.PostgreSql;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Publishing;
using Editorial.Web.Infrastructure.Instances;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Editorial.Tests.ScaleOut;

/// <summary>
/// Two instances' buses on a real PostgreSQL database (no app around them): an event raised on one reaches the
/// other once and its sender not a second time, and a listener whose connection is cut comes back and catches up.
/// </summary>
public sealed class PostgresInstanceBusTests : IAsyncLifetime
{
    // NOTIFY channels are per database: a database of its own, so parallel tests do not hear each other.
    private readonly PostgresDatabase database = PostgresDatabase.Create(migrate: false);
    private readonly StoryDatabase stories = StoryDatabase.InMemory();
    private readonly Instance a;
    private readonly Instance b;

    public PostgresInstanceBusTests()
    {
        a = new Instance(database.ConnectionString, stories);
        b = new Instance(database.ConnectionString, stories);
    }

    public async Task InitializeAsync()
    {
        await a.Bus.StartAsync(CancellationToken.None);
        await b.Bus.StartAsync(CancellationToken.None);
        await Task.WhenAll(a.Bus.Listening, b.Bus.Listening).WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        stories.Dispose();
        database.Dispose();
    }

    [PostgresFact]
    public async Task A_story_change_raised_on_one_instance_reaches_the_other_once_and_is_not_echoed_back()
    {
        var onA = new List<StoryChange>();
        var onB = new List<StoryChange>();
        using var sa = a.Events.SubscribeStory(7, change => { lock (onA) onA.Add(change); return Task.CompletedTask; });
        using var sb = b.Events.SubscribeStory(7, change => { lock (onB) onB.Add(change); return Task.CompletedTask; });
        var change = new StoryChange(7, WorkstationEvents.StoryChangeKinds.TakenOver, "editor-lan", "Nguyễn Thị Lan", DateTimeOffset.UnixEpoch);

        await a.Events.StoryChangedAsync(change);

        await Eventually(() => onB.Count == 1);
        // B answers only after it heard A, and PostgreSQL delivers in commit order: had A's message come back
        // to A, it would be in A's list before B's answer.
        var answer = change with { Kind = "answer", ActorName = "Trần Khánh" };
        await b.Events.StoryChangedAsync(answer);
        await Eventually(() => onA.Count >= 2);

        Assert.Equal([change, answer], onA);
        Assert.Equal([change, answer], onB);
    }

    [PostgresFact]
    public async Task Portal_evictions_and_schedule_changes_reach_the_other_instance()
    {
        var waking = b.Signal.WaitAsync(TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None);

        await a.Cache.EvictAsync();
        a.Signal.SchedulesChanged();

        await Eventually(() => b.Store.Evictions == 1);
        await waking.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, a.Store.Evictions);
    }

    [PostgresFact]
    public async Task A_listener_whose_connection_is_cut_reconnects_catches_up_and_hears_again()
    {
        var cut = b.Bus.ListenerProcessId;
        Assert.NotEqual(0, cut);
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", admin) { Parameters = { new() { Value = cut } } };
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        await Eventually(() => b.Bus.Connections == 2 && b.Bus.ListenerProcessId != 0);
        Assert.NotEqual(cut, b.Bus.ListenerProcessId);
        // Catching up: whatever was missed while cut off, the public pages are evicted.
        await Eventually(() => b.Store.Evictions == 1);

        await a.Cache.EvictAsync();
        await Eventually(() => b.Store.Evictions == 2);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Not within 20 s");
            await Task.Delay(20);
        }
    }

    /// <summary>What an app instance has that the bus touches: its own sessions, cache and scheduler signal.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        public Instance(string connectionString, StoryDatabase stories)
        {
            var identity = new InstanceIdentity();
            InstanceMessageDispatcher? dispatcher = null;
            Bus = new PostgresInstanceBus(connectionString, identity, () => dispatcher!, NullLogger<PostgresInstanceBus>.Instance);
            Events = new WorkstationEvents(NullLogger<WorkstationEvents>.Instance, Bus);
            Cache = new PortalCache(Store, Bus);
            Signal = new PublicationSignal(Bus);
            dispatcher = new InstanceMessageDispatcher(identity, Events, Cache, Signal, stories, NullLogger<InstanceMessageDispatcher>.Instance);
        }

        public PostgresInstanceBus Bus { get; }

        public WorkstationEvents Events { get; }

        public CountingOutputCacheStore Store { get; } = new();

        public PortalCache Cache { get; }

        public PublicationSignal Signal { get; }

        public async ValueTask DisposeAsync()
        {
            await Bus.StopAsync(CancellationToken.None);
            await Bus.DisposeAsync();
        }
    }
}
