using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Editorial.Web.Features.Articles.Editor;

/// <summary>
/// What the browser kept of a draft (localStorage <c>editorial-draft:{key}</c>): the watched fields by
/// name, the body the <see cref="RichTextEditor"/> wrote, and when it last changed.
/// </summary>
public sealed record DraftBackupData(IReadOnlyDictionary<string, string> Fields, string? Body, DateTimeOffset? SavedAt);

/// <summary>
/// Keeps what a person types in the browser, so it survives a dropped connection or a reload: after
/// <see cref="StartAsync"/> the browser itself (no circuit needed) stores every <c>input</c> of the elements
/// inside the container that carry <c>data-backup-field="name"</c>; a <see cref="RichTextEditor"/> with the
/// same <c>BackupKey</c> adds the body. The page decides whether to offer a backup back (it compares it with
/// what the server has) and clears it after a successful save. One instance per page: <c>new DraftBackup(JS)</c>,
/// disposed with the page.
/// </summary>
public sealed class DraftBackup(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>The module, as the browser imports it.</summary>
    internal const string ModulePath = "./js/draft-backup.js";

    private IJSObjectReference? module;
    private ElementReference? watchedContainer;
    private bool disposed;

    /// <summary>Starts keeping the container's <c>data-backup-field</c> elements under <paramref name="key"/> (call from OnAfterRenderAsync).</summary>
    public async Task StartAsync(ElementReference container, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var backup = await ModuleAsync();
        await backup.InvokeVoidAsync("start", container, key);
        watchedContainer = container;
    }

    /// <summary>The kept draft, or null when the browser has none for this key.</summary>
    public async Task<DraftBackupData?> GetAsync(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var backup = await ModuleAsync();
        var record = await backup.InvokeAsync<DraftBackupRecord?>("read", key);
        if (record is null)
        {
            return null;
        }

        DateTimeOffset? savedAt = DateTimeOffset.TryParse(record.SavedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return new DraftBackupData(record.Fields ?? new Dictionary<string, string>(), record.Body, savedAt);
    }

    /// <summary>Forgets the kept draft: the server has it now.</summary>
    public async Task ClearAsync(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var backup = await ModuleAsync();
        await backup.InvokeVoidAsync("clear", key);
    }

    private async Task<IJSObjectReference> ModuleAsync()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (module is not null)
            {
                if (watchedContainer is { } container)
                {
                    await module.InvokeVoidAsync("stop", container);
                }

                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page's listeners with it.
        }
    }
}

/// <summary>The record as the module's <c>read</c> returns it (only string values survive).</summary>
internal sealed record DraftBackupRecord(Dictionary<string, string>? Fields, string? Body, string? SavedAt);
