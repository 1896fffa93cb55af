using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;

namespace Editorial.Tests.Workflow;

/// <summary>
/// The whole transition table: every state × every action × every role × author or not, checked against
/// DESIGN.md section 2 as written there (copied verbatim below and parsed), not against the code's own table.
/// </summary>
public sealed class TransitionTableTests
{
    private const string DesignTable = """
        | submit | Draft, ChangesRequested → InReview | the story's author |
        | withdraw | InReview → Draft | the story's author |
        | request changes (note required) | InReview → ChangesRequested | editor |
        | approve | InReview → Approved | editor, not an author of the story (four-eyes; a setting may relax it) |
        | schedule (time must be in the future) | Approved → Scheduled | editor |
        | unschedule | Scheduled → Approved | editor |
        | publish now | Approved, Scheduled → Published | editor |
        | publish at time | Scheduled → Published | the scheduler |
        | unpublish (reason required) | Published → Unpublished | editor |
        | republish | Unpublished → Published | editor |
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private sealed record Row(WorkflowAction Action, ArticleState[] From, ArticleState To, string Who, bool NoteRequired);

    private static readonly IReadOnlyList<Row> Rows = Parse(DesignTable);

    /// <summary>Who asks: no role, each role, and the scheduler.</summary>
    public static TheoryData<string> Actors => new() { "none", Roles.Reporter, Roles.Editor, Roles.Administrator, "scheduler" };

    public static IEnumerable<object[]> EveryCase() =>
        from state in Enum.GetValues<ArticleState>()
        from action in Enum.GetValues<WorkflowAction>()
        from actor in new[] { "none", Roles.Reporter, Roles.Editor, Roles.Administrator, "scheduler" }
        from isAuthor in new[] { false, true }
        where !(actor == "scheduler" && isAuthor)
        select new object[] { state, action, actor, isAuthor };

    [Fact]
    public void The_design_table_names_every_action_once()
    {
        Assert.Equal(Enum.GetValues<WorkflowAction>().Order(), Rows.Select(r => r.Action).Order());
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void Each_case_is_decided_as_the_design_says(ArticleState state, WorkflowAction action, string actorKind, bool isAuthor)
    {
        var row = Rows.Single(r => r.Action == action);
        var actor = actorKind switch
        {
            "scheduler" => WorkflowActor.Scheduler,
            "none" => new WorkflowActor("u1", []),
            _ => new WorkflowActor("u1", [actorKind]),
        };

        // Supply what the action needs, so only state and role decide here.
        var request = new WorkflowRequest(
            action, state, actor, isAuthor, Now,
            Note: "Cần bổ sung ảnh",
            ScheduledForUtc: action == WorkflowAction.PublishScheduled ? Now.AddMinutes(-1) : Now.AddHours(2));

        var expected = row.From.Contains(state) && Permits(row.Who, actorKind, isAuthor);
        var decision = WorkflowRules.Decide(request);

        Assert.Equal(expected, decision.IsAllowed);
        if (expected)
        {
            Assert.Equal(row.To, decision.To);
        }

        // The buttons a person sees come from the same rule.
        Assert.Equal(expected, WorkflowRules.Available(state, actor, isAuthor).Contains(action));
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void A_refusal_always_says_why(ArticleState state, WorkflowAction action, string actorKind, bool isAuthor)
    {
        var actor = actorKind == "scheduler" ? WorkflowActor.Scheduler : new WorkflowActor("u1", actorKind == "none" ? [] : [actorKind]);
        var decision = WorkflowRules.Decide(new WorkflowRequest(action, state, actor, isAuthor, Now));
        Assert.True(decision.IsAllowed ^ decision.Refusal is not null);
    }

    [Fact]
    public void Approving_your_own_story_is_refused_by_four_eyes_and_allowed_when_the_setting_relaxes_it()
    {
        var editor = new WorkflowActor("lan", [Roles.Editor]);
        var strict = WorkflowRules.Decide(new WorkflowRequest(WorkflowAction.Approve, ArticleState.InReview, editor, ActorIsAuthor: true, Now));
        var relaxed = WorkflowRules.Decide(new WorkflowRequest(WorkflowAction.Approve, ArticleState.InReview, editor, ActorIsAuthor: true, Now, FourEyes: false));

        Assert.Equal(WorkflowRefusal.OwnStory, strict.Refusal);
        Assert.Equal(ArticleState.Approved, relaxed.To);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Returning_or_unpublishing_needs_a_note(string? note)
    {
        var editor = new WorkflowActor("lan", [Roles.Editor]);
        foreach (var (action, state) in new[] { (WorkflowAction.RequestChanges, ArticleState.InReview), (WorkflowAction.Unpublish, ArticleState.Published) })
        {
            Assert.True(WorkflowRules.NeedsNote(action));
            var decision = WorkflowRules.Decide(new WorkflowRequest(action, state, editor, false, Now, Note: note));
            Assert.Equal(WorkflowRefusal.NoteRequired, decision.Refusal);
        }
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var editor = new WorkflowActor("lan", [Roles.Editor]);
        var decision = WorkflowRules.Decide(new WorkflowRequest(
            WorkflowAction.RequestChanges, ArticleState.InReview, editor, false, Now, Note: new string('ư', WorkflowRules.NoteMaxLength + 1)));
        Assert.Equal(WorkflowRefusal.NoteTooLong, decision.Refusal);
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(86400, true)]
    public void A_schedule_must_be_at_least_a_minute_ahead(int secondsAhead, bool allowed)
    {
        var editor = new WorkflowActor("lan", [Roles.Editor]);
        var decision = WorkflowRules.Decide(new WorkflowRequest(
            WorkflowAction.Schedule, ArticleState.Approved, editor, false, Now, ScheduledForUtc: Now.AddSeconds(secondsAhead)));
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(WorkflowRefusal.TimeNotInFuture, decision.Refusal);
        }
    }

    [Fact]
    public void The_scheduler_publishes_only_once_the_time_has_come()
    {
        Assert.Equal(WorkflowRefusal.NotDue, WorkflowRules.Decide(new WorkflowRequest(
            WorkflowAction.PublishScheduled, ArticleState.Scheduled, WorkflowActor.Scheduler, false, Now, ScheduledForUtc: Now.AddSeconds(1))).Refusal);
        Assert.True(WorkflowRules.Decide(new WorkflowRequest(
            WorkflowAction.PublishScheduled, ArticleState.Scheduled, WorkflowActor.Scheduler, false, Now, ScheduledForUtc: Now)).IsAllowed);
    }

    [Fact]
    public void The_wrong_state_is_the_first_reason_given()
    {
        var reporter = new WorkflowActor("khanh", [Roles.Reporter]);
        var decision = WorkflowRules.Decide(new WorkflowRequest(WorkflowAction.Approve, ArticleState.Draft, reporter, true, Now));
        Assert.Equal(WorkflowRefusal.WrongState, decision.Refusal);
    }

    [Fact]
    public void A_reporter_asking_to_approve_is_told_only_editors_may()
    {
        var reporter = new WorkflowActor("khanh", [Roles.Reporter]);
        var decision = WorkflowRules.Decide(new WorkflowRequest(WorkflowAction.Approve, ArticleState.InReview, reporter, true, Now));
        Assert.Equal(WorkflowRefusal.NotEditor, decision.Refusal);
    }

    private static bool Permits(string who, string actorKind, bool isAuthor)
    {
        var writes = actorKind is Roles.Reporter or Roles.Editor or Roles.Administrator;
        var edits = actorKind is Roles.Editor or Roles.Administrator;
        return who switch
        {
            "the story's author" => writes && isAuthor,
            "editor" => edits,
            "editor, not an author of the story (four-eyes; a setting may relax it)" => edits && !isAuthor,
            "the scheduler" => actorKind == "scheduler",
            _ => throw new InvalidOperationException($"Unknown 'who' in the design table: {who}"),
        };
    }

    private static List<Row> Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells =>
            {
                var name = cells[0];
                var bare = name.Split('(')[0].Trim();
                var action = bare switch
                {
                    "publish at time" => WorkflowAction.PublishScheduled,
                    _ => Enum.Parse<WorkflowAction>(string.Concat(bare.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))),
                };
                var arrow = cells[1].Split('→');
                var from = arrow[0].Split(',').Select(s => Enum.Parse<ArticleState>(s.Trim())).ToArray();
                return new Row(action, from, Enum.Parse<ArticleState>(arrow[1].Trim()), cells[2], name.Contains("required", StringComparison.Ordinal));
            })
            .ToList();

    [Fact]
    public void Notes_are_required_exactly_where_the_design_says()
    {
        foreach (var row in Rows)
        {
            Assert.Equal(row.NoteRequired, WorkflowRules.NeedsNote(row.Action));
        }
    }
}
