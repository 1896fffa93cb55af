using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Editorial.Web.Features.Accounts;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign people out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] ILoggerFactory loggers,
            HttpContext context) =>
        {
            var userName = context.User.Identity?.Name;
            await signInManager.SignOutAsync();
            loggers.CreateLogger("Editorial.Accounts").LogInformation("{UserName} signed out", userName);
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
