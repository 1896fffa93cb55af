using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Editorial.Web.Features.Articles.Editor;

/// <summary>
/// The story body editor: self-hosted TinyMCE (GPL, Vietnamese language pack) behind JS interop. Reports
/// the HTML through <see cref="ValueChanged"/> 400 ms after typing stops and on blur; Ctrl+S / Cmd+S
/// inside the editor raises <see cref="OnSaveRequested"/>; with a <see cref="BackupKey"/> the browser keeps
/// the body in the draft backup (<see cref="DraftBackup"/>) on every change, also while the circuit is down.
/// </summary>
public sealed partial class RichTextEditor : IAsyncDisposable
{
    /// <summary>The collocated module, as the browser imports it.</summary>
    internal const string ModulePath = "./Features/Articles/Editor/RichTextEditor.razor.js";

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource disposing = new();
    private ElementReference host;
    private IJSObjectReference? module;
    private DotNetObjectReference<RichTextEditor>? selfReference;
    private string language = "en";
    private bool isReady;
    private bool disposed;

    // The content both sides agree on: what the editor last reported or .NET last set.
    private string content = "";
    private string? lastValueParameter;
    private string? contentToApply;
    private bool appliedReadOnly;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ILogger<RichTextEditor> Logger { get; set; } = default!;

    /// <summary>The HTML. A new value from the parent replaces the editor's content; the editor's own changes come back through <see cref="ValueChanged"/>.</summary>
    [Parameter]
    public string Value { get; set; } = "";

    /// <summary>Raised with the editor's HTML 400 ms after typing stops, on blur and before <see cref="OnSaveRequested"/>.</summary>
    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    [Parameter]
    public string? Label { get; set; }

    /// <summary>Height in pixels before the editor grows with its content.</summary>
    [Parameter]
    public int Height { get; set; } = 520;

    /// <summary>Where images are posted (multipart field <c>file</c>); answers <c>{ "location": url }</c> or <c>{ "error": text }</c>.</summary>
    [Parameter]
    public string UploadUrl { get; set; } = "/api/media";

    /// <summary>Sent as the <c>RequestVerificationToken</c> header with uploads; when not given, the page's own antiforgery token.</summary>
    [Parameter]
    public string? AntiforgeryToken { get; set; }

    /// <summary>Ctrl+S / Cmd+S inside the editor; <see cref="ValueChanged"/> has been raised with the latest HTML first.</summary>
    [Parameter]
    public EventCallback OnSaveRequested { get; set; }

    /// <summary>When set, the browser writes the body into the draft backup record of this key on every change.</summary>
    [Parameter]
    public string? BackupKey { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>The editor's HTML now, including what was typed in the last 400 ms.</summary>
    public async Task<string> GetContentAsync()
    {
        if (!isReady || module is null)
        {
            return contentToApply ?? content;
        }

        return await module.InvokeAsync<string?>("getContent", host) ?? content;
    }

    /// <summary>Replaces the content (a reload, a restored draft); not reported back through <see cref="ValueChanged"/>.</summary>
    public async Task SetContentAsync(string html)
    {
        html ??= "";
        content = html;
        if (!isReady || module is null)
        {
            contentToApply = html;
            return;
        }

        contentToApply = null;
        await module.InvokeVoidAsync("setContent", host, html);
    }

    /// <summary>Inserts HTML at the caret (a picture from the media library); reported like typing.</summary>
    public async Task InsertHtmlAsync(string html)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await ready.Task.WaitAsync(disposing.Token);
        await module!.InvokeVoidAsync("insertHtml", host, html);
    }

    public async Task FocusAsync()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await ready.Task.WaitAsync(disposing.Token);
        await module!.InvokeVoidAsync("focus", host);
    }

    /// <summary>Called by the module with the editor's HTML after a change.</summary>
    [JSInvokable]
    public Task OnEditorChanged(string html) => ReportAsync(html ?? "");

    /// <summary>Called by the module on Ctrl+S / Cmd+S with the HTML at that moment.</summary>
    [JSInvokable]
    public async Task OnSaveShortcut(string html)
    {
        await ReportAsync(html ?? "");
        await OnSaveRequested.InvokeAsync();
    }

    protected override void OnInitialized()
    {
        language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi" ? "vi" : "en";
    }

    protected override void OnParametersSet()
    {
        // Only a value the parent changed replaces the content: the echo of our own ValueChanged, or an
        // unchanged one-way Value, must not overwrite what is being typed.
        var value = Value ?? "";
        if (value != lastValueParameter)
        {
            var first = lastValueParameter is null;
            lastValueParameter = value;
            if (first)
            {
                content = value;
            }
            else if (value != content)
            {
                content = value;
                contentToApply = value;
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await StartAsync();
            return;
        }

        if (!isReady || module is null || disposed)
        {
            return;
        }

        try
        {
            if (contentToApply is { } html)
            {
                contentToApply = null;
                await module.InvokeVoidAsync("setContent", host, html);
            }

            if (ReadOnly != appliedReadOnly)
            {
                appliedReadOnly = ReadOnly;
                await module.InvokeVoidAsync("setReadOnly", host, ReadOnly);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to update.
        }
    }

    private async Task StartAsync()
    {
        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", disposing.Token, ModulePath);
            if (disposed)
            {
                await module.DisposeAsync();
                return;
            }

            selfReference = DotNetObjectReference.Create(this);
            var initialContent = content;
            appliedReadOnly = ReadOnly;
            await module.InvokeVoidAsync("init", disposing.Token, host, selfReference, new RichTextEditorOptions(
                Value: initialContent,
                Language: language,
                Height: Height,
                UploadUrl: UploadUrl,
                AntiforgeryToken: AntiforgeryToken ?? PageAntiforgeryToken(),
                BackupKey: BackupKey,
                ReadOnly: ReadOnly,
                Label: Label));
            if (contentToApply is null && content != initialContent)
            {
                contentToApply = content;
            }

            isReady = true;
            ready.TrySetResult();

            // Render again: the host is no longer busy, and OnAfterRenderAsync applies what changed meanwhile.
            StateHasChanged();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
            // The page went away while the editor was starting.
        }
        catch (JSException ex)
        {
            Logger.LogError(ex, "The rich-text editor could not start");
            ready.TrySetException(ex);
        }
    }

    private async Task ReportAsync(string html)
    {
        if (html == content)
        {
            return;
        }

        content = html;
        contentToApply = null;
        await ValueChanged.InvokeAsync(html);
    }

    private string? PageAntiforgeryToken() =>
        (Services.GetService(typeof(AntiforgeryStateProvider)) as AntiforgeryStateProvider)?.GetAntiforgeryToken()?.Value;

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await disposing.CancelAsync();
        try
        {
            if (module is not null)
            {
                await module.InvokeVoidAsync("dispose", host);
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser's page with it: nothing left to remove.
        }
        finally
        {
            selfReference?.Dispose();
            disposing.Dispose();
        }
    }
}

/// <summary>What the module's init receives (camelCase JSON).</summary>
internal sealed record RichTextEditorOptions(
    string Value,
    string Language,
    int Height,
    string UploadUrl,
    string? AntiforgeryToken,
    string? BackupKey,
    bool ReadOnly,
    string? Label);
