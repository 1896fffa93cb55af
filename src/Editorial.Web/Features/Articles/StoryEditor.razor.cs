using System.Security.Claims;
using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Core.Time;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Articles.Editor;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using Editorial.Web.Infrastructure.Localization;

namespace Editorial.Web.Features.Articles;

/// <summary>
/// Writing a story: loads it, keeps the form, saves it (by hand, by Ctrl+S, a few seconds after typing
/// stops, and before leaving the page) and shows conflicts and text warnings. Rules live in the services.
/// </summary>
public sealed partial class StoryEditor
{
    /// <summary>How long after the last keystroke the story is saved on its own (an administrator's setting).</summary>
    private TimeSpan AutosaveDelay => TimeSpan.FromSeconds(Math.Clamp(Settings.Options.AutosaveSeconds, 2, 120));

    private readonly SemaphoreSlim saveLock = new(1, 1);
    private StoryForm form = new();
    private ArticleState state = ArticleState.Draft;
    private int version;
    private bool canEdit = true;
    private bool loadFailed;
    private bool dirty;
    private bool saving;
    private DateTimeOffset? savedAt;
    private List<ValidationError> errors = [];
    private ArticleDraft? conflict;
    private DraftBackupData? backupOffer;
    private StoryTextReviewResult? textReview;
    private IReadOnlyList<CategoryRow> categories = [];
    private string? antiforgeryToken;
    private string backupKey = "new";
    private string? featuredPreviewUrl;
    private string lastEditor = "";
    private RichTextEditor? bodyEditor;
    private ElementReference formContainer;
    private CancellationTokenSource? autosaveDelay;
    private IDisposable? locationChangingRegistration;
    private IJSObjectReference? module;
    private DotNetObjectReference<StoryEditor>? selfReference;
    private DraftBackup? draftBackup;

    // Permission from the rules; canEdit is that and holding the editing lease.
    private bool mayEdit = true;
    private LeaseResult.HeldByOther? heldByOther;
    private TakenOverNotice? takenOver;
    private bool holdsLease;
    private StoryWorkflowStatus? workflowStatus;
    private IDisposable? storyEvents;
    private CancellationTokenSource? leaseRenewal;

    /// <summary>Someone took the story over: who, when, and where the writer's refused text went.</summary>
    private sealed record TakenOverNotice(string Name, DateTimeOffset AtUtc, int? SetAsideRevision);

