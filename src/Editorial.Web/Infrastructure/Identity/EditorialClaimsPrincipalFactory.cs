using System.Security.Claims;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Editorial.Web.Infrastructure.Identity;

public static class AccountClaims
{
    public const string FullName = "editorial:full_name";
}

/// <summary>Puts the person's full name in the sign-in cookie so the shell can greet them without a query.</summary>
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

        return identity;
    }
}
