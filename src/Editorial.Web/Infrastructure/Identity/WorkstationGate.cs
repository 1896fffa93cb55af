using Microsoft.AspNetCore.Authentication;

namespace Editorial.Web.Infrastructure.Identity;

/// <summary>
/// Defence in depth: every request under /editorial or /admin needs a signed-in person, even for a
/// page that forgot its [Authorize] attribute or a path that does not exist (no probing of staff URLs).
/// The pages' own policies still decide which role may open what.
/// A person who must change their password (an account just created, or an administrator asked for it)
/// is sent to the change-password page from every staff address until they have (and refused by /api).
/// </summary>
public static class WorkstationGate
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    private static readonly PathString[] StaffAreas = ["/editorial", "/admin"];

    public static bool IsStaffArea(PathString path) =>
        StaffAreas.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseWorkstationGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsStaffArea(context.Request.Path))
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    await context.ChallengeAsync();
                    return;
                }

                if (AccountClaims.MustChangePasswordOf(context.User))
                {
                    var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect($"{context.Request.PathBase}{ChangePasswordPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
                    return;
                }
            }

            else if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && AccountClaims.MustChangePasswordOf(context.User))
            {
                // Scripts and the editor's uploads are no way around the password change either.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
}