    [Parameter]
    public int? Id { get; set; }

    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindQuery { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ArticleEditingService Articles { get; set; } = default!;

    [Inject]
    private CategoryCatalog Categories { get; set; } = default!;

    [Inject]
    private PortalTime Time { get; set; } = default!;

    [Inject]
    private EditorialSettings Settings { get; set; } = default!;

    [Inject]
    private StoryBodySanitizer Sanitizer { get; set; } = default!;

    [Inject]
    private AbbreviationGlossary Glossary { get; set; } = default!;

    [Inject]
    private Editorial.Web.Features.Media.MediaStore Media { get; set; } = default!;


    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private EditingLeaseService Leases { get; set; } = default!;

    [Inject]
    private StoryWorkflowService Workflow { get; set; } = default!;

    [Inject]
    private WorkstationEvents Events { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider AntiforgeryState { get; set; } = default!;


    private string PageHeading => Id is null
        ? (form.Kind == ArticleKind.MeetingReport ? T["Editor.NewMeetingReport"] : T["Editor.NewStory"])
        : T["Editor.EditStory"];

    private string SaveStatusText => saving ? T["Editor.Saving"]
        : dirty ? T["Editor.Unsaved"]
        : savedAt is { } at ? T["Editor.SavedAt", Time.ToLocal(at).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)]
        : "";

    protected override async Task OnInitializedAsync()
    {
        var allCategories = await Categories.ListAsync();
        categories = allCategories.Where(c => !c.IsHidden).ToList();

        // Uploads are plain HTTP posts from the browser and must carry the antiforgery token.
        antiforgeryToken = AntiforgeryState.GetAntiforgeryToken()?.Value;

        if (Id is { } id)
        {
            var draft = await Articles.LoadAsync(id, await UserAsync());
            if (draft is null)
            {
                loadFailed = true;
                return;
            }

            ShowDraft(draft);
            backupKey = $"story-{id}";

            // A story filed under a category that was hidden later keeps it: show it, or a save would drop it.
            if (form.CategoryId is { } categoryId && categories.All(c => c.Id != categoryId) && allCategories.FirstOrDefault(c => c.Id == categoryId) is { } hidden)
            {
                categories = [.. categories, hidden];
            }
            if (form.FeaturedImageId is { } imageId)
            {
                featuredPreviewUrl = await Media.WebUrlAsync(imageId);
            }

            await AcquireLeaseAsync();
            workflowStatus = await Workflow.GetStatusAsync(id, await UserAsync());
            storyEvents = Events.SubscribeStory(id, change => InvokeAsync(() => OnStoryChangedAsync(change)));
        }
        else
        {
            form.Kind = string.Equals(KindQuery, "meeting", StringComparison.OrdinalIgnoreCase) ? ArticleKind.MeetingReport : ArticleKind.Plain;
            if (form.Kind == ArticleKind.MeetingReport)
            {
                form.BodyHtml = MeetingReportTemplate.BuildBodyOutline();
                var now = Time.Now;
                form.EventDate = now.Date;
                form.EventTime = new TimeSpan(now.Hour, 0, 0);
            }

            backupKey = $"new-{form.Kind}";
        }

        ReviewText();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || loadFailed)
        {
            return;
        }

        selfReference = DotNetObjectReference.Create(this);
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Articles/StoryEditor.razor.js");
        await module.InvokeVoidAsync("attach", selfReference);
        locationChangingRegistration = Navigation.RegisterLocationChangingHandler(SaveBeforeLeavingAsync);

        StartLeaseRenewal();
        draftBackup = new DraftBackup(JS);
        await draftBackup.StartAsync(formContainer, backupKey);
        var backup = await draftBackup.GetAsync(backupKey);
        if (backup is not null && DiffersFromForm(backup))
        {
            backupOffer = backup;
            StateHasChanged();
        }
    }

    /// <summary>Ctrl+S anywhere on the page (the rich-text editor reports its own).</summary>
    [JSInvokable]
    public Task SaveFromShortcutAsync() => SaveManuallyAsync();

    /// <summary>The tab is being hidden or closed: save what we have.</summary>
    [JSInvokable]
    public Task SaveOnHideAsync() => dirty ? SaveAsync(SaveMode.Autosave) : Task.CompletedTask;

    private Task SaveManuallyAsync() => SaveAsync(SaveMode.Manual);

    private async Task SaveAsync(SaveMode mode)
    {
        if (!canEdit || loadFailed)
        {
            return;
        }

        // Autosave waits for the writer to fill the required fields; the browser keeps the backup meanwhile.
        if (mode == SaveMode.Autosave && (string.IsNullOrWhiteSpace(form.Title) || string.IsNullOrWhiteSpace(form.Lead)))
        {
            return;
        }

        await saveLock.WaitAsync();
        try
        {
            autosaveDelay?.Cancel();
            saving = true;
            dirtySinceSaveStarted = false;
            await InvokeAsync(StateHasChanged);

            if (bodyEditor is not null)
            {
                form.BodyHtml = await bodyEditor.GetContentAsync();
            }

            var editedWhileSaving = false;
            var result = await Articles.SaveAsync(Id, form.ToContent(Time), version, mode, await UserAsync());
            switch (result)
            {
                case SaveResult.Saved saved:
                    errors = [];
                    conflict = null;
                    version = saved.Version;
                    savedAt = saved.SavedAtUtc;
                    lastEditor = (await UserAsync()).FindFirst(Editorial.Web.Infrastructure.Identity.AccountClaims.FullName)?.Value ?? lastEditor;
                    form.Slug = saved.Slug;
                    editedWhileSaving = dirtySinceSaveStarted;
                    dirty = editedWhileSaving;
                    if (draftBackup is not null)
                    {
                        await draftBackup.ClearAsync(backupKey);
                    }

                    if (Id is null)
                    {
                        Id = saved.Id;
                        backupKey = $"story-{saved.Id}";

                        // From now on it is a stored story: hold it for editing and follow its workflow.
                        await AcquireLeaseAsync();
                        workflowStatus = await Workflow.GetStatusAsync(saved.Id, await UserAsync());
                        storyEvents = Events.SubscribeStory(saved.Id, change => InvokeAsync(() => OnStoryChangedAsync(change)));
                        StartLeaseRenewal();
                        if (draftBackup is not null)
                        {
                            await draftBackup.StartAsync(formContainer, backupKey);
                        }

                        Navigation.NavigateTo($"/editorial/stories/{saved.Id}", new NavigationOptions { ReplaceHistoryEntry = true });
                    }

                    break;
                case SaveResult.Invalid invalid:
                    errors = invalid.Errors.ToList();
                    break;
                case SaveResult.Conflict c:
                    conflict = c.Theirs;
                    break;
                case SaveResult.Forbidden:
                    errors = [new ValidationError("", "forbidden")];
                    break;
                case SaveResult.TakenOver taken:
                    // Nothing current was overwritten; the writer's text is a set-aside revision.
                    takenOver = new TakenOverNotice(taken.HolderName, taken.SinceUtc, taken.SetAsideRevision);
                    holdsLease = false;
                    canEdit = false;
                    dirty = false;
                    break;
                case SaveResult.NotFound:
                    loadFailed = true;
                    break;
            }

            await SetDirtyInBrowserAsync();
            if (editedWhileSaving)
            {
                ScheduleAutosave();
            }
        }
        finally
        {
            saving = false;
            saveLock.Release();
            await InvokeAsync(StateHasChanged);
        }
    }

