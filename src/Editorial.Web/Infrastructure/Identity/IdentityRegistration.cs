using Editorial.Core.Accounts;
using Editorial.Web.Features.Accounts;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Editorial.Web.Infrastructure.Identity;

public static class IdentityRegistration
{
    public const int MinimumPasswordLength = 10;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a sign-in cookie is checked against the account (security stamp) and rebuilt from it: a lock,
    /// a disabling or a role change by an administrator ends the person's sessions within this time.
    /// </summary>
    public static readonly TimeSpan SessionValidationInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddEditorialIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "Editorial.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionValidationInterval);

        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EditorialDbContext>()
            .AddSignInManager<EditorialSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<EditorialClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder().AddEditorialPolicies();
        return services;
    }

    /// <summary>Password, lockout and sign-in rules; public so tests build the same UserManager as the app.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        // Accounts are made by administrators; there is no self-registration or e-mail step.
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = false;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
    }

    public static AuthorizationBuilder AddEditorialPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var policy in Policies.All)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(Policies.RolesFor(policy)));
        }

        return authorization;
    }
}
