using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Web.Features.Portal.Stories;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Editorial.Web.Features.Portal.Preview;

/// <summary>
/// GET /editorial/stories/{id}/preview: the story as readers will see it, in any state, for staff who may
/// open it (reporters their own stories, editors and administrators all). Rendered by the same
/// <see cref="StoryView"/> as the public page, statically, marked "Xem trước" with the state; never cached.
/// </summary>
public static class PreviewEndpoint
{
    public const string Route = "/editorial/stories/{id:int}/preview";

    public static RouteHandlerBuilder MapStoryPreview(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, PreviewAsync).RequireAuthorization(Policies.Write);

    internal static async Task<IResult> PreviewAsync(int id, HttpContext context, PortalStories stories, CancellationToken cancellationToken)
    {
        var story = await stories.AnyStateAsync(id, cancellationToken);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);

        // Someone else's draft answers as if it did not exist: its id tells nothing.
        if (story is null || userId is null || !ArticlePermissions.CanView(userId, Roles.Of(context.User), story.AuthorId, story.State))
        {
            return Results.NotFound();
        }

        var others = await stories.OthersAsync(story.Id, story.Category?.Id, cancellationToken);
        context.Response.Headers.CacheControl = "no-store, private";
        return new RazorComponentResult<StoryPreviewDocument>(new Dictionary<string, object?>
        {
            [nameof(StoryPreviewDocument.Story)] = story,
            [nameof(StoryPreviewDocument.Others)] = others,
        });
    }
}
