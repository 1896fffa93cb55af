using Bunit;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Workstation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Review;

/// <summary>The number of stories waiting, beside "Chờ duyệt" in the navigation.</summary>
public sealed class ReviewQueueBadgeTests : ReviewComponentTest
{
    [Fact]
    public async Task An_editor_sees_how_many_stories_wait_beside_the_link()
    {
        await Db.SubmitNewAsync(Person.Khanh, "Bài một");
        await Db.SubmitNewAsync(Person.Nga, "Bài hai");
        await Db.WriteAsync(Person.Nga, "Bản nháp");
        SignIn(Person.Lan);

        var menu = RenderPage<NavMenu>();

        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=review-count]").TextContent.Trim()), Patience);
        Assert.Equal("2 bài đang chờ duyệt", menu.Find("[data-testid=review-count]").GetAttribute("title"));

        // Beside the link, not inside it: the link still reads "Chờ duyệt".
        var link = menu.FindAll("a.mud-nav-link").Single(a => a.GetAttribute("href") == "/editorial/review");
        Assert.Equal("Chờ duyệt", link.TextContent.Trim());
    }

    [Fact]
    public async Task No_number_when_nothing_waits()
    {
        await Db.WriteAsync(Person.Khanh, "Bản nháp");
        SignIn(Person.Lan);

        var menu = RenderPage<NavMenu>();

        menu.WaitForAssertion(() => Assert.Contains("Chờ duyệt", menu.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(menu.FindAll("[data-testid=review-count]"));
    }

    [Fact]
    public async Task A_submission_raises_the_number_at_once()
    {
        await Db.SubmitNewAsync(Person.Khanh, "Bài một");
        SignIn(Person.Lan);
        var menu = RenderPage<NavMenu>();
        menu.WaitForAssertion(() => Assert.Equal("1", menu.Find("[data-testid=review-count]").TextContent.Trim()), Patience);

        // Editors are notified of every submission; the notification makes the menu count again.
        await Db.SubmitNewAsync(Person.Nga, "Bài hai");

        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=review-count]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Moving_to_another_page_counts_again()
    {
        var id = await Db.SubmitNewAsync(Person.Khanh, "Bài một");
        await Db.SubmitNewAsync(Person.Nga, "Bài hai");
        SignIn(Person.Lan);
        var menu = RenderPage<NavMenu>();
        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=review-count]").TextContent.Trim()), Patience);

        // Approved by another editor: no notification reaches this one, the next navigation does.
        await Db.ActAsync(Person.Minh, id, WorkflowAction.Approve);
        await menu.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("/editorial/review"));

        menu.WaitForAssertion(() => Assert.Equal("1", menu.Find("[data-testid=review-count]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task A_reporter_sees_no_number()
    {
        await Db.SubmitNewAsync(Person.Khanh, "Bài một");
        SignIn(Person.Khanh);

        var menu = RenderPage<NavMenu>();

        menu.WaitForAssertion(() => Assert.Contains("Bài của tôi", menu.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(menu.FindAll("[data-testid=review-count]"));
    }
}
