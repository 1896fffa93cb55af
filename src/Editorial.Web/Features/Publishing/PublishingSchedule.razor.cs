using System.Globalization;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Workflow;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Editorial.Web.Features.Publishing;

/// <summary>
/// "Lịch xuất bản": a month or week calendar of what is scheduled and what went out, and below it the three
/// lists editors act on. Every action goes through the workflow service with the state the editor saw.
/// </summary>
public sealed partial class PublishingSchedule
{
    private const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The browser hands a picked time back with seconds ("2017-04-20T15:45:00") even though it was given none.</summary>
    private static readonly string[] LocalInputFormats = [LocalInputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];

    /// <summary>A month cell shows this many stories; the week view shows them all.</summary>
    private const int MonthCellLimit = 4;

    private const int RecentDays = 7;

    private static readonly DialogOptions dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private bool weekView;
    private DateOnly anchor;
    private IReadOnlyList<CalendarDay> days = [];
    private IReadOnlyList<ScheduleEntry>? approved;
    private IReadOnlyList<ScheduleEntry>? upcoming;
    private IReadOnlyList<ScheduleEntry>? recent;
    private bool busy;
    private string? problem;

    private bool dialogOpen;
    private PendingAction? pending;
    private string? note;
    private string? scheduleText;
    private string? dialogError;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>What the dialog is about to do: which story, in which state the editor saw it, and how.</summary>
    private sealed record PendingAction(ScheduleAction Action, ScheduleEntry Story);

    /// <summary>The page's actions; Reschedule is the workflow's Unschedule followed by Schedule.</summary>
    internal enum ScheduleAction
    {
        Schedule,
        Reschedule,
        Unschedule,
        PublishNow,
        Unpublish,
    }

    private sealed record CalendarDay(DateOnly Date, bool InPeriod, bool IsToday, IReadOnlyList<CalendarItem> Items);

    private sealed record CalendarItem(ScheduleEntry Story, bool Published, DateTimeOffset Local);

    private DateOnly Today => DateOnly.FromDateTime(Time.Now.DateTime);

