using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Editorial.Web.Features.Workflow;

/// <summary>The body of <c>POST /api/stories/{id}/workflow</c>.</summary>
public sealed record WorkflowRequestBody(
    string? Action,
    string? Note = null,
    DateTimeOffset? ScheduledFor = null,
    string? ExpectedState = null,
    bool AcceptWarnings = false);

/// <summary>The answer: the outcome, the story's state, and one Vietnamese sentence.</summary>
public sealed record WorkflowResponseBody(string Outcome, string? State, string Message, IReadOnlyList<string>? Checklist = null);

/// <summary>
/// The workflow as an HTTP endpoint, for scripts and integrations: the same service as the pages, so a
/// reporter posting "approve" is refused exactly as the page would refuse them, and it is audited.
/// Requires sign-in and the antiforgery token (header <c>RequestVerificationToken</c>).
/// </summary>
public static class WorkflowEndpoints
{
    public const string Route = "/api/stories/{id:int}/workflow";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, TransitionAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> TransitionAsync(
        int id,
        HttpContext context,
        [FromServices] StoryWorkflowService workflow,
        [FromServices] WorkflowMessages messages,
        [FromServices] IAntiforgery antiforgery,
        [FromServices] IAuthorizationService authorization,
        [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.UiText> text)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Answer(StatusCodes.Status401Unauthorized, new("unauthorized", null, text["Workflow.SignInRequired"]));
        }

        if (!(await authorization.AuthorizeAsync(context.User, Policies.Write)).Succeeded)
        {
            return Answer(StatusCodes.Status403Forbidden, new("forbidden", null, text["Workflow.Refusal.NotEditor"]));
        }

        // Checked here rather than by the middleware, so a script gets a JSON answer instead of a 400 page.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Answer(StatusCodes.Status400BadRequest, new("antiforgery", null, text["Workflow.BadToken"]));
        }

        WorkflowRequestBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<WorkflowRequestBody>(Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Action is null || !Enum.TryParse<WorkflowAction>(body.Action.Replace("-", ""), ignoreCase: true, out var action) || int.TryParse(body.Action, out _))
        {
            return Answer(StatusCodes.Status400BadRequest, new("bad-request", null, text["Workflow.UnknownAction", string.Join(", ", Enum.GetNames<WorkflowAction>())]));
        }

        ArticleState? expected = Enum.TryParse<ArticleState>(body.ExpectedState, ignoreCase: true, out var parsed) ? parsed : null;
        var result = await workflow.ExecuteAsync(
            id, action, context.User,
            new WorkflowInput(body.Note, body.ScheduledFor, expected, body.AcceptWarnings),
            context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);

        var message = messages.Describe(result);
        return result switch
        {
            TransitionResult.Done done => Answer(StatusCodes.Status200OK, new("done", done.To.ToString(), message)),
            TransitionResult.Refused refused => Answer(StatusCodes.Status403Forbidden, new(
                refused.Reason.ToString(), null, message,
                refused.Checklist.Where(c => !c.Passed).Select(c => c.Item.ToString()).ToList())),
            TransitionResult.NeedsConfirmation confirm => Answer(StatusCodes.Status409Conflict, new(
                "needs-confirmation", null, message, confirm.Checklist.Where(c => !c.Passed).Select(c => c.Item.ToString()).ToList())),
            TransitionResult.AlreadyHandled handled => Answer(StatusCodes.Status409Conflict, new("already-handled", handled.Current.ToString(), message)),
            _ => Answer(StatusCodes.Status404NotFound, new("not-found", null, message)),
        };
    }

    private static IResult Answer(int status, WorkflowResponseBody body) => Results.Json(body, Json, statusCode: status);
}
