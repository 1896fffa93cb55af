using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Workflow;

/// <summary>"Đang được chỉnh sửa bởi X": one editor at a time, take-over, and no silent overwrite.</summary>
public sealed class EditingLeaseTests : IDisposable
{
    private readonly StoryDatabase db;

    public EditingLeaseTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal EditingLeaseTests(StoryDatabase database) => db = database;

    public void Dispose() => db.Dispose();

    private async Task<SaveResult.Saved> DraftAsync() => await db.CreateAsync(Person.Khanh, new ArticleContent
    {
        Title = "Hội nghị triển khai nhiệm vụ năm 2017",
        Lead = "Sáng 20/4, UBND tỉnh tổ chức Hội nghị.",
        BodyHtml = "<p>Bản đầu.</p>",
        CategoryId = db.ProvinceNews,
    });

    [Fact]
    public async Task While_the_author_edits_an_editor_sees_who_and_since_when()
    {
        var story = await DraftAsync();
        Assert.IsType<LeaseResult.Held>(await db.Leases.AcquireAsync(story.Id, Person.Khanh.Principal));
        var since = db.Clock.GetUtcNow();
        db.Clock.Advance(TimeSpan.FromSeconds(20));

        var other = Assert.IsType<LeaseResult.HeldByOther>(await db.Leases.AcquireAsync(story.Id, Person.Lan.Principal));

        Assert.Equal((Person.Khanh.Id, "Trần Khánh", since, true), (other.HolderId, other.HolderName, other.SinceUtc, other.CanTakeOver));
        Assert.False(Assert.IsType<LeaseResult.HeldByOther>(await db.Leases.AcquireAsync(story.Id, Person.Nga.Principal)).CanTakeOver);
    }

    [Fact]
    public async Task A_lease_the_page_stopped_renewing_lapses()
    {
        var story = await DraftAsync();
        await db.Leases.AcquireAsync(story.Id, Person.Khanh.Principal);
        db.Clock.Advance(EditingLeaseService.LeaseDuration + TimeSpan.FromSeconds(1));

        Assert.IsType<LeaseResult.Held>(await db.Leases.AcquireAsync(story.Id, Person.Lan.Principal));
        Assert.False(await db.Leases.RenewAsync(story.Id, Person.Khanh.Principal));
    }

    [Fact]
    public async Task Releasing_lets_the_next_person_in_at_once()
    {
        var story = await DraftAsync();
        await db.Leases.AcquireAsync(story.Id, Person.Khanh.Principal);
        await db.Leases.ReleaseAsync(story.Id, Person.Khanh.Principal);

        Assert.IsType<LeaseResult.Held>(await db.Leases.AcquireAsync(story.Id, Person.Lan.Principal));
    }

    [Fact]
    public async Task A_take_over_tells_the_first_person_at_once_and_their_next_save_goes_aside_instead_of_over_the_editors_work()
    {
        var story = await DraftAsync();
        await db.Leases.AcquireAsync(story.Id, Person.Khanh.Principal);
        var heard = new List<StoryChange>();
        using var _ = db.Events.SubscribeStory(story.Id, change => { heard.Add(change); return Task.CompletedTask; });

        Assert.IsType<LeaseResult.Held>(await db.Leases.TakeOverAsync(story.Id, Person.Lan.Principal, "10.0.0.9"));

        var change = Assert.Single(heard);
        Assert.Equal((WorkstationEvents.StoryChangeKinds.TakenOver, Person.Lan.Id, "Nguyễn Thị Lan"), (change.Kind, change.ActorId, change.ActorName));

        var editorSave = await db.SaveAsync(Person.Lan, story.Id, new ArticleContent
        {
            Title = "Hội nghị triển khai nhiệm vụ năm 2017",
            Lead = "Sáng 20/4, UBND tỉnh tổ chức Hội nghị.",
            BodyHtml = "<p>Bản biên tập viên.</p>",
            CategoryId = db.ProvinceNews,
        }, story.Version);

        var result = await db.Editing.SaveAsync(story.Id, new ArticleContent
        {
            Title = "Hội nghị triển khai nhiệm vụ năm 2017",
            Lead = "Sáng 20/4, UBND tỉnh tổ chức Hội nghị.",
            BodyHtml = "<p>Bản phóng viên gõ tiếp.</p>",
            CategoryId = db.ProvinceNews,
        }, editorSave.Version, SaveMode.Autosave, Person.Khanh.Principal);

        var takenOver = Assert.IsType<SaveResult.TakenOver>(result);
        Assert.Equal("Nguyễn Thị Lan", takenOver.HolderName);
        Assert.Equal("<p>Bản biên tập viên.</p>", db.Row(story.Id).BodyHtml);
        var aside = db.Revisions(story.Id).Single(r => r.Number == takenOver.SetAsideRevision);
        Assert.Equal(RevisionKind.SetAside, aside.Kind);
        Assert.Contains("Bản phóng viên gõ tiếp.", aside.ContentJson, StringComparison.Ordinal);

        using var context = db.CreateDbContext();
        var entry = Assert.Single(context.AuditEntries.Where(e => e.Action == WorkflowAudit.TakenOver));
        Assert.Equal((story.Id, "Trần Khánh", "10.0.0.9"), (entry.ArticleId!.Value, entry.Note, entry.ClientAddress));
    }

    [Fact]
    public async Task A_reporter_cannot_take_over()
    {
        var story = await DraftAsync();
        await db.Leases.AcquireAsync(story.Id, Person.Lan.Principal);

        Assert.IsType<LeaseResult.HeldByOther>(await db.Leases.TakeOverAsync(story.Id, Person.Khanh.Principal));
    }
}
