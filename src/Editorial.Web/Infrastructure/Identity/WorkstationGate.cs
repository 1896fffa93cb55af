using Microsoft.AspNetCore.Authentication;

namespace Editorial.Web.Infrastructure.Identity;

/// <summary>
/// Defence in depth: every request under /editorial or /admin needs a signed-in person, even for a
/// page that forgot its [Authorize] attribute or a path that does not exist (no probing of staff URLs).
/// The pages' own policies still decide which role may open what.
/// </summary>
public static class WorkstationGate
{
    private static readonly PathString[] StaffAreas = ["/editorial", "/admin"];

    public static bool IsStaffArea(PathString path) =>
        StaffAreas.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseWorkstationGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsStaffArea(context.Request.Path) && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
}
