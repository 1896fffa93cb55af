using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Core.Workflow;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Workflow;

/// <summary>Turns workflow outcomes into the sentence a person reads, the same on every page and the API.</summary>
public sealed class WorkflowMessages(IStringLocalizer<UiText> text, PortalTime time)
{
    public string ActionLabel(WorkflowAction action) => text[$"Workflow.Action.{action}"];

    public string StateLabel(ArticleState state) => text[$"State.{state}"];

    public string Refusal(WorkflowRefusal reason) => text[$"Workflow.Refusal.{reason}"];

    public string ChecklistItem(ChecklistItem item) => text[$"Checklist.Item.{item}"];

    public string Done(TransitionResult.Done done) => text[$"Workflow.Done.{done.Action}"];

    public string AlreadyHandled(TransitionResult.AlreadyHandled handled) =>
        handled.ByName is { Length: > 0 } name && handled.AtUtc is { } at
            ? text["Workflow.AlreadyHandledBy", StateLabel(handled.Current), name, time.Format(at)]
            : text["Workflow.AlreadyHandled", StateLabel(handled.Current)];

    /// <summary>One sentence for any outcome; for a blocked checklist it names the missing items.</summary>
    public string Describe(TransitionResult result) => result switch
    {
        TransitionResult.Done done => Done(done),
        TransitionResult.Refused { Reason: WorkflowRefusal.ChecklistBlocked } refused =>
            $"{Refusal(WorkflowRefusal.ChecklistBlocked)} {string.Join("; ", refused.Checklist.Where(c => !c.Passed && c.Severity == ChecklistSeverity.Blocker).Select(c => ChecklistItem(c.Item)))}.",
        TransitionResult.Refused refused => Refusal(refused.Reason),
        TransitionResult.NeedsConfirmation => text["Workflow.NeedsConfirmation"],
        TransitionResult.AlreadyHandled handled => AlreadyHandled(handled),
        TransitionResult.NotFound => text["Workflow.NotFound"],
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
