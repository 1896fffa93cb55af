using Bunit;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Notifications;
using Microsoft.AspNetCore.Components;

namespace Editorial.Tests.Notifications;

/// <summary>/editorial/notifications: the latest 200, the unread filter, marking read; the bell follows.</summary>
public sealed class NotificationsPageTests : NotificationComponentTest
{
    [Fact]
    public void ListsTheLatest200_OwnOnly_NewestFirst()
    {
        for (var i = 1; i <= 205; i++)
        {
            Store(Person.Khanh, NotificationKinds.Approved, minutes: i, title: $"Bài số {i}", read: i % 2 == 0);
        }

        Store(Person.Lan, NotificationKinds.Submitted, minutes: 300, title: "Bài của biên tập viên");

        var page = RenderOnPage<Web.Features.Notifications.Notifications>();

        var items = page.WaitForElements("[data-testid=notification-item]", Patience);
        Assert.Equal(200, items.Count);
        Assert.Contains("Bài số 205", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Bài số 6", items[^1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bài của biên tập viên", page.Markup, StringComparison.Ordinal);
        Assert.Equal("103 thông báo chưa đọc", page.Find("[data-testid=notifications-unread-count]").TextContent.Trim());
    }

    [Fact]
    public async Task UnreadFilter_ShowsOnlyUnread()
    {
        Store(Person.Khanh, NotificationKinds.Returned, minutes: 1, title: "Chưa đọc một");
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 2, title: "Đã đọc", read: true);
        Store(Person.Khanh, NotificationKinds.Published, minutes: 3, title: "Chưa đọc hai");

        var page = RenderOnPage<Web.Features.Notifications.Notifications>();
        Assert.Equal(3, page.WaitForElements("[data-testid=notification-item]", Patience).Count);
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSwitch<bool>>().Find("input").ChangeAsync(new ChangeEventArgs { Value = true }));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification-item]").Count), Patience);
        Assert.All(page.FindAll("[data-testid=notification-item]"), i => Assert.Equal("true", i.GetAttribute("data-unread")));
        Assert.DoesNotContain("“Đã đọc”", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkOne_ThenAll_AndTheBellFollows()
    {
        Store(Person.Khanh, NotificationKinds.Returned, minutes: 1, title: "Một");
        Store(Person.Khanh, NotificationKinds.Approved, minutes: 2, title: "Hai");
        Store(Person.Khanh, NotificationKinds.Published, minutes: 3, title: "Ba");
        Store(Person.Lan, NotificationKinds.Submitted, minutes: 4);

        var page = RenderOnPage<Web.Features.Notifications.Notifications>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("3", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);
        page.WaitForElements("[data-testid=notification-item]", Patience);

        Click(page, () => page.FindAll("[data-testid=notification-item]")[1].QuerySelector("[data-testid=notification-mark-read]")!);

        page.WaitForAssertion(() => Assert.Equal(["true", "false", "true"], page.FindAll("[data-testid=notification-item]").Select(i => i.GetAttribute("data-unread"))), Patience);
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim()), Patience);

        Click(page, () => page.Find("[data-testid=notifications-mark-all]"));

        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=notification-item]"), i => Assert.Equal("false", i.GetAttribute("data-unread"))), Patience);
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge")), Patience);
        Assert.Equal(0, UnreadInDatabase(Person.Khanh.Id));
        Assert.Equal(1, UnreadInDatabase(Person.Lan.Id));
    }

    [Fact]
    public void Nothing_SaysSo()
    {
        var page = RenderOnPage<Web.Features.Notifications.Notifications>();

        Assert.Equal("Chưa có thông báo nào.", page.WaitForElement("[data-testid=notifications-empty]", Patience).TextContent.Trim());
    }
}
