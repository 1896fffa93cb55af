using Editorial.Core.Royalties;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Publishing;
using Editorial.Web.Features.Royalties;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Royalties;

/// <summary>
/// The royalty services over a seeded SQLite database (<see cref="StoryDatabase"/>): the example genres and
/// 100.000 đ from 01/01/2017, and stories published through the real workflow at chosen times.
/// </summary>
internal sealed class RoyaltyDatabase : IDisposable
{
    public RoyaltyDatabase(bool onDisk = false)
        : this(onDisk ? StoryDatabase.OnDisk() : StoryDatabase.InMemory())
    {
    }

    public RoyaltyDatabase(StoryDatabase db)
    {
        Db = db;
        Stories = new ScheduleStories(Db);
        Seed = new RoyaltySeed(Db, Db.Time, NullLogger<RoyaltySeed>.Instance);
        Seed.EnsureAsync().GetAwaiter().GetResult();
        Settings = new RoyaltySettingsService(Db, Db.Audit, Db.Time);
        Assessments = new RoyaltyAssessmentService(Db, Db.Audit, Db.Clock);
        Reports = new RoyaltyReportService(Db, Db.Audit, Db.Clock, Db.Time);
    }

    public StoryDatabase Db { get; }

    public ScheduleStories Stories { get; }

    public RoyaltySeed Seed { get; }

    public RoyaltySettingsService Settings { get; }

    public RoyaltyAssessmentService Assessments { get; }

    public RoyaltyReportService Reports { get; }

    public static readonly RoyaltyMonth April2017 = new(2017, 4);

    /// <summary>Publishes a story now (the test moves the clock first) written by <paramref name="author"/> with this byline.</summary>
    public async Task<int> PublishedAsync(string title, string? byline = null, Person? author = null)
    {
        var id = await Stories.ApprovedAsync(title, author: author);
        if (byline is not null)
        {
            using var db = Db.CreateDbContext();
            db.Articles.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.Byline, byline));
        }

        await Stories.ActAsync(Person.Lan, id, Editorial.Core.Workflow.WorkflowAction.PublishNow);
        return id;
    }

    public int GenreId(string name)
    {
        using var db = Db.CreateDbContext();
        return db.RoyaltyGenres.Single(g => g.Name == name).Id;
    }

    public StoryRoyalty? Royalty(int articleId)
    {
        using var db = Db.CreateDbContext();
        return db.StoryRoyalties.AsNoTracking().Include(r => r.Shares).SingleOrDefault(r => r.ArticleId == articleId);
    }

    public List<AuditEntry> Audit(string action)
    {
        using var db = Db.CreateDbContext();
        return db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToList();
    }

    public async Task AssessAsync(int articleId, string genre, decimal coefficient, params ShareLine[] shares)
    {
        var outcome = await Assessments.SaveAsync(articleId, GenreId(genre), coefficient, shares, Person.Lan.Principal);
        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
    }

    public void Dispose() => Db.Dispose();
}