    private bool dirtySinceSaveStarted;

    /// <summary>Before a workflow action: save what is typed, and go on only if that worked.</summary>
    private async Task<bool> SaveBeforeActionAsync()
    {
        if (dirty && canEdit)
        {
            await SaveAsync(SaveMode.Manual);
        }

        return !dirty && errors.Count == 0 && conflict is null && takenOver is null;
    }

    /// <summary>The story changed state (here or elsewhere): reload it, since who may edit it changed too.</summary>
    private async Task OnWorkflowChangedAsync(StoryWorkflowStatus status)
    {
        workflowStatus = status;
        state = status.State;
        if (Id is { } id && !dirty && await Articles.LoadAsync(id, await UserAsync()) is { } draft)
        {
            ShowDraft(draft);
            await AcquireLeaseAsync();
            if (bodyEditor is not null)
            {
                await bodyEditor.SetContentAsync(form.BodyHtml);
            }
        }

        StateHasChanged();
    }

    private async Task OnStoryChangedAsync(StoryChange change)
    {
        var me = (await UserAsync()).FindFirstValue(ClaimTypes.NameIdentifier);
        if (change.Kind == WorkstationEvents.StoryChangeKinds.TakenOver && change.ActorId != me && holdsLease)
        {
            // Told at once, before the next save. Text typed but not yet saved is sent now: the server keeps it
            // as a set-aside revision (it no longer takes it as the story) and the notice says which one.
            if (dirty && canEdit)
            {
                await SaveAsync(SaveMode.Manual);
            }

            takenOver ??= new TakenOverNotice(change.ActorName, change.AtUtc, null);
            holdsLease = false;
            canEdit = false;
            autosaveDelay?.Cancel();
            StateHasChanged();
        }
    }

    private async Task AcquireLeaseAsync()
    {
        if (Id is not { } id || !mayEdit)
        {
            canEdit = false;
            return;
        }

        switch (await Leases.AcquireAsync(id, await UserAsync()))
        {
            case LeaseResult.Held:
                holdsLease = true;
                heldByOther = null;
                canEdit = takenOver is null;
                break;
            case LeaseResult.HeldByOther other:
                holdsLease = false;
                heldByOther = other;
                canEdit = false;
                break;
            default:
                canEdit = false;
                break;
        }
    }

