using Editorial.Core.Time;
using Editorial.Web.Components;
using Editorial.Web.Features.Accounts;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Administration.Backup;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Portal;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Review;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Features.Workstation;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Editorial.Web.Infrastructure.Instances;
using Editorial.Web.Infrastructure.Localization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;

namespace Editorial.Web;

/// <summary>Wires the application: one place that lists every feature's services and endpoints.</summary>
public static class EditorialApp
{
    public static WebApplicationBuilder AddEditorial(this WebApplicationBuilder builder)
    {
        var root = builder.AddTopLevelSettings();
        var settings = EditorialSettings.Load(builder.Configuration, root);

        // Static web assets (MudBlazor's files) also when the built app runs outside Development.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddSingleton(settings);

        // Vietnamese text goes out as characters, not as &#x1ED5; entities: half the bytes, readable source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys in the database: sign-in cookies survive a restart, and one instance's cookie is good on the others.
        // Keys an older version left in data/keys are copied in on start (DatabaseInitializer).
        services.AddDataProtection()
            .SetApplicationName("Editorial")
            .PersistKeysToDbContext<EditorialDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PortalTime(sp.GetRequiredService<TimeProvider>(), settings.TimeZone));

        services.AddEditorialDatabase(settings);

        services.AddEditorialIdentity();
        services.AddSingleton<IBootstrapConsole, StandardOutputBootstrapConsole>();
        services.AddSingleton<AccountBootstrapper>();
        services.AddSingleton<DatabaseInitializer>();

        services.AddEditorialLocalization(settings.Options.DefaultCulture);
        // Bottom right: live messages must not cover the editor's Save button and status at the top.
        services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();

        services.AddRazorComponents().AddInteractiveServerComponents();

        // Features
        services.AddScoped<DashboardService>();
        services.AddScoped<ArticleListService>();
        services.AddScoped<ArticleEditingService>();
        services.AddSingleton<StoryBodySanitizer>();
        // Settings an administrator edits are stored in the database and applied over appsettings.json.
        services.AddSingleton<Editorial.Web.Features.Administration.Settings.NewsroomSettingsStore>();
        services.AddHostedService(sp => sp.GetRequiredService<Editorial.Web.Features.Administration.Settings.NewsroomSettingsStore>());
        services.AddTransient(sp => sp.GetRequiredService<Editorial.Web.Features.Administration.Settings.NewsroomSettingsStore>().Glossary);
        services.AddScoped<UserDirectory>();
        services.AddSingleton<AccountAdministration>();
        services.AddScoped<CategoryCatalog>();
        services.AddScoped<StatisticsService>();
        services.AddSingleton<AuditTrail>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientOrigin>();
        services.AddEditorialInstances(settings.UsesPostgreSql ? settings.ConnectionString : null);
        services.AddSingleton<WorkstationEvents>();
        services.AddScoped<NotificationService>();
        services.AddScoped<StoryWorkflowService>();
        services.AddScoped<StoryTimelineService>();
        services.AddScoped<ReviewQueueService>();
        services.AddScoped<ReviewStoryService>();
        services.AddScoped<Editorial.Web.Features.Publishing.PublishingScheduleService>();
        services.AddScoped<EditingLeaseService>();
        services.AddScoped<WorkflowMessages>();
        services.AddSingleton<Editorial.Web.Features.Publishing.PublicationSignal>();
        services.AddSingleton<Editorial.Web.Features.Publishing.PublicationScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Editorial.Web.Features.Publishing.PublicationScheduler>());
        services.AddEditorialMedia(settings, root);
        services.AddEditorialPortal();
        Editorial.Web.Features.Royalties.RoyaltyRegistration.AddEditorialRoyalties(services);
        services.AddSingleton<BackupService>();

        return builder;
    }

    public static async Task<WebApplication> UseEditorialAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<Editorial.Web.Features.Administration.Settings.NewsroomSettingsStore>().LoadAsync();
        await app.Services.GetRequiredService<PortalStartup>().RunAsync();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: signed-in staff are never served from or stored in the cache
        app.UseWorkstationGate();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticPortalPages();
        app.MapAccountEndpoints();
        app.MapCultureSwitch();
        app.MapMediaEndpoints();
        app.MapPortalEndpoints();
        app.MapWorkflowEndpoints();
        Editorial.Web.Features.Royalties.RoyaltyRegistration.MapRoyaltyEndpoints(app);
        app.MapAuditExport();
        app.MapBackupEndpoints();
        return app;
    }
}
