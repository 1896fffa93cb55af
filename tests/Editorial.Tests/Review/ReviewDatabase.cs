using Editorial.Core.Articles;
using Editorial.Core.Configuration;
using Editorial.Core.Time;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Review;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Review;

/// <summary>
/// A real SQLite file with the newsroom's people and two categories (<see cref="StoryDatabase"/>), and the
/// review services over it; stories reach the queue the way they do in the app, through the workflow service.
/// </summary>
internal sealed class ReviewDatabase : IDisposable
{
    private readonly TemporaryFolder dataFolder = new();

    public ReviewDatabase()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var vietnam));
        Time = new PortalTime(Stories.Clock, vietnam);
        Settings = new EditorialSettings
        {
            Options = new EditorialOptions { PortalName = "Cổng Thông tin điện tử tỉnh Hà Giang", DatelinePrefix = "CTTĐT", TimeZone = "Asia/Ho_Chi_Minh" },
            DataFolder = dataFolder.Path,
            ConnectionString = "Data Source=:memory:",
            TimeZone = vietnam,
        };
        Events = new WorkstationEvents(NullLogger<WorkstationEvents>.Instance);
        Workflow = new StoryWorkflowService(Stories, Settings, Stories.Clock, Time, Events, [], NullLogger<StoryWorkflowService>.Instance);
        Timeline = new StoryTimelineService(Stories, Stories.Clock, Events);
        Queue = new ReviewQueueService(Stories);
        Media = new MediaStore(new MediaSettings { Folder = Path.Combine(dataFolder.Path, "media") }, Stories, Stories.Clock, NullLogger<MediaStore>.Instance);
        Review = new ReviewStoryService(Stories, Stories.Sanitizer, Media);
    }

    public StoryDatabase Stories { get; } = StoryDatabase.OnDisk();

    public PortalTime Time { get; }

    public EditorialSettings Settings { get; }

    public WorkstationEvents Events { get; }

    public StoryWorkflowService Workflow { get; }

    public StoryTimelineService Timeline { get; }

    public ReviewQueueService Queue { get; }

    public MediaStore Media { get; }

    public ReviewStoryService Review { get; }

    /// <summary>Writes a story that passes the submission checklist and returns its id.</summary>
    public async Task<int> WriteAsync(Person author, string title, int? categoryId = null)
    {
        var saved = await Stories.CreateAsync(author, new ArticleContent
        {
            Title = title,
            Lead = $"CTTĐT – Sáng 20/4, {title.ToLowerInvariant()}.",
            BodyHtml = "<p>Nội dung bài.</p>",
            CategoryId = categoryId ?? Stories.ProvinceNews,
            Byline = author.FullName,
        });
        return saved.Id;
    }

    /// <summary>Writes a story and sends it to review as its author.</summary>
    public async Task<int> SubmitNewAsync(Person author, string title, int? categoryId = null)
    {
        var id = await WriteAsync(author, title, categoryId);
        await ActAsync(author, id, WorkflowAction.Submit);
        return id;
    }

    /// <summary>Runs a workflow action and fails the test unless it went through.</summary>
    public async Task<TransitionResult.Done> ActAsync(Person person, int id, WorkflowAction action, string? note = null)
    {
        var result = await Workflow.ExecuteAsync(id, action, person.Principal, new WorkflowInput(Note: note, AcceptWarnings: true));
        return Assert.IsType<TransitionResult.Done>(result);
    }

    public void Dispose()
    {
        Stories.Dispose();
        dataFolder.Dispose();
    }
}
