using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Editorial.Core.Articles;
using Editorial.Tests.Http;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Workflow;

/// <summary>
/// <c>POST /api/stories/{id}/workflow</c> on the real app: the same rule as the pages, so a reporter who
/// posts "approve" is refused with a Vietnamese reason, the story is untouched, and the attempt is audited.
/// </summary>
public sealed class WorkflowEndpointTests : IClassFixture<EditorialAppFactory>
{
    private readonly EditorialAppFactory app;

    public WorkflowEndpointTests(EditorialAppFactory app) => this.app = app;

    private async Task<int> StoryInReviewAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var reporter = await users.FindByNameAsync("phongvien");
        Assert.NotNull(reporter);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, reporter.Id), new Claim(ClaimTypes.Name, "phongvien"), new Claim(ClaimTypes.Role, "Reporter")], "Test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        var category = await db.Categories.Select(c => c.Id).FirstAsync();
        var saved = Assert.IsType<SaveResult.Saved>(await scope.ServiceProvider.GetRequiredService<ArticleEditingService>().SaveAsync(
            null,
            new ArticleContent { Title = $"Tin thử quy trình {Guid.NewGuid():N}", Lead = "Sáng nay.", BodyHtml = "<p>Nội dung.</p>", Byline = "Thu Ngà", CategoryId = category },
            0, SaveMode.Manual, principal));
        var submitted = await scope.ServiceProvider.GetRequiredService<StoryWorkflowService>()
            .ExecuteAsync(saved.Id, Core.Workflow.WorkflowAction.Submit, principal, new WorkflowInput());
        Assert.IsType<TransitionResult.Done>(submitted);
        return saved.Id;
    }

    private async Task<(Browser Browser, string Token)> SignedInAsync(string userName)
    {
        var browser = Browser.Open(app);
        await browser.SignInAsync(userName, app.PasswordOf(userName));
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync("/Account/Manage/ChangePassword"));
        return (browser, token);
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, int id, object body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stories/{id}/workflow") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await browser.Client.SendAsync(request);
    }

    private ArticleState StateOf(int id)
    {
        using var scope = app.Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContext();
        return db.Articles.AsNoTracking().Single(a => a.Id == id).State;
    }

    [Fact]
    public async Task A_reporter_posting_approve_is_refused_in_Vietnamese_and_the_attempt_is_audited()
    {
        var id = await StoryInReviewAsync();
        var (reporter, token) = await SignedInAsync("phongvien");

        var response = await PostAsync(reporter, id, new { action = "Approve", expectedState = "InReview" }, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<WorkflowResponseBody>();
        Assert.Equal(("NotEditor", "Chỉ biên tập viên hoặc quản trị viên mới được thực hiện thao tác này."), (body!.Outcome, body.Message));
        Assert.Equal(ArticleState.InReview, StateOf(id));

        using var scope = app.Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContext();
        var refused = db.AuditEntries.AsNoTracking().Single(e => e.ArticleId == id && e.Action == WorkflowAudit.Refused);
        Assert.Equal(("phongvien", "story.approve", "NotEditor"), (refused.UserName, refused.Details, refused.Note));
        // The client address is stored too (see StoryWorkflowServiceTests); the in-memory test server has none.
    }

    [Fact]
    public async Task An_editor_approves_and_a_second_approval_is_told_it_was_already_handled()
    {
        var id = await StoryInReviewAsync();
        var (editor, token) = await SignedInAsync("bientap");

        var first = await PostAsync(editor, id, new { action = "approve", expectedState = "InReview" }, token);
        var second = await PostAsync(editor, id, new { action = "approve", expectedState = "InReview" }, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Approved", (await first.Content.ReadFromJsonAsync<WorkflowResponseBody>())!.State);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var told = (await second.Content.ReadFromJsonAsync<WorkflowResponseBody>())!;
        Assert.Equal("already-handled", told.Outcome);
        Assert.StartsWith("Bài đã được", told.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleState.Approved, StateOf(id));
    }

    [Fact]
    public async Task Without_the_antiforgery_token_nothing_happens()
    {
        var id = await StoryInReviewAsync();
        var (editor, _) = await SignedInAsync("bientap");

        var response = await PostAsync(editor, id, new { action = "Approve" }, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ArticleState.InReview, StateOf(id));
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in_and_unknown_actions_are_named()
    {
        var id = await StoryInReviewAsync();
        using var anonymous = Browser.Open(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, id, new { action = "Approve" }, token: null)).StatusCode);

        var (editor, token) = await SignedInAsync("bientap");
        var unknown = await PostAsync(editor, id, new { action = "Delete" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Approve", (await unknown.Content.ReadFromJsonAsync<WorkflowResponseBody>())!.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleState.InReview, StateOf(id));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_even_by_going_around_the_application()
    {
        await StoryInReviewAsync();
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, "sửa lén")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "story.submit"));
    }
}
