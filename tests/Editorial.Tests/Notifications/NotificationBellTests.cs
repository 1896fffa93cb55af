using Bunit;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Editorial.Tests.Notifications;

/// <summary>The bell in the app bar: unread count, the latest notifications, marking read, and live arrivals.</summary>
public sealed class NotificationBellTests : NotificationComponentTest
{
    [Fact]
    public void Badge_ShowsTheOwnUnreadCount_WithASpokenLabel()
    {
        Store(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 2);
        Store(Person.Khanh, NotificationKinds.Scheduled, minutes: 3);
        Store(Person.Khanh, NotificationKinds.Published, minutes: 4, read: true);
        Store(Person.Lan, NotificationKinds.Submitted, minutes: 5);

        var bell = RenderOnPage<NotificationBell>();

        var badge = bell.Find("[data-testid=notification-count] .mud-badge");
        Assert.Equal("3", badge.TextContent.Trim());
        Assert.Equal("3 thông báo chưa đọc", badge.GetAttribute("aria-label"));
        Assert.Equal("3 thông báo chưa đọc", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Badge_IsHidden_WhenEverythingIsRead()
    {
        Store(Person.Khanh, NotificationKinds.Published, minutes: 4, read: true);

        var bell = RenderOnPage<NotificationBell>();

        Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge"));
        Assert.Equal("Thông báo", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Menu_ListsTheLatest15_UnreadMarked_WithSentenceNoteAndTime()
    {
        for (var i = 1; i <= 18; i++)
        {
            Store(Person.Khanh, NotificationKinds.Approved, minutes: i, title: $"Bài số {i}", read: i <= 16);
        }

        Store(Person.Khanh, NotificationKinds.Returned, minutes: 30, title: "Hội nghị sơ kết",
            note: "Bổ sung số liệu giải ngân vốn đầu tư công và tên đầy đủ của các đồng chí chủ trì.");

        var bell = RenderOnPage<NotificationBell>();
        Open(bell);

        var items = Popovers.FindAll("[data-testid=notification-item]");
        Assert.Equal(15, items.Count);
        Assert.Equal(["true", "true", "true", "false"], items.Take(4).Select(i => i.GetAttribute("data-unread")));

        var first = items[0];
        Assert.Equal("Nguyễn Thị Lan trả lại bài “Hội nghị sơ kết” để sửa", first.QuerySelector(".notification-sentence")!.TextContent.Trim());
        Assert.Equal("Bổ sung số liệu giải ngân vốn đầu tư công và tên đầy đủ của các đồng chí chủ trì.", first.QuerySelector(".notification-note")!.TextContent.Trim());
        Assert.Equal("20/04/2017 07:30", first.QuerySelector(".notification-time")!.TextContent.Trim()); // Vietnam time
        Assert.Contains("is-unread", first.QuerySelector(".notification-line")!.ClassName);
        Assert.Equal("Nguyễn Thị Lan đã duyệt bài “Bài số 18”", items[1].QuerySelector(".notification-sentence")!.TextContent.Trim());
        Assert.Contains("is-read", items[3].QuerySelector(".notification-line")!.ClassName);
        Assert.Equal("Bài số 5", TitleIn(items[14].TextContent)); // 30, 18 … 5
    }

    [Fact]
    public void ClickingAnItem_MarksItRead_AndOpensTheStory()
    {
        var returned = Store(Person.Khanh, NotificationKinds.Returned, minutes: 1, articleId: 42);
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 2, articleId: 43);

        var bell = RenderOnPage<NotificationBell>();
        Open(bell);
        Click(Popovers, () => Popovers.FindAll("[data-testid=notification-item]").Single(i => i.TextContent.Contains("trả lại")));

        Assert.EndsWith("/editorial/stories/42", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, UnreadInDatabase(Person.Khanh.Id));
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
        Assert.NotEqual(0, returned.Id);
    }

    [Fact]
    public void SubmittedStories_OpenOnTheReviewPage()
    {
        SignIn(Person.Lan.Id, Editorial.Core.Accounts.Roles.Editor);
        Authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Person.Lan.Id));
        Store(Person.Lan, NotificationKinds.Submitted, minutes: 1, articleId: 9);

        var bell = RenderOnPage<NotificationBell>();
        Open(bell);
        Click(Popovers, () => Popovers.Find("[data-testid=notification-item]"));

        Assert.EndsWith("/editorial/review/9", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(0, UnreadInDatabase(Person.Lan.Id));
    }

    [Fact]
    public void MarkAll_ClearsTheCountAndTheBoldLines_ButOnlyOwn()
    {
        Store(Person.Khanh, NotificationKinds.Returned, minutes: 1);
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 2);
        Store(Person.Lan, NotificationKinds.Submitted, minutes: 3);

        var bell = RenderOnPage<NotificationBell>();
        Open(bell);
        Click(Popovers, () => Popovers.Find("[data-testid=notifications-mark-all]"));

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge")), Patience);
        Popovers.WaitForAssertion(() => Assert.All(Popovers.FindAll("[data-testid=notification-item]"), i => Assert.Equal("false", i.GetAttribute("data-unread"))), Patience);
        Assert.Empty(Popovers.FindAll("[data-testid=notifications-mark-all]"));
        Assert.Equal(0, UnreadInDatabase(Person.Khanh.Id));
        Assert.Equal(1, UnreadInDatabase(Person.Lan.Id));
    }

    [Fact]
    public async Task LiveArrival_RaisesTheCount_PrependsIt_AndShowsASnackbar()
    {
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 1, title: "Bài cũ");
        var bell = RenderOnPage<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
        var renders = bell.RenderCount;

        // As the workflow does from another person's circuit: store, then tell whoever is listening.
        var returned = Store(Person.Khanh, NotificationKinds.Returned, minutes: 2, title: "Hội nghị tổng kết", articleId: 55, note: "Thiếu ảnh");
        await Events.NotifyAsync(Person.Khanh.Id, returned);

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
        Assert.True(bell.RenderCount > renders);

        var shown = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Warning, shown.Severity);
        Snackbars.WaitForAssertion(() => Assert.Equal("Nguyễn Thị Lan trả lại bài “Hội nghị tổng kết” để sửa", Snackbars.Find(".notification-toast-text").TextContent.Trim()), Patience);
        var link = Snackbars.Find("[data-testid=notification-toast-open]");
        Assert.Equal("Mở bài →", link.TextContent.Trim());
        Assert.Equal("/editorial/stories/55", link.GetAttribute("href"));

