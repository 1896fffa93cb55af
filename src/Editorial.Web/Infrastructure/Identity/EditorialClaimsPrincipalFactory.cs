using System.Security.Claims;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Editorial.Web.Infrastructure.Identity;

public static class AccountClaims
{
    public const string FullName = "editorial:full_name";

    /// <summary>Present ("true") while the person must choose a new password before using the workstation.</summary>
    public const string MustChangePassword = "editorial:must_change_password";

    public static bool MustChangePasswordOf(ClaimsPrincipal user) => user.HasClaim(MustChangePassword, "true");
}

/// <summary>
/// Puts the person's full name in the sign-in cookie so the shell can greet them without a query, and marks a
/// person who must change their password (the workstation gate reads it on every request). The cookie is
/// rebuilt from the database at each security-stamp validation, so the mark follows an administrator's change.
/// </summary>
public sealed class EditorialClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim(AccountClaims.FullName, user.FullName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
