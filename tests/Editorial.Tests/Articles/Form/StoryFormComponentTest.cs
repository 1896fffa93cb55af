using AngleSharp.Dom;
using Bunit;
using Editorial.Tests.TestSupport;
using Editorial.Tests.Workstation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Extensions;

namespace Editorial.Tests.Articles.Form;

/// <summary>
/// The story form's pieces as a Vietnamese reporter sees them: the workstation's bUnit set-up (MudBlazor,
/// the localizer, the app's policies, JavaScript in loose mode) under vi-VN, rendered next to the popover and
/// snackbar providers the layout puts on every page.
/// </summary>
public abstract class StoryFormComponentTest : WorkstationComponentTest, IAsyncLifetime
{
    private readonly CultureScope culture = CultureScope.Vietnamese();

    /// <summary>How long to wait for the renderer and the fields' debounce; generous, as the whole suite runs in parallel.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<MudSnackbarProvider>? snackbars;

    /// <summary>The messages MudBlazor's snackbar shows ("Đã khôi phục bản …").</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars =>
        snackbars ?? throw new InvalidOperationException("Render the component with RenderOnPage first.");

    /// <summary>Renders the component next to MudBlazor's popover and snackbar providers, as the workstation layout does.</summary>
    protected IRenderedComponent<TComponent> RenderOnPage<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        if (snackbars is null)
        {
            Render<MudPopoverProvider>();
            snackbars = Render<MudSnackbarProvider>();
        }

        return Render(parameters);
    }

    /// <summary>
    /// Types into the MudBlazor text field with this input id and pauses, as a person does, until the field has
    /// passed the text on (the story form's fields do so 300 ms after the last keystroke).
    /// </summary>
    protected static void Type<TComponent>(IRenderedComponent<TComponent> page, string inputId, string text)
        where TComponent : class, IComponent
    {
        OnPage(page, () => page.Find($"#{inputId}").InputAsync(new ChangeEventArgs { Value = text }));

        // The field passes the text on from a timer, without rendering anything: poll, on the renderer's thread.
        var field = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.GetState(x => x.InputId) == inputId);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string? passedOn;
        while ((passedOn = OnPage(page, () => field.Instance.GetState(x => x.Value))) != text && waited.Elapsed < Patience)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(text, passedOn);
    }

    /// <summary>Clicks the element the selector finds and waits for the page to handle the click.</summary>
    protected static void Click<TComponent>(IRenderedComponent<TComponent> page, string selector)
        where TComponent : IComponent =>
        Click(page, () => page.Find(selector));

    /// <summary>Clicks the element <paramref name="find"/> returns and waits for the page to handle the click.</summary>
    protected static void Click<TComponent>(IRenderedComponent<TComponent> page, Func<IElement> find)
        where TComponent : IComponent =>
        OnPage(page, () => find().ClickAsync(new MouseEventArgs()));

    /// <summary>Changes the value of the element the selector finds (a file chosen, a number typed) and waits for the page to handle it.</summary>
    protected static void Change<TComponent>(IRenderedComponent<TComponent> page, string selector, object value)
        where TComponent : IComponent =>
        OnPage(page, () => page.Find(selector).ChangeAsync(new ChangeEventArgs { Value = value }));

    // Found and triggered in one go on the renderer's thread, awaited to the end of the handler: MudBlazor's
    // timers may be rendering at the same moment, and the page's handlers are asynchronous.
    private static void OnPage<TComponent>(IRenderedComponent<TComponent> page, Func<Task> action)
        where TComponent : IComponent =>
        page.InvokeAsync(action).GetAwaiter().GetResult();

    private static T OnPage<TComponent, T>(IRenderedComponent<TComponent> page, Func<T> read)
        where TComponent : IComponent
    {
        var value = default(T)!;
        page.InvokeAsync(() => { value = read(); }).GetAwaiter().GetResult();
        return value;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services are only IAsyncDisposable; xUnit's synchronous Dispose afterwards is then a no-op.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        culture.Dispose();
    }

    /// <summary>Signs the person in as the app does: their id as NameIdentifier, their full name, their role as a role claim.</summary>
    private protected void SignIn(Editorial.Tests.Articles.Saving.Person person)
    {
        Authorization.SetAuthorized(person.Id);
        Authorization.SetRoles(person.Role is null ? [] : [person.Role]);

        // After the roles: bUnit's SetRoles drops claims set before it.
        Authorization.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, person.Id),
            new System.Security.Claims.Claim(Editorial.Web.Infrastructure.Identity.AccountClaims.FullName, person.FullName));
    }
}
