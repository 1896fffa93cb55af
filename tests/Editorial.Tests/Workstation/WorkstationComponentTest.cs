using Bunit;
using Bunit.TestDoubles;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Editorial.Tests.Workstation;

/// <summary>
/// A bUnit context set up like the workstation: MudBlazor, the localizer, and authorization that evaluates
/// the application's real policies against the roles a test gives the person.
/// </summary>
public abstract class WorkstationComponentTest : BunitContext
{
    protected WorkstationComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Authorization = AddAuthorization();

        // bUnit's stand-in answers policies from SetPolicies(); the workstation's menus must follow the roles
        // through the policies the app registers, so put the real policy provider and service back.
        Services.AddAuthorizationBuilder().AddEditorialPolicies();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected void SignIn(string userName, params string[] roles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(roles);
    }
}