        // The snackbar's link opens the story, marks it read and goes away.
        Click(Snackbars, () => Snackbars.Find("[data-testid=notification-toast-open]"));
        Assert.EndsWith("/editorial/stories/55", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, UnreadInDatabase(Person.Khanh.Id));
        Snackbars.WaitForAssertion(() => Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars), Patience);
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task LiveArrival_IsPrependedToTheOpenList_AndOpeningTheBellPutsTheToastAway()
    {
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 1, title: "Bài cũ", read: true);
        var bell = RenderOnPage<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge")), Patience);

        await Events.NotifyAsync(Person.Khanh.Id, Store(Person.Khanh, NotificationKinds.Scheduled, minutes: 2, title: "Lễ hội Chợ tình Khâu Vai"));
        Snackbars.WaitForAssertion(() => Assert.Single(Snackbars.FindAll(".notification-toast")), Patience);

        Open(bell);

        var items = Popovers.FindAll("[data-testid=notification-item]");
        Assert.Equal(["Lễ hội Chợ tình Khâu Vai", "Bài cũ"], items.Select(i => TitleIn(i.TextContent)));
        Assert.Equal(["true", "false"], items.Select(i => i.GetAttribute("data-unread")));
        Snackbars.WaitForAssertion(() => Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars), Patience);
    }

    [Fact]
    public async Task LiveArrival_OfGoodNews_IsInfo_AndOthersNotificationsAreNotHeard()
    {
        var bell = RenderOnPage<NotificationBell>();
        Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge"));

        await Events.NotifyAsync(Person.Lan.Id, Store(Person.Lan, NotificationKinds.Submitted, minutes: 1));
        await Events.NotifyAsync(Person.Khanh.Id, Store(Person.Khanh, NotificationKinds.Published, minutes: 2, title: "Khai mạc lễ hội"));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
        var shown = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Info, shown.Severity);
        Snackbars.WaitForAssertion(() => Assert.Equal("Bài “Khai mạc lễ hội” đã được xuất bản", Snackbars.Find(".notification-toast-text").TextContent.Trim()), Patience);
        Assert.DoesNotContain("gửi bài chờ duyệt", Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheBellIsGone_ArrivalsAreNotDelivered()
    {
        var bell = RenderOnPage<NotificationBell>();
        bell.WaitForAssertion(() => Assert.NotNull(bell.Find("[data-testid=notification-bell]")), Patience);

        await DisposeComponentsAsync();
        await Events.NotifyAsync(Person.Khanh.Id, Store(Person.Khanh, NotificationKinds.Returned, minutes: 1));

        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    private void Open(IRenderedComponent<NotificationBell> bell)
    {
        Click(bell, () => bell.Find("[data-testid=notification-bell] button"));
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll("[data-testid=notifications-view-all]")), Patience);
    }

    /// <summary>The story title inside a sentence's quotation marks.</summary>
    private static string TitleIn(string text)
    {
        var start = text.IndexOf('“', StringComparison.Ordinal) + 1;
        return text[start..text.IndexOf('”', start)];
    }
}
