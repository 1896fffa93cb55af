using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Administration.Settings;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Administration;

/// <summary>Settings stored in the database: validated, applied at once where the app reads them, audited.</summary>
public sealed class SettingsStoreTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly MediaSettings media = new() { Folder = Path.GetTempPath(), MaxUploadBytes = 10 * 1024 * 1024 };
    private readonly ServiceProvider services;

    public SettingsStoreTests()
        : this(StoryDatabase.OnDisk())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal SettingsStoreTests(StoryDatabase database)
    {
        db = database;
        db.Settings.Options.Glossary["HĐND"] = "Hội đồng nhân dân";
        services = new ServiceCollection().AddSingleton(db.Audit).BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        db.Dispose();
    }

    private NewsroomSettingsStore NewStore() => new(db, db.Settings, media, services, db.Clock, NullLogger<NewsroomSettingsStore>.Instance);

    [Fact]
    public async Task Saved_settings_apply_at_once_to_the_portal_name_uploads_autosave_glossary_and_four_eyes()
    {
        var store = NewStore();
        var changed = store.Current with
        {
            PortalName = "Cổng thông tin điện tử tỉnh Hà Giang (thử nghiệm)",
            DatelinePrefix = "HGP",
            FourEyes = false,
            AutosaveSeconds = 10,
            MaxUploadBytes = 20 * 1024 * 1024,
            Checklist = new Dictionary<ChecklistItem, ChecklistSeverity>(SubmissionChecklist.Defaults) { [ChecklistItem.Byline] = ChecklistSeverity.Blocker },
            Glossary = [new("UBMTTQ", "Ủy ban Mặt trận Tổ quốc")],
        };

        Assert.Empty(await store.SaveAsync(changed, Person.Minh.Principal, "10.0.0.5"));

        Assert.Equal(("Cổng thông tin điện tử tỉnh Hà Giang (thử nghiệm)", "HGP", 10), (db.Settings.PortalName, db.Settings.DatelinePrefix, db.Settings.Options.AutosaveSeconds));
        Assert.Equal(20 * 1024 * 1024, media.MaxUploadBytes);
        Assert.Equal([("UBMTTQ", "Ủy ban Mặt trận Tổ quốc")], store.Glossary.Entries);

        // The workflow reads the same settings: an editor may now approve their own story; the byline blocks.
        var own = (await db.CreateAsync(Person.Lan, new ArticleContent { Title = "Tin của biên tập viên", Lead = "Sáng nay.", Byline = "Lan", CategoryId = db.ProvinceNews })).Id;
        Assert.IsType<TransitionResult.Done>(await db.Workflow.ExecuteAsync(own, WorkflowAction.Submit, Person.Lan.Principal, new WorkflowInput()));
        Assert.IsType<TransitionResult.Done>(await db.Workflow.ExecuteAsync(own, WorkflowAction.Approve, Person.Lan.Principal, new WorkflowInput()));
        var noByline = (await db.CreateAsync(Person.Khanh, new ArticleContent { Title = "Tin không ký tên", Lead = "Sáng nay.", CategoryId = db.ProvinceNews })).Id;
        Assert.Equal(WorkflowRefusal.ChecklistBlocked, Assert.IsType<TransitionResult.Refused>(
            await db.Workflow.ExecuteAsync(noByline, WorkflowAction.Submit, Person.Khanh.Principal, new WorkflowInput(AcceptWarnings: true))).Reason);

        using var context = db.CreateDbContext();
        var entry = context.AuditEntries.AsNoTracking().Single(e => e.Action == NewsroomSettingsStore.AuditAction);
        Assert.Equal(("admin-minh", "PortalName, DatelinePrefix, FourEyes, Checklist, AutosaveSeconds, MaxUploadBytes, Glossary", "10.0.0.5"),
            (entry.UserName, entry.Details, entry.ClientAddress));
    }

    [Theory]
    [InlineData("", "HGP", 4, 10, "required")]
    [InlineData("Cổng", " ", 4, 10, "required")]
    [InlineData("Cổng", "HGP", 1, 10, "autosave-range")]
    [InlineData("Cổng", "HGP", 121, 10, "autosave-range")]
    [InlineData("Cổng", "HGP", 4, 0, "upload-range")]
    [InlineData("Cổng", "HGP", 4, 101, "upload-range")]
    public async Task Out_of_bounds_values_are_refused_and_nothing_changes(string name, string prefix, int autosave, int megabytes, string code)
    {
        var store = NewStore();
        var before = store.Current;

        var errors = await store.SaveAsync(before with { PortalName = name, DatelinePrefix = prefix, AutosaveSeconds = autosave, MaxUploadBytes = megabytes * 1024L * 1024L },
            Person.Minh.Principal, null);

        Assert.Equal(code, Assert.Single(errors).Code);
        Assert.Same(before, store.Current);
        Assert.Equal("Cổng Thông tin điện tử tỉnh Hà Giang", db.Settings.PortalName);
        using var context = db.CreateDbContext();
        Assert.Empty(context.NewsroomSettings);
    }

    [Fact]
    public async Task A_glossary_needs_expansions_and_no_repeats()
    {
        var store = NewStore();
        Assert.Equal("glossary-entry", Assert.Single(await store.SaveAsync(store.Current with { Glossary = [new("NTM", "")] }, Person.Minh.Principal, null)).Code);
        Assert.Equal("glossary-duplicate", Assert.Single(await store.SaveAsync(
            store.Current with { Glossary = [new("NTM", "nông thôn mới"), new(" NTM ", "nông thôn mới")] }, Person.Minh.Principal, null)).Code);
    }

    [Fact]
    public async Task Only_administrators_may_change_settings()
    {
        var store = NewStore();
        Assert.Equal("forbidden", Assert.Single(await store.SaveAsync(store.Current with { PortalName = "Khác" }, Person.Lan.Principal, null)).Code);
        Assert.Equal("Cổng Thông tin điện tử tỉnh Hà Giang", db.Settings.PortalName);
    }

    [Fact]
    public async Task Another_instance_picks_up_saved_settings_when_it_reloads()
    {
        await NewStore().SaveAsync(NewStore().Current with { DatelinePrefix = "HGP" }, Person.Minh.Principal, null);
        db.Settings.Options.DatelinePrefix = "CTTĐT"; // as the other instance still has it

        var other = NewStore();
        await other.LoadAsync();

        Assert.Equal("HGP", db.Settings.DatelinePrefix);
        Assert.Equal("HGP", other.Current.DatelinePrefix);
    }
}
