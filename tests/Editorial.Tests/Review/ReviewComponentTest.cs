using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Editorial.Core.Time;
using Editorial.Tests.Articles.Form;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Review;

/// <summary>
/// The review pages and components in Vietnamese over the real review and workflow services and a seeded
/// SQLite file (<see cref="ReviewDatabase"/>), at 07:00 on 20/04/2017 Vietnam time.
/// </summary>
public abstract class ReviewComponentTest : StoryFormComponentTest
{
    private protected ReviewComponentTest()
    {
        Services.AddSingleton<IDbContextFactory<EditorialDbContext>>(Db.Stories);
        Services.AddSingleton<TimeProvider>(Db.Stories.Clock);
        Services.AddSingleton(Db.Time);
        Services.AddSingleton(Db.Settings);
        Services.AddSingleton(Db.Events);
        Services.AddSingleton(Db.Workflow);
        Services.AddSingleton(Db.Timeline);
        Services.AddSingleton(Db.Queue);
        Services.AddSingleton(Db.Review);
        Services.AddSingleton(Db.Media);
        Services.AddSingleton(Db.Stories.Sanitizer);
        Services.AddSingleton<CategoryCatalog>();
        Services.AddScoped<WorkflowMessages>();
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddScoped<ClientOrigin>();
    }

    private protected ReviewDatabase Db { get; } = new();

    private IRenderedComponent<MudPopoverProvider>? popovers;

    /// <summary>Where MudBlazor renders open menus and select lists.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers =>
        popovers ?? throw new InvalidOperationException("Render the component with RenderPage first.");

    /// <summary>Renders the component next to the popover and snackbar providers, keeping the popovers at hand.</summary>
    protected IRenderedComponent<TComponent> RenderPage<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        if (popovers is null)
        {
            popovers = Render<MudPopoverProvider>();
            Render<MudSnackbarProvider>();
        }

        return Render(parameters);
    }

    /// <summary>Opens the select with this label and clicks the option with this text, as a person does.</summary>
    protected void Choose<TPage, TValue>(IRenderedComponent<TPage> page, string label, string option)
        where TPage : class, IComponent
    {
        OpenSelect<TPage, TValue>(page, label);
        Popovers.WaitForAssertion(() => Assert.Contains(Options(), o => o == option), Patience);
        Click(Popovers, () => Popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == option));
    }

    /// <summary>Opens the select with this label (MudBlazor opens it on mouse down).</summary>
    protected static void OpenSelect<TPage, TValue>(IRenderedComponent<TPage> page, string label)
        where TPage : class, IComponent
    {
        var select = page.FindComponents<MudSelect<TValue>>().Single(s => s.Instance.Label == label);
        page.InvokeAsync(() => select.Find("div.mud-input-control").MouseDownAsync(new MouseEventArgs())).GetAwaiter().GetResult();
    }

    /// <summary>The texts of the options of the select list open now.</summary>
    protected List<string> Options() =>
        Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Db.Dispose();
        }
    }
}
