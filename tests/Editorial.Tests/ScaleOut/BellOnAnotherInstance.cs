using System.Security.Claims;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Core.Time;
using Editorial.Tests.Workstation;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Editorial.Tests.ScaleOut;

/// <summary>
/// A person's workstation page open on one instance: the real <see cref="NotificationBell"/> rendered by bUnit
/// with that instance's live events, database and clock, as its circuit would have them.
/// </summary>
internal sealed class BellOnAnotherInstance : WorkstationComponentTest
{
    public BellOnAnotherInstance(InstanceApp instance, ClaimsPrincipal person, string fullName)
    {
        Services.AddSingleton(instance.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>());
        Services.AddSingleton(instance.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(instance.Services.GetRequiredService<PortalTime>());
        Services.AddSingleton(instance.Services.GetRequiredService<WorkstationEvents>());
        Services.AddScoped<NotificationService>();

        SignIn(person.Identity!.Name!, Roles.Of(person).ToArray());
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, AccountIdentity.IdOf(person)), new Claim(AccountClaims.FullName, fullName));
    }

    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;

    public IRenderedComponent<NotificationBell> Open()
    {
        Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<NotificationBell>();
    }

    public static string Badge(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll("[data-testid=notification-count] .mud-badge").SingleOrDefault()?.TextContent.Trim() ?? "0";
}