    private async Task TakeOverAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        if (await Leases.TakeOverAsync(id, await UserAsync(), Origin.Address) is LeaseResult.Held)
        {
            heldByOther = null;
            takenOver = null;
            holdsLease = true;

            // Start from what the previous person last saved.
            if (await Articles.LoadAsync(id, await UserAsync()) is { } draft)
            {
                ShowDraft(draft);
                canEdit = mayEdit;
                if (bodyEditor is not null)
                {
                    await bodyEditor.SetContentAsync(form.BodyHtml);
                }
            }
        }
    }

    private async Task RetryLeaseAsync()
    {
        takenOver = null;
        if (Id is { } id && await Articles.LoadAsync(id, await UserAsync()) is { } draft)
        {
            ShowDraft(draft);
            if (bodyEditor is not null)
            {
                await bodyEditor.SetContentAsync(form.BodyHtml);
            }
        }

        await AcquireLeaseAsync();
    }

    private void StartLeaseRenewal()
    {
        if (Id is null)
        {
            return;
        }

        leaseRenewal = new CancellationTokenSource();
        var token = leaseRenewal.Token;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(EditingLeaseService.RenewEvery);
            while (await timer.WaitForNextTickAsync(token))
            {
                await InvokeAsync(RenewLeaseAsync);
            }
        }, token);
    }

    private async Task RenewLeaseAsync()
    {
        if (Id is not { } id || !holdsLease)
        {
            return;
        }

        if (!await Leases.RenewAsync(id, await UserAsync()))
        {
            holdsLease = false;
            canEdit = false;
            await AcquireLeaseAsync();
            StateHasChanged();
        }
    }

    private void MarkDirty()
    {
        dirty = true;
        dirtySinceSaveStarted = true;
        ScheduleAutosave();
        _ = SetDirtyInBrowserAsync();
    }

    private void ScheduleAutosave()
    {
        autosaveDelay?.Cancel();
        autosaveDelay = new CancellationTokenSource();
        var token = autosaveDelay.Token;
        _ = Task.Delay(AutosaveDelay, token).ContinueWith(
            async _ => await InvokeAsync(() => SaveAsync(SaveMode.Autosave)),
            token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private async ValueTask SaveBeforeLeavingAsync(LocationChangingContext context)
    {
        if (dirty && canEdit)
        {
            await SaveAsync(SaveMode.Autosave);
        }
    }

    private async Task SetDirtyInBrowserAsync()
    {
        if (module is null)
        {
            return;
        }

        try
        {
            await module.InvokeVoidAsync("setDirty", dirty);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private async Task LoadTheirsAsync()
    {
        if (conflict is null)
        {
            return;
        }

        ShowDraft(conflict);
        conflict = null;
        featuredPreviewUrl = form.FeaturedImageId is { } imageId ? await Media.WebUrlAsync(imageId) : null;
        if (bodyEditor is not null)
        {
            await bodyEditor.SetContentAsync(form.BodyHtml);
        }
    }

    private Task KeepMineAsync() => SaveAsync(SaveMode.KeepMine);

    private async Task RestoreBackupAsync()
    {
        if (backupOffer is null)
        {
            return;
        }

        var fields = backupOffer.Fields;
        form.Title = fields.GetValueOrDefault("title") ?? form.Title;
        form.Lead = fields.GetValueOrDefault("lead") ?? form.Lead;
        form.Byline = fields.GetValueOrDefault("byline") ?? form.Byline;
        form.TagsText = fields.GetValueOrDefault("tags") ?? form.TagsText;
        if (!string.IsNullOrEmpty(backupOffer.Body))
        {
            form.BodyHtml = backupOffer.Body;
            if (bodyEditor is not null)
            {
                await bodyEditor.SetContentAsync(form.BodyHtml);
            }
        }

        backupOffer = null;
        ReviewText();
        MarkDirty();
    }

    private async Task DiscardBackupAsync()
    {
        backupOffer = null;
        if (draftBackup is not null)
        {
            await draftBackup.ClearAsync(backupKey);
        }
    }

    private bool DiffersFromForm(DraftBackupData backup) =>
        (backup.Fields.TryGetValue("title", out var title) && title != form.Title)
        || (backup.Fields.TryGetValue("lead", out var lead) && lead != form.Lead)
        || (backup.Fields.TryGetValue("byline", out var byline) && byline != form.Byline)
        || (backup.Fields.TryGetValue("tags", out var tags) && tags != form.TagsText)
        || (!string.IsNullOrEmpty(backup.Body) && Sanitizer.Sanitize(backup.Body) != Sanitizer.Sanitize(form.BodyHtml));

    private async Task GenerateFromMeetingAsync()
    {
        var details = form.Meeting.ToDetails();
        var when = form.EventDate is { } date ? new DateTimeOffset(date.Date + (form.EventTime ?? TimeSpan.Zero), TimeSpan.Zero) : (DateTimeOffset?)null;
        form.Lead = MeetingReportTemplate.BuildLead(details, when, Settings.DatelinePrefix);

        // Keep what the writer already wrote; add the outline only to an empty body.
        if (string.IsNullOrWhiteSpace(Sanitizer.ToPlainText(form.BodyHtml)))
        {
            form.BodyHtml = MeetingReportTemplate.BuildBodyOutline();
            if (bodyEditor is not null)
            {
                await bodyEditor.SetContentAsync(form.BodyHtml);
            }
        }

        ReviewText();
        MarkDirty();
    }

    private async Task ConvertLegacyAsync()
    {
        if (bodyEditor is not null)
        {
            form.BodyHtml = await bodyEditor.GetContentAsync();
        }

        var converted = StoryTextReview.ConvertLegacy(form.ToContent(Time));
        form.Title = converted.Title;
        form.Lead = converted.Lead;
        form.FeaturedImageCaption = converted.FeaturedImageCaption;
        form.BodyHtml = converted.BodyHtml;
        if (bodyEditor is not null)
        {
            await bodyEditor.SetContentAsync(form.BodyHtml);
        }

        ReviewText();
        MarkDirty();
    }

    private void ShowDraft(ArticleDraft draft)
    {
        form = StoryForm.From(draft.Content, Time);
        state = draft.State;
        version = draft.Version;
        mayEdit = draft.CanEdit;
        canEdit = draft.CanEdit && (Id is null || holdsLease);
        savedAt = draft.UpdatedAtUtc;
        lastEditor = draft.UpdatedByName;
        dirty = false;
        ReviewText();
    }

    private void ReviewText() =>
        textReview = StoryTextReview.Review(form.ToContent(Time), Sanitizer.ToPlainText(form.BodyHtml), Glossary);

    private void OnTitleChanged(string value)
    {
        form.Title = value;
        ReviewText();
        MarkDirty();
    }

    private void OnSlugChanged(string value)
    {
        form.Slug = value;
        MarkDirty();
    }

    private void OnLeadChanged(string value)
    {
        form.Lead = value;
        ReviewText();
        MarkDirty();
    }

    private void OnBodyChanged(string html)
    {
        // The editor also reports on blur and before Ctrl+S; an unchanged body is not an edit.
        if (html == form.BodyHtml)
        {
            return;
        }

        form.BodyHtml = html;
        ReviewText();
        MarkDirty();
    }

    private void OnCategoryChanged(int? value)
    {
        form.CategoryId = value;
        MarkDirty();
    }

    private void OnBylineChanged(string value)
    {
        form.Byline = value;
        MarkDirty();
    }

    private void OnTagsChanged(string value)
    {
        form.TagsText = value;
        MarkDirty();
    }

    private void OnEventDateChanged(DateTime? value)
    {
        form.EventDate = value;
        MarkDirty();
    }

    private void OnEventTimeChanged(TimeSpan? value)
    {
        form.EventTime = value;
        MarkDirty();
    }

    private void OnFeaturedImageChanged(Guid? value)
    {
        form.FeaturedImageId = value;
        MarkDirty();
    }

    private void OnCaptionChanged(string value)
    {
        form.FeaturedImageCaption = value;
        ReviewText();
        MarkDirty();
    }

    private Dictionary<string, object> Backup(string field) => new() { ["data-backup-field"] = field };

    private string ErrorText(ValidationError error) => StoryErrors.Describe(T, error);

    private async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    public async ValueTask DisposeAsync()
    {
        autosaveDelay?.Cancel();
        leaseRenewal?.Cancel();
        storyEvents?.Dispose();
        locationChangingRegistration?.Dispose();
        if (holdsLease && Id is { } id)
        {
            try
            {
                // Let the next person in at once instead of after the lease lapses.
                await Leases.ReleaseAsync(id, await UserAsync());
            }
            catch (Exception)
            {
                // The lease lapses on its own.
            }
        }

        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detach");
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser keeps its own backup of what was typed.
            }
        }

        if (draftBackup is not null)
        {
            await draftBackup.DisposeAsync();
        }

        selfReference?.Dispose();
        saveLock.Dispose();
    }
}
