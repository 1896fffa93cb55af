using System.Globalization;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Web.Features.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Editorial.Web.Features.Workflow;

public sealed partial class StoryWorkflowPanel
{
    private const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    // A time picked in the browser's picker comes back with seconds; a typed one may not.
    private static readonly string[] LocalInputFormats = [LocalInputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    private static readonly DialogOptions dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private StoryWorkflowStatus? status;
    private IDisposable? subscription;
    private bool busy;
    private string? message;
    private Severity messageSeverity = Severity.Info;

    private bool dialogOpen;
    private WorkflowAction? pending;
    private string? note;
    private string? scheduleText;
    private string? dialogError;
    private List<ChecklistResult> confirmWarnings = [];

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired]
    public int ArticleId { get; set; }

    /// <summary>Runs before any action, e.g. the editor page saving pending edits; false stops the action.</summary>
    [Parameter]
    public Func<Task<bool>>? BeforeAction { get; set; }

    /// <summary>After the story's state changed (here or by someone else).</summary>
    [Parameter]
    public EventCallback<StoryWorkflowStatus> OnStateChanged { get; set; }

    /// <summary>The scheduler acts on its own; people never see "publish at the scheduled time".</summary>
    private IReadOnlyList<WorkflowAction> Actions =>
        status?.AvailableActions.Where(a => a != WorkflowAction.PublishScheduled).ToList() ?? [];

    protected override async Task OnParametersSetAsync()
    {
        if (status?.ArticleId != ArticleId)
        {
            subscription?.Dispose();
            subscription = Events.SubscribeStory(ArticleId, change =>
                change.Kind == WorkstationEvents.StoryChangeKinds.StateChanged ? InvokeAsync(OnChangedElsewhereAsync) : Task.CompletedTask);
            await ReloadAsync();
        }
    }

    public async Task ReloadAsync()
    {
        var user = (await AuthenticationState).User;
        status = await Workflow.GetStatusAsync(ArticleId, user);
        StateHasChanged();
    }

    private async Task OnChangedElsewhereAsync()
    {
        var before = status?.State;
        await ReloadAsync();
        if (status is not null && status.State != before)
        {
            await OnStateChanged.InvokeAsync(status);
        }
    }

    private async Task StartAsync(WorkflowAction action)
    {
        message = null;
        dialogError = null;
        confirmWarnings = [];
        note = null;
        pending = action;
        if (WorkflowRules.NeedsNote(action) || action == WorkflowAction.Schedule)
        {
            scheduleText = action == WorkflowAction.Schedule
                ? Time.Now.AddMinutes(30).ToString(LocalInputFormat, CultureInfo.InvariantCulture)
                : null;
            dialogOpen = true;
            return;
        }

        await RunAsync(action, acceptWarnings: false);
    }

    private async Task ConfirmAsync()
    {
        if (pending is not { } action)
        {
            return;
        }

        await RunAsync(action, acceptWarnings: confirmWarnings.Count > 0);
    }

    private void CloseDialog()
    {
        dialogOpen = false;
        pending = null;
        confirmWarnings = [];
    }

    private async Task RunAsync(WorkflowAction action, bool acceptWarnings)
    {
        DateTimeOffset? scheduledFor = null;
        if (action == WorkflowAction.Schedule)
        {
            dialogError = null;
            if (!DateTime.TryParseExact(scheduleText, LocalInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                dialogError = Messages.Refusal(WorkflowRefusal.TimeNotInFuture);
                return;
            }

            scheduledFor = Time.FromLocal(local);
        }

        busy = true;
        try
        {
            if (BeforeAction is not null && !await BeforeAction())
            {
                return;
            }

            var user = (await AuthenticationState).User;
            var result = await Workflow.ExecuteAsync(
                ArticleId, action, user, new WorkflowInput(note, scheduledFor, status?.State, acceptWarnings), Origin.Address);
            await ShowAsync(action, result);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ShowAsync(WorkflowAction action, TransitionResult result)
    {
        switch (result)
        {
            case TransitionResult.NeedsConfirmation confirm:
                confirmWarnings = confirm.Checklist.Where(c => !c.Passed).ToList();
                pending = action;
                dialogOpen = true;
                return;
            case TransitionResult.Refused refused when dialogOpen && refused.Reason is WorkflowRefusal.NoteRequired or WorkflowRefusal.NoteTooLong or WorkflowRefusal.TimeNotInFuture:
                // Keep the dialog open so the person can fix the note or the time.
                dialogError = Messages.Describe(result);
                return;
            case TransitionResult.Done:
                Snackbar.Add(Messages.Describe(result), Severity.Success);
                message = null;
                break;
            default:
                message = Messages.Describe(result);
                messageSeverity = result is TransitionResult.AlreadyHandled ? Severity.Warning : Severity.Error;
                break;
        }

        CloseDialog();
        await ReloadAsync();
        if (status is not null)
        {
            await OnStateChanged.InvokeAsync(status);
        }
    }

    private static bool IsPrimary(WorkflowAction action) =>
        action is WorkflowAction.Submit or WorkflowAction.Approve or WorkflowAction.PublishNow or WorkflowAction.Republish;

    private static Color ActionColor(WorkflowAction action) => action switch
    {
        WorkflowAction.Approve or WorkflowAction.PublishNow or WorkflowAction.Republish => Color.Success,
        WorkflowAction.RequestChanges or WorkflowAction.Unpublish => Color.Warning,
        WorkflowAction.Submit or WorkflowAction.Schedule => Color.Primary,
        _ => Color.Default,
    };

    internal static Color StateColor(ArticleState state) => state switch
    {
        ArticleState.InReview => Color.Info,
        ArticleState.ChangesRequested => Color.Warning,
        ArticleState.Approved or ArticleState.Scheduled => Color.Primary,
        ArticleState.Published => Color.Success,
        ArticleState.Unpublished => Color.Error,
        _ => Color.Default,
    };

    private static string ChecklistIcon(ChecklistResult item) =>
        item.Passed ? Icons.Material.Filled.CheckCircle
        : item.Severity == ChecklistSeverity.Blocker ? Icons.Material.Filled.Cancel
        : Icons.Material.Filled.Warning;

    private static Color ChecklistColor(ChecklistResult item) =>
        item.Passed ? Color.Success : item.Severity == ChecklistSeverity.Blocker ? Color.Error : Color.Warning;

    public void Dispose() => subscription?.Dispose();
}
