using Editorial.Core.Accounts;
using Editorial.Core.Articles;

namespace Editorial.Core.Workflow;

/// <summary>Who asks for a transition: a person with roles, or the publishing scheduler.</summary>
public sealed record WorkflowActor(string UserId, IReadOnlyCollection<string> Roles, bool IsScheduler = false)
{
    public static WorkflowActor Scheduler { get; } = new("", [], IsScheduler: true);

    public bool IsEditor => !IsScheduler && Policies.IsGranted(Policies.Review, Roles);

    public bool IsWriter => !IsScheduler && Policies.IsGranted(Policies.Write, Roles);
}

/// <summary>One request: the action, the story as it stands, who asks, and what they supplied.</summary>
public sealed record WorkflowRequest(
    WorkflowAction Action,
    ArticleState State,
    WorkflowActor Actor,
    bool ActorIsAuthor,
    DateTimeOffset NowUtc,
    string? Note = null,
    DateTimeOffset? ScheduledForUtc = null,
    bool FourEyes = true);

public sealed record WorkflowDecision(ArticleState? To, WorkflowRefusal? Refusal)
{
    public bool IsAllowed => To is not null;

    public static WorkflowDecision Allow(ArticleState to) => new(to, null);

    public static WorkflowDecision Refuse(WorkflowRefusal refusal) => new(null, refusal);
}

/// <summary>
/// The transition table of DESIGN.md section 2, in one place. Every page, endpoint and the scheduler ask
/// this; nothing else decides whether a story's state may change. Checks run in the order a person
/// would want to hear the reason: wrong state first (nothing to do), then who may act, then what is missing.
/// </summary>
public static class WorkflowRules
{
    public const int NoteMaxLength = 2000;

    /// <summary>A schedule must be at least this far ahead, so it is not in the past by the time it is saved.</summary>
    public static readonly TimeSpan MinimumScheduleLead = TimeSpan.FromMinutes(1);

    private sealed record Transition(ArticleState[] From, ArticleState To, Who Who, bool NoteRequired = false);

    private enum Who { Author, Editor, EditorNotAuthor, Scheduler }

    private static readonly IReadOnlyDictionary<WorkflowAction, Transition> Table = new Dictionary<WorkflowAction, Transition>
    {
        [WorkflowAction.Submit] = new([ArticleState.Draft, ArticleState.ChangesRequested], ArticleState.InReview, Who.Author),
        [WorkflowAction.Withdraw] = new([ArticleState.InReview], ArticleState.Draft, Who.Author),
        [WorkflowAction.RequestChanges] = new([ArticleState.InReview], ArticleState.ChangesRequested, Who.Editor, NoteRequired: true),
        [WorkflowAction.Approve] = new([ArticleState.InReview], ArticleState.Approved, Who.EditorNotAuthor),
        [WorkflowAction.Schedule] = new([ArticleState.Approved], ArticleState.Scheduled, Who.Editor),
        [WorkflowAction.Unschedule] = new([ArticleState.Scheduled], ArticleState.Approved, Who.Editor),
        [WorkflowAction.PublishNow] = new([ArticleState.Approved, ArticleState.Scheduled], ArticleState.Published, Who.Editor),
        [WorkflowAction.PublishScheduled] = new([ArticleState.Scheduled], ArticleState.Published, Who.Scheduler),
        [WorkflowAction.Unpublish] = new([ArticleState.Published], ArticleState.Unpublished, Who.Editor, NoteRequired: true),
        [WorkflowAction.Republish] = new([ArticleState.Unpublished], ArticleState.Published, Who.Editor),
    };

    public static IReadOnlyList<ArticleState> SourcesOf(WorkflowAction action) => Table[action].From;

    public static ArticleState TargetOf(WorkflowAction action) => Table[action].To;

    public static bool NeedsNote(WorkflowAction action) => Table[action].NoteRequired;

    public static WorkflowDecision Decide(WorkflowRequest request)
    {
        var transition = Table[request.Action];
        if (!transition.From.Contains(request.State))
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.WrongState);
        }

        if (WhoRefusal(transition.Who, request) is { } refusal)
        {
            return WorkflowDecision.Refuse(refusal);
        }

        if (transition.NoteRequired && string.IsNullOrWhiteSpace(request.Note))
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.NoteRequired);
        }

        if (request.Note is { Length: > NoteMaxLength })
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.NoteTooLong);
        }

        if (request.Action == WorkflowAction.Schedule
            && (request.ScheduledForUtc is not { } at || at < request.NowUtc + MinimumScheduleLead))
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.TimeNotInFuture);
        }

        if (request.Action == WorkflowAction.PublishScheduled
            && (request.ScheduledForUtc is not { } due || due > request.NowUtc))
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.NotDue);
        }

        return WorkflowDecision.Allow(transition.To);
    }

    /// <summary>
    /// The actions whose state and role rules this person meets now; what they must still supply
    /// (a note, a time) is asked for when they choose one. Used to decide which buttons to show.
    /// </summary>
    public static IReadOnlyList<WorkflowAction> Available(ArticleState state, WorkflowActor actor, bool actorIsAuthor, bool fourEyes = true) =>
        Table.Where(entry => entry.Value.From.Contains(state)
                && WhoRefusal(entry.Value.Who, new WorkflowRequest(entry.Key, state, actor, actorIsAuthor, default, FourEyes: fourEyes)) is null)
            .Select(entry => entry.Key)
            .OrderBy(action => action)
            .ToList();

    private static WorkflowRefusal? WhoRefusal(Who who, WorkflowRequest request)
    {
        var actor = request.Actor;
        return who switch
        {
            Who.Scheduler => actor.IsScheduler ? null : WorkflowRefusal.SchedulerOnly,
            _ when actor.IsScheduler => WorkflowRefusal.NotEditor,
            Who.Author => actor.IsWriter && request.ActorIsAuthor ? null : WorkflowRefusal.NotAuthor,
            Who.Editor => actor.IsEditor ? null : WorkflowRefusal.NotEditor,
            Who.EditorNotAuthor when !actor.IsEditor => WorkflowRefusal.NotEditor,
            Who.EditorNotAuthor => request.FourEyes && request.ActorIsAuthor ? WorkflowRefusal.OwnStory : null,
            _ => throw new InvalidOperationException($"Unknown rule {who}."),
        };
    }
}
