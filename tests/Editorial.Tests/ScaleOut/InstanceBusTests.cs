using System.Text;
using Editorial.Tests.Administration;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Publishing;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Instances;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.ScaleOut;

/// <summary>Remembers what an instance published for the others.</summary>
internal sealed class RecordingInstanceBus : IInstanceBus
{
    public List<InstanceMessage> Published { get; } = [];

    public void Publish(InstanceMessage message) => Published.Add(message);
}

/// <summary>
/// The instances' bus without a server: what a message looks like on the wire, that an instance ignores its own
/// messages, and that what arrives from another instance reaches this instance's sessions, cache and scheduler
/// without being published again.
/// </summary>
public sealed class InstanceBusTests : IDisposable
{
    private readonly StoryDatabase db = StoryDatabase.InMemory();
    private readonly RecordingInstanceBus bus = new();
    private readonly CountingOutputCacheStore cacheStore = new();
    private readonly InstanceIdentity here = new();
    private readonly WorkstationEvents events;
    private readonly PortalCache cache;
    private readonly PublicationSignal signal;
    private readonly InstanceMessageDispatcher dispatcher;

    public InstanceBusTests()
    {
        events = new WorkstationEvents(NullLogger<WorkstationEvents>.Instance, bus);
        cache = new PortalCache(cacheStore, bus);
        signal = new PublicationSignal(bus);
        dispatcher = new InstanceMessageDispatcher(here, events, cache, signal, db, NullLogger<InstanceMessageDispatcher>.Instance);
    }

    public void Dispose() => db.Dispose();

    private static readonly Guid Elsewhere = Guid.NewGuid();

    private static string FromElsewhere(InstanceMessage message) => InstanceMessageCodec.Encode(message with { From = Elsewhere })!;

