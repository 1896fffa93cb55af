using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Notifications;

/// <summary><see cref="NotificationService"/> over a real SQLite file: each person reads and marks only their own.</summary>
public sealed class NotificationServiceTests : IDisposable
{
    private readonly StoryDatabase database;
    private readonly NotificationService service;

    public NotificationServiceTests()
        : this(StoryDatabase.OnDisk())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal NotificationServiceTests(StoryDatabase database)
    {
        this.database = database;
        service = new NotificationService(database, database.Clock);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task List_IsTheRecipientsOwn_NewestFirst()
    {
        var older = Add(Person.Khanh, NotificationKinds.Returned, minutes: 10, title: "Hội nghị sơ kết");
        Add(Person.Lan, NotificationKinds.Submitted, minutes: 20, title: "Bài của người khác");
        var newer = Add(Person.Khanh, NotificationKinds.Approved, minutes: 30, title: "Hội nghị tổng kết");
        // Same instant as the newer one: the later row comes first, so the order never wobbles.
        var sameTime = Add(Person.Khanh, NotificationKinds.Published, minutes: 30, title: "Cùng lúc");

        var list = await service.ListAsync(Person.Khanh.Principal);

        Assert.Equal([sameTime, newer, older], list.Select(n => n.Id));
        Assert.Equal(["Cùng lúc", "Hội nghị tổng kết", "Hội nghị sơ kết"], list.Select(n => n.ArticleTitle));
        Assert.All(list, n => Assert.False(n.IsRead));
    }

    [Fact]
    public async Task List_TakesTheLatest_AndCanShowOnlyUnread()
    {
        var ids = Enumerable.Range(1, 20).Select(i => Add(Person.Khanh, NotificationKinds.Approved, minutes: i)).ToList();
        await service.MarkReadAsync(Person.Khanh.Principal, ids[^1]);

        var bell = await service.ListAsync(Person.Khanh.Principal, NotificationService.BellSize);
        var unread = await service.ListAsync(Person.Khanh.Principal, 5, unreadOnly: true);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(15), bell.Select(n => n.Id));
        Assert.True(bell[0].IsRead);
        Assert.Equal(ids.AsEnumerable().Reverse().Skip(1).Take(5), unread.Select(n => n.Id));
    }

    [Fact]
    public async Task UnreadCount_CountsOnlyOwnUnread()
    {
        Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        Add(Person.Khanh, NotificationKinds.Approved, minutes: 2);
        Add(Person.Khanh, NotificationKinds.Published, minutes: 3, readAt: 4);
        Add(Person.Lan, NotificationKinds.Submitted, minutes: 4);

        Assert.Equal(2, await service.UnreadCountAsync(Person.Khanh.Principal));
        Assert.Equal(1, await service.UnreadCountAsync(Person.Lan.Principal));
        Assert.Equal(0, await service.UnreadCountAsync(Person.Nga.Principal));
    }

    [Fact]
    public async Task MarkRead_OfSomeoneElsesNotification_ChangesNothing()
    {
        var khanhs = Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);

        await service.MarkReadAsync(Person.Nga.Principal, khanhs);
        await service.MarkReadAsync(Person.Lan.Principal, khanhs);

        Assert.Null(Row(khanhs).ReadAtUtc);
        Assert.Equal(1, await service.UnreadCountAsync(Person.Khanh.Principal));
    }

    [Fact]
    public async Task MarkRead_OfOwn_StampsTheTime_AndKeepsTheFirstStamp()
    {
        var id = Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        var other = Add(Person.Khanh, NotificationKinds.Approved, minutes: 2);
        database.Clock.Advance(TimeSpan.FromHours(1));
        var firstRead = database.Clock.GetUtcNow();

        await service.MarkReadAsync(Person.Khanh.Principal, id);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await service.MarkReadAsync(Person.Khanh.Principal, id);

        Assert.Equal(firstRead, Row(id).ReadAtUtc);
        Assert.Null(Row(other).ReadAtUtc);
        Assert.Equal(1, await service.UnreadCountAsync(Person.Khanh.Principal));
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyOwnUnread_AndSaysHowMany()
    {
        Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        Add(Person.Khanh, NotificationKinds.Approved, minutes: 2);
        var alreadyRead = Add(Person.Khanh, NotificationKinds.Published, minutes: 3, readAt: 3);
        var lans = Add(Person.Lan, NotificationKinds.Submitted, minutes: 4);
        database.Clock.Advance(TimeSpan.FromDays(1));

        var marked = await service.MarkAllReadAsync(Person.Khanh.Principal);

        Assert.Equal(2, marked);
        Assert.Equal(0, await service.UnreadCountAsync(Person.Khanh.Principal));
        Assert.Equal(StoryDatabase.Start.AddMinutes(3), Row(alreadyRead).ReadAtUtc);
        Assert.Null(Row(lans).ReadAtUtc);
        Assert.Equal(1, await service.UnreadCountAsync(Person.Lan.Principal));
    }

    [Fact]
    public async Task Marking_TellsTheCircuitsListeners()
    {
        var id = Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        var told = 0;
        service.ReadStateChanged += () =>
        {
            told++;
            return Task.CompletedTask;
        };

        await service.MarkReadAsync(Person.Khanh.Principal, id);
        await service.MarkAllReadAsync(Person.Khanh.Principal);

        Assert.Equal(2, told);
    }

    [Fact]
    public async Task SomeoneWithoutAnId_SeesNothing()
    {
        Add(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());

        Assert.Empty(await service.ListAsync(anonymous));
        Assert.Equal(0, await service.UnreadCountAsync(anonymous));
        Assert.Equal(0, await service.MarkAllReadAsync(anonymous));
        Assert.Equal(1, await service.UnreadCountAsync(Person.Khanh.Principal));
    }

    private long Add(Person recipient, string kind, int minutes, string title = "Hội nghị", int? readAt = null)
    {
        using var db = database.CreateDbContext();
        var row = new Notification
        {
            RecipientId = recipient.Id,
            Kind = kind,
            ArticleTitle = title,
            ActorName = Person.Lan.FullName,
            CreatedAtUtc = StoryDatabase.Start.AddMinutes(minutes),
            ReadAtUtc = readAt is int at ? StoryDatabase.Start.AddMinutes(at) : null,
        };
        db.Notifications.Add(row);
        db.SaveChanges();
        return row.Id;
    }

    private Notification Row(long id)
    {
        using var db = database.CreateDbContext();
        return db.Notifications.AsNoTracking().Single(n => n.Id == id);
    }
}
