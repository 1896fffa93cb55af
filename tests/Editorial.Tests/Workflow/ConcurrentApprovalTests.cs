using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Workflow;

/// <summary>Two editors acting on the same story at the same moment, against a real SQLite file.</summary>
public sealed class ConcurrentApprovalTests : IDisposable
{
    private readonly StoryDatabase db;

    public ConcurrentApprovalTests()
        : this(StoryDatabase.OnDisk())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal ConcurrentApprovalTests(StoryDatabase database) => db = database;

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData(WorkflowAction.Approve, WorkflowAction.Approve)]
    [InlineData(WorkflowAction.Approve, WorkflowAction.RequestChanges)]
    public async Task Exactly_one_wins_the_other_is_told_and_the_audit_trail_shows_one_transition(WorkflowAction first, WorkflowAction second)
    {
        var id = (await db.CreateAsync(Person.Khanh, new ArticleContent
        {
            Title = "Hội nghị giao ban báo chí tháng 4",
            Lead = "Sáng 20/4, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban báo chí tháng 4.",
            BodyHtml = "<p>Nội dung.</p>",
            Byline = "Thu Ngà",
            CategoryId = db.ProvinceNews,
        })).Id;
        Assert.IsType<TransitionResult.Done>(await db.Workflow.ExecuteAsync(id, WorkflowAction.Submit, Person.Khanh.Principal, new WorkflowInput()));

        // Hold each editor just after they have read the story (at the look-up of their own name), until
        // both have read it: both saw "InReview", both rules passed, and both now try to write.
        var lanHasRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var minhHasRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Commands.BeforeCommand = async (actor, sql) =>
        {
            if (!sql.Contains("\"AspNetUsers\"", StringComparison.Ordinal) || sql.Contains("UPDATE", StringComparison.Ordinal))
            {
                return;
            }

            if (actor == Person.Lan.Id && !lanHasRead.Task.IsCompleted)
            {
                lanHasRead.TrySetResult();
                await minhHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            else if (actor == Person.Minh.Id && !minhHasRead.Task.IsCompleted)
            {
                minhHasRead.TrySetResult();
                await lanHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        };

        var results = await Task.WhenAll(
            Task.Run(() =>
            {
                CommandGate.Actor = Person.Lan.Id;
                return db.Workflow.ExecuteAsync(id, first, Person.Lan.Principal, new WorkflowInput("Bổ sung", ExpectedState: ArticleState.InReview));
            }),
            Task.Run(() =>
            {
                CommandGate.Actor = Person.Minh.Id;
                return db.Workflow.ExecuteAsync(id, second, Person.Minh.Principal, new WorkflowInput("Bổ sung", ExpectedState: ArticleState.InReview));
            }));
        db.Commands.BeforeCommand = null;

        Assert.True(lanHasRead.Task.IsCompleted && minhHasRead.Task.IsCompleted, "The two actions did not interleave as planned.");
        var done = Assert.Single(results.OfType<TransitionResult.Done>());
        var told = Assert.Single(results.OfType<TransitionResult.AlreadyHandled>());
        Assert.Equal(done.To, told.Current);
        Assert.Equal(done.To, db.Row(id).State);

        using var context = db.CreateDbContext();
        var transitions = context.AuditEntries.AsNoTracking()
            .Where(e => e.ArticleId == id && e.Action != "story.submit")
            .ToList();
        var entry = Assert.Single(transitions);
        Assert.Equal(("InReview", done.To.ToString()), (entry.FromState, entry.ToState));
        Assert.Single(context.Notifications.AsNoTracking().Where(n => n.RecipientId == Person.Khanh.Id));
    }
}
