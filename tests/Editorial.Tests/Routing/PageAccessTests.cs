using System.Reflection;
using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Routing;

/// <summary>
/// Reads every routable component of the web assembly and evaluates its [Authorize] data with the
/// application's real policies, for an anonymous visitor, a signed-in person without a role, and each role.
/// </summary>
public sealed class PageAccessTests
{
    private const string Anonymous = "(anonymous)";
    private const string NoRole = "(signed in, no role)";

    private static readonly string[] Visitors = [Anonymous, NoRole, Roles.Reporter, Roles.Editor, Roles.Administrator];

    /// <summary>Account pages a person must reach before signing in.</summary>
    private static readonly string[] PublicAccountPages = ["/Account/Login", "/Account/Lockout", "/Account/AccessDenied"];

    private static readonly string[] PortalPages = ["/", "/not-found", "/Error"];

    public static IReadOnlyList<RoutablePage> Pages { get; } = RoutablePage.All(typeof(Program).Assembly);

    [Fact]
    public void TheScan_FindsTheKnownPages()
    {
        var routes = Pages.Select(p => p.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);

        string[] expected =
        [
            "/", "/not-found", "/Error",
            "/Account/Login", "/Account/Lockout", "/Account/AccessDenied", "/Account/Manage/ChangePassword",
            "/editorial", "/editorial/my-stories", "/editorial/review", "/editorial/schedule",
            "/admin/users", "/admin/categories", "/admin/audit",
        ];
        Assert.All(expected, route => Assert.Contains(route, routes));
    }

