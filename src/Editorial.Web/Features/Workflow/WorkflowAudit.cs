using Editorial.Core.Workflow;

namespace Editorial.Web.Features.Workflow;

/// <summary>Audit codes of the workflow: one per transition, one for refused attempts, one for take-overs.</summary>
public static class WorkflowAudit
{
    public const string Prefix = "story.";
    public const string Refused = "story.refused";
    public const string TakenOver = "story.editing-taken-over";

    public static string ActionCode(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "story.submit",
        WorkflowAction.Withdraw => "story.withdraw",
        WorkflowAction.RequestChanges => "story.request-changes",
        WorkflowAction.Approve => "story.approve",
        WorkflowAction.Schedule => "story.schedule",
        WorkflowAction.Unschedule => "story.unschedule",
        WorkflowAction.PublishNow => "story.publish-now",
        WorkflowAction.PublishScheduled => "story.publish-scheduled",
        WorkflowAction.Unpublish => "story.unpublish",
        WorkflowAction.Republish => "story.republish",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static IReadOnlyList<string> TransitionCodes { get; } = Enum.GetValues<WorkflowAction>().Select(ActionCode).ToList();

    public static WorkflowAction? ActionOf(string code) =>
        Enum.GetValues<WorkflowAction>().Cast<WorkflowAction?>().FirstOrDefault(a => ActionCode(a!.Value) == code);
}
