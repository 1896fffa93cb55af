using System.Security.Claims;

namespace Editorial.Core.Accounts;

/// <summary>Who a signed-in principal is, as the services store it (the account id, or "" when anonymous).</summary>
public static class AccountIdentity
{
    public static string IdOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
}