    [Fact]
    public async Task EveryWorkstationAndAdministrationPage_FollowsTheAccessRules()
    {
        var violations = new List<string>();
        foreach (var page in Pages)
        {
            violations.AddRange(await AccessRules.ViolationsAsync(page));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    public static TheoryData<string, string[]> ExpectedAccess => new()
    {
        { "/editorial", [Roles.Reporter, Roles.Editor, Roles.Administrator] },
        { "/editorial/my-stories", [Roles.Reporter, Roles.Editor, Roles.Administrator] },
        { "/editorial/review", [Roles.Editor, Roles.Administrator] },
        { "/editorial/schedule", [Roles.Editor, Roles.Administrator] },
        { "/admin/users", [Roles.Administrator] },
        { "/admin/categories", [Roles.Administrator] },
        { "/admin/audit", [Roles.Administrator] },
        { "/Account/Manage/ChangePassword", [NoRole, Roles.Reporter, Roles.Editor, Roles.Administrator] },
        { "/Account/Login", Visitors },
        { "/Account/Lockout", Visitors },
        { "/Account/AccessDenied", Visitors },
        { "/", Visitors },
        { "/not-found", Visitors },
        { "/Error", Visitors },
    };

    [Theory]
    [MemberData(nameof(ExpectedAccess))]
    public async Task Page_AdmitsExactlyTheExpectedVisitors(string route, string[] admitted)
    {
        var page = Assert.Single(Pages, p => string.Equals(p.Route, route, StringComparison.OrdinalIgnoreCase));

        var actual = await AccessRules.AdmittedAsync(page);

        Assert.Equal(admitted.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/editorial/review")]
    [InlineData("/editorial/schedule")]
    public void ReviewPages_NameTheReviewPolicy(string route)
    {
        var page = Assert.Single(Pages, p => p.Route == route);

        Assert.Contains(Policies.Review, page.PolicyNames);
    }

    [Fact]
    public void EveryAdministrationPage_NamesTheAdministerPolicy()
    {
        var admin = Pages.Where(p => p.Route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(admin);
        Assert.All(admin, page => Assert.Contains(Policies.Administer, page.PolicyNames));
    }

    [Fact]
    public void EveryAccountPage_AndThePortalPages_AreStaticallyRendered()
    {
        var staticPages = Pages
            .Where(p => p.Route.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase) || PortalPages.Contains(p.Route))
            .ToList();

        Assert.True(staticPages.Count >= PortalPages.Length + PublicAccountPages.Length + 1);
        var interactive = staticPages.Where(p => !p.ExcludedFromInteractiveRouting).Select(p => p.Route).ToList();
        Assert.True(interactive.Count == 0, "Missing [ExcludeFromInteractiveRouting]: " + string.Join(", ", interactive));
    }

    [Fact]
    public void WorkstationPages_AreInteractive()
    {
        // The workstation relies on the circuit (MudBlazor menus, grids); excluding it would silently break them.
        var workstation = Pages.Where(p => p.Route.StartsWith("/editorial", StringComparison.OrdinalIgnoreCase) || p.Route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase));

        Assert.All(workstation, page => Assert.False(page.ExcludedFromInteractiveRouting, page.Route));
    }

    [Fact]
    public async Task TheRules_CatchAnAdministrationPageWithoutAttribute()
    {
        var page = Assert.Single(RoutablePage.Of(typeof(UnprotectedAdminPage)));

        var violations = await AccessRules.ViolationsAsync(page);

        Assert.NotEmpty(violations);
    }

    [Fact]
    public async Task TheRules_CatchAWorkstationPageOpenToAnyoneSignedIn()
    {
        var page = Assert.Single(RoutablePage.Of(typeof(BareAuthorizeEditorialPage)));

        Assert.NotEmpty(await AccessRules.ViolationsAsync(page));
    }

    [Fact]
    public async Task TheRules_CatchAnAnonymousWorkstationPage()
    {
        var page = Assert.Single(RoutablePage.Of(typeof(AllowAnonymousEditorialPage)));

        Assert.NotEmpty(await AccessRules.ViolationsAsync(page));
    }

    [Fact]
    public async Task TheRules_CatchAnAdministrationPageGuardedOnlyByReview()
    {
        var page = Assert.Single(RoutablePage.Of(typeof(ReviewGuardedAdminPage)));

        Assert.NotEmpty(await AccessRules.ViolationsAsync(page));
    }

    [Fact]
    public async Task TheRules_AcceptAProperlyGuardedAdministrationPage()
    {
        var page = Assert.Single(RoutablePage.Of(typeof(GuardedAdminPage)));

        Assert.Empty(await AccessRules.ViolationsAsync(page));
    }

    /// <summary>A routable component and what its attributes (including those from _Imports.razor) say.</summary>
    public sealed record RoutablePage(Type Component, string Route)
    {
        public IReadOnlyList<IAuthorizeData> AuthorizeData { get; } = Component.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToList();

        public bool AllowsAnonymous { get; } = Component.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();

        public bool ExcludedFromInteractiveRouting { get; } = Component.GetCustomAttributes<ExcludeFromInteractiveRoutingAttribute>(inherit: true).Any();

        public IReadOnlyList<string> PolicyNames => AuthorizeData.Select(a => a.Policy).OfType<string>().ToList();

        public static IReadOnlyList<RoutablePage> All(Assembly assembly) =>
            assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract).SelectMany(Of).ToList();

        public static IEnumerable<RoutablePage> Of(Type component) =>
            component.GetCustomAttributes<RouteAttribute>(inherit: false).Select(route => new RoutablePage(component, route.Template));

        public override string ToString() => $"{Route} ({Component.Name})";
    }

    private static class AccessRules
    {
        private static readonly IServiceProvider Services = new ServiceCollection()
            .AddLogging()
            .AddAuthorizationBuilder().AddEditorialPolicies().Services
            .BuildServiceProvider();

        public static async Task<IReadOnlyList<string>> AdmittedAsync(RoutablePage page)
        {
            if (page.AllowsAnonymous)
            {
                return Visitors;
            }

            var provider = Services.GetRequiredService<IAuthorizationPolicyProvider>();
            var policy = await AuthorizationPolicy.CombineAsync(provider, page.AuthorizeData);
            if (policy is null)
            {
                return Visitors;
            }

            var authorization = Services.GetRequiredService<IAuthorizationService>();
            var admitted = new List<string>();
            foreach (var visitor in Visitors)
            {
                if ((await authorization.AuthorizeAsync(Principal(visitor), policy)).Succeeded)
                {
                    admitted.Add(visitor);
                }
            }

            return admitted;
        }

        public static async Task<IReadOnlyList<string>> ViolationsAsync(RoutablePage page)
        {
            var violations = new List<string>();
            var route = page.Route;
            var admitted = await AdmittedAsync(page);

            if (route.StartsWith("/editorial", StringComparison.OrdinalIgnoreCase))
            {
                // Policies.Write (all three roles) or stricter; never anyone without a newsroom role.
                if (admitted.Contains(Anonymous) || admitted.Contains(NoRole))
                {
                    violations.Add($"{page}: admits {string.Join(", ", admitted)}; needs at least Policies.Write");
                }

                if (page.PolicyNames.Count == 0)
                {
                    violations.Add($"{page}: no [Authorize(Policy = ...)]");
                }
            }

            if (route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            {
                if (!admitted.SequenceEqual([Roles.Administrator]))
                {
                    violations.Add($"{page}: admits {string.Join(", ", admitted)}; must admit administrators only");
                }

                if (!page.PolicyNames.Contains(Policies.Administer))
                {
                    violations.Add($"{page}: lacks [Authorize(Policy = Policies.Administer)]");
                }
            }

            if (route.Equals("/editorial/review", StringComparison.OrdinalIgnoreCase) || route.Equals("/editorial/schedule", StringComparison.OrdinalIgnoreCase))
            {
                if (!page.PolicyNames.Contains(Policies.Review))
                {
                    violations.Add($"{page}: lacks [Authorize(Policy = Policies.Review)]");
                }
            }

            if (route.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)
                && !PublicAccountPages.Contains(route, StringComparer.OrdinalIgnoreCase)
                && admitted.Contains(Anonymous))
            {
                violations.Add($"{page}: account page open to anonymous visitors");
            }

            return violations;
        }

        private static ClaimsPrincipal Principal(string visitor) => visitor switch
        {
            Anonymous => new ClaimsPrincipal(new ClaimsIdentity()),
            NoRole => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "khach")], "Test")),
            _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "nguoi-dung"), new Claim(ClaimTypes.Role, visitor)], "Test")),
        };
    }

    // Stand-ins for pages someone might add by mistake; they prove the rules above would notice.
    [Route("/admin/new-page")]
    private sealed class UnprotectedAdminPage : ComponentBase;

    [Route("/admin/new-page")]
    [Authorize(Policy = Policies.Review)]
    private sealed class ReviewGuardedAdminPage : ComponentBase;

    [Route("/admin/new-page")]
    [Authorize(Policy = Policies.Administer)]
    private sealed class GuardedAdminPage : ComponentBase;

    [Route("/editorial/new-page")]
    [Authorize]
    private sealed class BareAuthorizeEditorialPage : ComponentBase;

    [Route("/editorial/new-page")]
    [Authorize(Policy = Policies.Write)]
    [AllowAnonymous]
    private sealed class AllowAnonymousEditorialPage : ComponentBase;
}