    protected override async Task OnInitializedAsync()
    {
        anchor = Today;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var (first, last) = Period();
        var fromUtc = Time.FromLocal(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = Time.FromLocal(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var scheduled = await Schedule.ScheduledBetweenAsync(fromUtc, toUtc);
        var published = await Schedule.PublishedBetweenAsync(fromUtc, toUtc);

        var items = scheduled.Select(s => new CalendarItem(s, false, Time.ToLocal(s.AtUtc)))
            .Concat(published.Select(p => new CalendarItem(p, true, Time.ToLocal(p.AtUtc))))
            .ToLookup(i => DateOnly.FromDateTime(i.Local.DateTime));
        var today = Today;
        var month = (anchor.Year, anchor.Month);
        days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(first.AddDays)
            .Select(d => new CalendarDay(
                d,
                weekView || (d.Year, d.Month) == month,
                d == today,
                items[d].OrderBy(i => i.Local).ThenBy(i => i.Story.Id).ToList()))
            .ToList();

        approved = await Schedule.ApprovedAsync();
        upcoming = await Schedule.UpcomingAsync();
        recent = await Schedule.RecentlyPublishedAsync(RecentDays);
    }

    /// <summary>The days the calendar shows, Monday to Sunday: whole weeks around the month, or the anchor's week.</summary>
    private (DateOnly First, DateOnly Last) Period()
    {
        if (weekView)
        {
            var monday = StartOfWeek(anchor);
            return (monday, monday.AddDays(6));
        }

        var firstOfMonth = new DateOnly(anchor.Year, anchor.Month, 1);
        var lastOfMonth = firstOfMonth.AddMonths(1).AddDays(-1);
        return (StartOfWeek(firstOfMonth), StartOfWeek(lastOfMonth).AddDays(6));
    }

    private static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private string PeriodTitle()
    {
        if (!weekView)
        {
            return T["Schedule.MonthTitle", anchor.Month, anchor.Year];
        }

        var (first, last) = Period();
        return T["Schedule.WeekTitle", first.ToString("dd/MM", CultureInfo.InvariantCulture), last.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)];
    }

    private Task SetViewAsync(bool week)
    {
        weekView = week;
        return ReloadAsync();
    }

    private Task MoveAsync(int direction)
    {
        anchor = weekView ? anchor.AddDays(7 * direction) : anchor.AddMonths(direction);
        return ReloadAsync();
    }

    private Task GoToTodayAsync()
    {
        anchor = Today;
        return ReloadAsync();
    }

    /// <summary>From a full month cell to the week that shows all of that day's stories.</summary>
    private Task ShowWeekOfAsync(DateOnly date)
    {
        anchor = date;
        weekView = true;
        return ReloadAsync();
    }

    private async Task StartAsync(ScheduleAction action, ScheduleEntry story)
    {
        problem = null;
        dialogError = null;
        note = null;
        pending = new PendingAction(action, story);
        scheduleText = action switch
        {
            ScheduleAction.Schedule => Time.Now.AddMinutes(30).ToString(LocalInputFormat, CultureInfo.InvariantCulture),
            ScheduleAction.Reschedule => Time.ToLocal(story.AtUtc).ToString(LocalInputFormat, CultureInfo.InvariantCulture),
            _ => null,
        };

        // Unscheduling keeps the story and can be redone; everything else is confirmed with the story's title in view.
        if (action == ScheduleAction.Unschedule)
        {
            await ConfirmAsync();
            return;
        }

        dialogOpen = true;
    }

    private void CloseDialog()
    {
        dialogOpen = false;
        pending = null;
        dialogError = null;
    }

    private async Task ConfirmAsync()
    {
        if (pending is not { } work)
        {
            return;
        }

        DateTimeOffset? at = null;
        if (work.Action is ScheduleAction.Schedule or ScheduleAction.Reschedule)
        {
            if (!DateTime.TryParseExact(scheduleText, LocalInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                dialogError = T["Schedule.TimeMissing"];
                return;
            }

            at = Time.FromLocal(local);
        }

        // A reason is required; asking the server only to be told so would leave a refused attempt in the audit trail.
        if (work.Action == ScheduleAction.Unpublish && string.IsNullOrWhiteSpace(note))
        {
            dialogError = Messages.Refusal(WorkflowRefusal.NoteRequired);
            return;
        }

        busy = true;
        try
        {
            var user = (await AuthenticationState).User;
            var story = work.Story;
            if (work.Action == ScheduleAction.Reschedule)
            {
                await RescheduleAsync(user, story, at!.Value);
                return;
            }

            var (workflowAction, expected) = work.Action switch
            {
                ScheduleAction.Schedule => (WorkflowAction.Schedule, ArticleState.Approved),
                ScheduleAction.Unschedule => (WorkflowAction.Unschedule, ArticleState.Scheduled),
                ScheduleAction.PublishNow => (WorkflowAction.PublishNow, story.State),
                ScheduleAction.Unpublish => (WorkflowAction.Unpublish, ArticleState.Published),
                _ => throw new InvalidOperationException(work.Action.ToString()),
            };
            var result = await Workflow.ExecuteAsync(story.Id, workflowAction, user, new WorkflowInput(note, at, expected), Origin.Address);

            // A wrong time or a missing reason is the person's to fix: keep the dialog open with the reason.
            if (result is TransitionResult.Refused { Reason: WorkflowRefusal.NoteRequired or WorkflowRefusal.NoteTooLong or WorkflowRefusal.TimeNotInFuture } && dialogOpen)
            {
                dialogError = Messages.Describe(result);
                return;
            }

            Report(result);
            CloseDialog();
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// The workflow has no "change the time": unschedule, then schedule at the new time. The new time is checked
    /// first so the common mistake (a time already past) leaves the old schedule alone.
    /// </summary>
    private async Task RescheduleAsync(System.Security.Claims.ClaimsPrincipal user, ScheduleEntry story, DateTimeOffset at)
    {
        if (at < Clock.GetUtcNow().Add(WorkflowRules.MinimumScheduleLead))
        {
            dialogError = Messages.Refusal(WorkflowRefusal.TimeNotInFuture);
            return;
        }

        var unscheduled = await Workflow.ExecuteAsync(story.Id, WorkflowAction.Unschedule, user, new WorkflowInput(ExpectedState: ArticleState.Scheduled), Origin.Address);
        if (unscheduled is not TransitionResult.Done)
        {
            Report(unscheduled);
            CloseDialog();
            await ReloadAsync();
            return;
        }

        var scheduled = await Workflow.ExecuteAsync(story.Id, WorkflowAction.Schedule, user, new WorkflowInput(ScheduledForUtc: at, ExpectedState: ArticleState.Approved), Origin.Address);
        if (scheduled is TransitionResult.Done)
        {
            Snackbar.Add(T["Schedule.Rescheduled", Time.Format(at)], Severity.Success);
        }
        else
        {
            // The old time is gone and the new one did not take: say so plainly, the story waits in "Đã duyệt".
            problem = T["Schedule.RescheduleFailed", story.Title, Messages.Describe(scheduled)];
            Snackbar.Add(problem, Severity.Error);
        }

        CloseDialog();
        await ReloadAsync();
    }

    private void Report(TransitionResult result) =>
        Snackbar.Add(Messages.Describe(result), result switch
        {
            TransitionResult.Done => Severity.Success,
            TransitionResult.AlreadyHandled => Severity.Warning,
            _ => Severity.Error,
        });

    private string DialogTitle => pending?.Action switch
    {
        ScheduleAction.Reschedule => T["Schedule.Action.Reschedule"],
        { } action => Messages.ActionLabel(ToWorkflow(action)),
        null => "",
    };

    private static WorkflowAction ToWorkflow(ScheduleAction action) => action switch
    {
        ScheduleAction.Schedule or ScheduleAction.Reschedule => WorkflowAction.Schedule,
        ScheduleAction.Unschedule => WorkflowAction.Unschedule,
        ScheduleAction.PublishNow => WorkflowAction.PublishNow,
        _ => WorkflowAction.Unpublish,
    };

    private string ActionLabel(ScheduleAction action) => action switch
    {
        ScheduleAction.Reschedule => T["Schedule.Action.Reschedule"],
        ScheduleAction.Schedule => T["Schedule.Action.Schedule"],
        _ => Messages.ActionLabel(ToWorkflow(action)),
    };

    private static string ReviewHref(int id) => $"/editorial/review/{id}";

    private static string PublicHref(ScheduleEntry story) => PortalLinks.Story(story.Slug);

    private string WeekdayName(DayOfWeek day) => T[$"Schedule.Weekday.{day}"];

    private static IEnumerable<DayOfWeek> MondayFirst =>
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static string ItemClass(CalendarItem item) =>
        "schedule-item " + (item.Story.IsOverdue ? "is-overdue" : item.Story.IsLate ? "is-late" : item.Published ? "is-published" : "is-scheduled");

    private static string ItemIcon(CalendarItem item) =>
        item.Story.IsOverdue ? Icons.Material.Filled.ErrorOutline
        : item.Story.IsLate ? Icons.Material.Filled.History
        : item.Published ? Icons.Material.Filled.CheckCircleOutline
        : Icons.Material.Filled.Schedule;

    private static string Flag(ScheduleEntry story) => story.IsOverdue ? "overdue" : story.IsLate ? "late" : "none";

    private string ItemTooltip(CalendarItem item)
    {
        var state = Messages.StateLabel(item.Published ? ArticleState.Published : ArticleState.Scheduled);
        var parts = new List<string> { $"{Time.Format(item.Story.AtUtc)} · {state}", item.Story.Title };
        if (item.Story.Category is { Length: > 0 } category)
        {
            parts.Add(category);
        }

        if (item.Story.AuthorName.Length > 0)
        {
            parts.Add(item.Story.AuthorName);
        }

        if (item.Story.IsOverdue)
        {
            parts.Add(T["Schedule.Overdue.Long"]);
        }
        else if (item.Story.LateNote is { } late)
        {
            // The scheduler's note is a whole sentence with the delay ("Xuất bản trễ 3 giờ …").
            parts.Add(late);
        }

        return string.Join("\n", parts);
    }
}
