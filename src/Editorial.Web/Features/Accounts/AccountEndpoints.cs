using Editorial.Web.Features.Administration;
using Microsoft.AspNetCore.Antiforgery;
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
            [FromServices] AuditTrail audit,
            [FromServices] IAntiforgery antiforgery,
            HttpContext context) =>
        {
            // The endpoint binds no form value, so the antiforgery middleware would not check it.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var userName = context.User.Identity?.Name;
            await signInManager.SignOutAsync();
            if (userName is not null)
            {
                await audit.RecordAsync(AuditActions.SignOut, userName, clientAddress: context.Connection.RemoteIpAddress?.ToString());
            }

            loggers.CreateLogger("Editorial.Accounts").LogInformation("{UserName} signed out", userName);
            return Results.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
