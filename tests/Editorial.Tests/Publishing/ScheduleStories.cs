using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Workflow;

namespace Editorial.Tests.Publishing;

/// <summary>
/// Puts stories on the publishing schedule the way the newsroom does: Khánh writes and submits, Lan approves,
/// then schedules, publishes or takes down, all through the workflow service over a <see cref="StoryDatabase"/>.
/// </summary>
internal sealed class ScheduleStories(StoryDatabase db)
{
    public async Task<int> ApprovedAsync(string title, int? categoryId = null, Person? author = null)
    {
        author ??= Person.Khanh;
        var saved = await db.CreateAsync(author, new ArticleContent
        {
            Title = title,
            Lead = $"CTTĐT – Sáng 20/4, {title.ToLowerInvariant()}.",
            BodyHtml = "<p>Nội dung bài.</p>",
            CategoryId = categoryId ?? db.ProvinceNews,
            Byline = author.FullName,
        });
        await ActAsync(author, saved.Id, WorkflowAction.Submit);
        await ActAsync(Person.Lan, saved.Id, WorkflowAction.Approve);
        return saved.Id;
    }

    public async Task<int> ScheduledAsync(string title, DateTimeOffset atUtc, int? categoryId = null)
    {
        var id = await ApprovedAsync(title, categoryId);
        await ActAsync(Person.Lan, id, WorkflowAction.Schedule, atUtc: atUtc);
        return id;
    }

    public async Task<int> PublishedAsync(string title, int? categoryId = null)
    {
        var id = await ApprovedAsync(title, categoryId);
        await ActAsync(Person.Lan, id, WorkflowAction.PublishNow);
        return id;
    }

    /// <summary>As the scheduler publishes a story it missed while the app was down: at its time, with the delay noted.</summary>
    public async Task<int> PublishedLateAsync(string title, DateTimeOffset atUtc, TimeSpan delay, string lateNote)
    {
        var id = await ScheduledAsync(title, atUtc);
        db.Clock.SetUtcNow(atUtc + delay);
        Assert.IsType<TransitionResult.Done>(await db.Workflow.PublishScheduledAsync(id, lateNote, late: true));
        return id;
    }

    public async Task<TransitionResult.Done> ActAsync(Person person, int id, WorkflowAction action, string? note = null, DateTimeOffset? atUtc = null)
    {
        var result = await db.Workflow.ExecuteAsync(id, action, person.Principal, new WorkflowInput(note, atUtc, AcceptWarnings: true));
        return Assert.IsType<TransitionResult.Done>(result);
    }
}
