using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Core.Time;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Tests.Workstation;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Editorial.Tests.Notifications;

/// <summary>
/// The bell and the notifications page as Trần Khánh (a reporter) sees them in Vietnamese: the real
/// <see cref="NotificationService"/> over SQLite, the real <see cref="WorkstationEvents"/>, and MudBlazor's
/// popover and snackbar providers next to the component, as the workstation layout has them.
/// </summary>
public abstract class NotificationComponentTest : WorkstationComponentTest, IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CultureScope culture = CultureScope.Vietnamese();
    private IRenderedComponent<MudSnackbarProvider>? snackbars;
    private IRenderedComponent<MudPopoverProvider>? popovers;

    private protected NotificationComponentTest()
    {
        Services.AddSingleton<IDbContextFactory<EditorialDbContext>>(Database);
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(new PortalTime(Database.Clock, Vietnam()));
        Services.AddSingleton(new WorkstationEvents(NullLogger<WorkstationEvents>.Instance));
        Services.AddScoped<NotificationService>();

        SignIn(Person.Khanh.Id, Roles.Reporter);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Person.Khanh.Id), new Claim(AccountClaims.FullName, Person.Khanh.FullName));
    }

    private protected StoryDatabase Database { get; } = StoryDatabase.InMemory();

    protected WorkstationEvents Events => Services.GetRequiredService<WorkstationEvents>();

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected IRenderedComponent<MudSnackbarProvider> Snackbars =>
        snackbars ?? throw new InvalidOperationException("Render the component with RenderOnPage first.");

    /// <summary>Where an open menu's content is rendered.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers =>
        popovers ?? throw new InvalidOperationException("Render the component with RenderOnPage first.");

    protected IRenderedComponent<TComponent> RenderOnPage<TComponent>()
        where TComponent : IComponent
    {
        if (snackbars is null)
        {
            popovers = Render<MudPopoverProvider>();
            snackbars = Render<MudSnackbarProvider>();
        }

        return Render<TComponent>();
    }

    /// <summary>Stores a notification for <paramref name="recipient"/>, as the workflow does, and returns it as the bell shows it.</summary>
    private protected NotificationView Store(
        Person recipient, string kind, int minutes, string title = "Hội nghị sơ kết", int? articleId = 7, string? note = null, bool read = false)
    {
        using var db = Database.CreateDbContext();
        var row = new Notification
        {
            RecipientId = recipient.Id,
            Kind = kind,
            ArticleId = articleId,
            ArticleTitle = title,
            ActorName = Person.Lan.FullName,
            Note = note,
            CreatedAtUtc = StoryDatabase.Start.AddMinutes(minutes),
            ReadAtUtc = read ? StoryDatabase.Start.AddMinutes(minutes + 1) : null,
        };
        db.Notifications.Add(row);
        db.SaveChanges();
        return NotificationService.ToView(row);
    }

    protected int UnreadInDatabase(string recipientId)
    {
        using var db = Database.CreateDbContext();
        return db.Notifications.Count(n => n.RecipientId == recipientId && n.ReadAtUtc == null);
    }

    /// <summary>Clicks on the renderer's thread and waits for the (asynchronous) handler to finish.</summary>
    protected static void Click<TComponent>(IRenderedComponent<TComponent> page, Func<IElement> find)
        where TComponent : IComponent =>
        page.InvokeAsync(() => find().ClickAsync(new MouseEventArgs())).GetAwaiter().GetResult();

    private static TimeZoneInfo Vietnam()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var zone));
        return zone;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services are only IAsyncDisposable; xUnit's synchronous Dispose afterwards is then a no-op.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
        culture.Dispose();
    }
}