    public static TheoryData<InstanceMessage> EveryKind() =>
    [
        InstanceMessage.Notification("reporter-khanh", 42),
        InstanceMessage.StoryChanged(7, WorkstationEvents.StoryChangeKinds.TakenOver, "editor-lan", "Nguyễn Thị Lan", new DateTimeOffset(2017, 4, 20, 1, 2, 3, TimeSpan.Zero)),
        InstanceMessage.ReviewQueueChanged,
        InstanceMessage.PortalChanged,
        InstanceMessage.SchedulesChanged,
        InstanceMessage.SettingsChanged,
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_of_message_survives_the_wire_unchanged(InstanceMessage message)
    {
        var sent = message with { From = Elsewhere };
        var payload = InstanceMessageCodec.Encode(sent);

        Assert.NotNull(payload);
        Assert.Equal(sent, InstanceMessageCodec.Decode(payload));
    }

    [Fact]
    public void The_payload_carries_ids_and_a_name_in_readable_UTF8_not_the_notification_itself()
    {
        var payload = InstanceMessageCodec.Encode(InstanceMessage.StoryChanged(7, "commented", "editor-lan", "Nguyễn Thị Lan", DateTimeOffset.UnixEpoch) with { From = Elsewhere })!;

        Assert.Contains("\"an\":\"Nguyễn Thị Lan\"", payload);
        Assert.DoesNotContain("\"u\"", payload); // empty fields are left out
        Assert.True(Encoding.UTF8.GetByteCount(payload) < 300, payload);
    }

    [Fact]
    public void An_absurdly_long_name_is_cut_so_the_payload_stays_far_below_the_8000_byte_NOTIFY_limit()
    {
        var name = string.Concat(Enumerable.Repeat("Nguyễn Thị Lan ", 1000));
        var payload = InstanceMessageCodec.Encode(InstanceMessage.StoryChanged(7, "commented", "editor-lan", name, DateTimeOffset.UnixEpoch) with { From = Elsewhere });

        Assert.NotNull(payload);
        Assert.True(Encoding.UTF8.GetByteCount(payload) < 8000);
        Assert.Equal(name[..InstanceMessageCodec.MaxNameLength], InstanceMessageCodec.Decode(payload)!.ActorName);
    }

    [Fact]
    public void A_message_too_long_even_without_the_name_is_not_sent()
    {
        var message = InstanceMessage.Notification(new string('x', 9000), 1) with { From = Elsewhere };

        Assert.Null(InstanceMessageCodec.Encode(message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{\"k\":\"portal\"}")] // no sender
    [InlineData("{\"f\":\"6f1c1a52-0000-4000-8000-000000000001\"}")] // no kind
    [InlineData("[1,2,3]")]
    public void What_is_not_one_of_our_messages_is_ignored(string? payload)
    {
        Assert.Null(InstanceMessageCodec.Decode(payload));
    }

    [Fact]
    public async Task Raising_an_event_delivers_it_here_once_and_publishes_it_for_the_others()
    {
        var heard = new List<StoryChange>();
        using var _ = events.SubscribeStory(7, change => { heard.Add(change); return Task.CompletedTask; });

        await events.StoryChangedAsync(new StoryChange(7, WorkstationEvents.StoryChangeKinds.Commented, "editor-lan", "Nguyễn Thị Lan", DateTimeOffset.UnixEpoch));

        Assert.Single(heard);
        var published = Assert.Single(bus.Published);
        Assert.Equal(InstanceMessageKinds.StoryChanged, published.Kind);
        Assert.Equal(7, published.ArticleId);
        Assert.Equal("Nguyễn Thị Lan", published.ActorName);
    }

    [Fact]
    public async Task Our_own_message_coming_back_is_not_delivered_a_second_time()
    {
        var heard = 0;
        using var _ = events.SubscribeStory(7, _ => { heard++; return Task.CompletedTask; });
        var own = InstanceMessage.StoryChanged(7, WorkstationEvents.StoryChangeKinds.Commented, "editor-lan", "Lan", DateTimeOffset.UnixEpoch) with { From = here.Id };

        Assert.False(await dispatcher.ReceiveAsync(InstanceMessageCodec.Encode(own)));
        Assert.Equal(0, heard);
    }

    [Fact]
    public async Task A_story_change_from_another_instance_reaches_the_sessions_here_and_is_not_published_again()
    {
        var heard = new List<StoryChange>();
        using var _ = events.SubscribeStory(7, change => { heard.Add(change); return Task.CompletedTask; });
        using var other = events.SubscribeStory(8, _ => throw new InvalidOperationException("story 8 did not change"));
        var at = new DateTimeOffset(2017, 4, 20, 1, 2, 3, TimeSpan.Zero);

        Assert.True(await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.StoryChanged(7, WorkstationEvents.StoryChangeKinds.TakenOver, "editor-lan", "Lan", at))));

        Assert.Equal([new StoryChange(7, WorkstationEvents.StoryChangeKinds.TakenOver, "editor-lan", "Lan", at)], heard);
        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task A_notification_from_another_instance_is_read_from_the_database_and_shown_to_its_recipient_only()
    {
        long id;
        await using (var context = db.CreateDbContext())
        {
            var stored = new Notification
            {
                RecipientId = Person.Khanh.Id, Kind = NotificationKinds.Returned, ArticleTitle = "Hội nghị triển khai nhiệm vụ năm 2017",
                ActorName = Person.Lan.FullName, Note = "Bổ sung ảnh.", CreatedAtUtc = StoryDatabase.Start,
            };
            context.Notifications.Add(stored);
            await context.SaveChangesAsync();
            id = stored.Id;
        }

        var khanh = new List<NotificationView>();
        var nga = new List<NotificationView>();
        using var a = events.SubscribeNotifications(Person.Khanh.Id, n => { khanh.Add(n); return Task.CompletedTask; });
        using var b = events.SubscribeNotifications(Person.Nga.Id, n => { nga.Add(n); return Task.CompletedTask; });

        Assert.True(await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.Notification(Person.Khanh.Id, id))));
        // Someone else's notification id under Ngà's name shows nothing.
        Assert.True(await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.Notification(Person.Nga.Id, id))));

        var shown = Assert.Single(khanh);
        Assert.Equal((id, "Hội nghị triển khai nhiệm vụ năm 2017", "Bổ sung ảnh.", false), (shown.Id, shown.ArticleTitle, shown.Note, shown.IsRead));
        Assert.Empty(nga);
        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task The_review_queue_count_is_recounted_when_another_instance_moves_a_story_in_or_out()
    {
        var recounts = 0;
        using var _ = events.SubscribeReviewQueue(() => { recounts++; return Task.CompletedTask; });

        await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.ReviewQueueChanged));

        Assert.Equal(1, recounts);
        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task Evicting_the_portal_here_tells_the_others_and_their_eviction_evicts_here_without_an_echo()
    {
        await cache.EvictAsync();
        Assert.Equal(1, cacheStore.Evictions);
        Assert.Equal([InstanceMessage.PortalChanged], bus.Published);

        bus.Published.Clear();
        Assert.True(await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.PortalChanged)));
        Assert.Equal(2, cacheStore.Evictions);
        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task A_schedule_changed_elsewhere_wakes_the_scheduler_here()
    {
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await dispatcher.ReceiveAsync(FromElsewhere(InstanceMessage.SchedulesChanged));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(bus.Published);

        signal.SchedulesChanged();
        Assert.Equal([InstanceMessage.SchedulesChanged], bus.Published);
    }

    [Fact]
    public async Task A_message_of_a_kind_this_version_does_not_know_is_ignored()
    {
        Assert.False(await dispatcher.ReceiveAsync(FromElsewhere(new InstanceMessage("story.exploded"))));
        Assert.Equal(0, cacheStore.Evictions);
    }
}
