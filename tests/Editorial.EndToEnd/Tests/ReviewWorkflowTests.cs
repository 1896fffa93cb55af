using System.Text.Json;
using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>
/// Submitting, returning with a note, resubmitting and approving a story through the pages, by three
/// people in three browsers; a reporter who tries to approve; an editor taking over a story being edited.
/// In the "Story drafting" app (a fourth app made the suite's saves too slow on two cores); every step
/// finds its own story by id, so the drafting tests' stories do not matter here, nor these there.
/// </summary>
[Collection(StoryDraftingCollection.Name)]
public sealed partial class ReviewWorkflowTests(StoryDraftingAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string ReporterName = "Phóng viên Demo";
    private const string EditorName = "Biên tập viên Demo";
    private const string AdministratorName = "Quản trị viên Demo";
    private const string Category = "Hoạt động của tỉnh";

    private const string Draft = "Bản nháp";
    private const string InReview = "Chờ duyệt";
    private const string Returned = "Trả lại (yêu cầu sửa)";
    private const string Approved = "Đã duyệt";

    private const string NoteRequired = "Cần ghi rõ lý do (ghi chú bắt buộc).";
    private const string NotEditor = "Chỉ biên tập viên hoặc quản trị viên mới được thực hiện thao tác này.";

    [Fact]
    public Task Reporter_submits_editor_returns_with_a_note_reporter_fixes_and_resubmits_a_second_editor_approves_and_the_reporter_cannot_approve() => InBrowserAsync(async session =>
    {
        const string title = "Tỉnh triển khai kế hoạch phát triển du lịch cộng đồng năm 2017";
        const string firstLead = "CTTĐT – Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch.";
        const string fixedLead = "CTTĐT – Sáng 20/4, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch phát triển du lịch cộng đồng năm 2017.";
        const string byline = "Minh Anh";
        const string paragraph = "Hội nghị đã thống nhất các nhiệm vụ trọng tâm trong năm 2017.";
        const string note = "Sa-pô cần ghi rõ ngày tổ chức hội nghị và tên kế hoạch.";

        // 1. The reporter writes a complete story and submits it: the checklist is all ticked.
        var reporter = await session.NewPageAsync();
        reporter.AcceptLeavePagePrompts();
        await reporter.SignInAsync(Fixture.Reporter);
        await reporter.OpenNewStoryAsync();
        await reporter.FillFieldAsync("#story-title", title);
        await reporter.FillFieldAsync("#story-lead", firstLead);
        await reporter.FillFieldAsync("#story-byline", byline);
        await reporter.ChooseCategoryAsync(Category);
        await reporter.StoryBody().ClickAsync();
        await reporter.Keyboard.TypeAsync(paragraph);
        await reporter.SaveWithButtonAsync();
        var id = await reporter.StoryIdFromUrlAsync();

        var panel = reporter.GetByTestId("workflow-panel");
        await ExpectStateAsync(reporter, "Draft", Draft);
        var checklist = panel.GetByTestId("workflow-checklist").GetByTestId("checklist-item");
        await Expect(checklist).ToHaveCountAsync(4);
        await Expect(checklist).ToHaveTextAsync([new Regex("Tiêu đề"), new Regex("Sa-pô"), new Regex("Chuyên mục"), new Regex("Tác giả")]);
        foreach (var item in await checklist.AllAsync())
        {
            await Expect(item).ToHaveAttributeAsync("data-passed", "true");
        }

        await Expect(panel.GetByTestId("workflow-Approve")).ToHaveCountAsync(0);
        await panel.GetByTestId("workflow-Submit").ClickAsync();
        await ExpectStateAsync(reporter, "InReview", InReview);
        await Expect(reporter.Locator(".mud-snackbar", new() { HasTextString = "Đã gửi bài chờ duyệt." })).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("workflow-checklist")).ToHaveCountAsync(0);
        await Expect(panel.GetByTestId("workflow-Withdraw")).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("workflow-Approve")).ToHaveCountAsync(0);
        await Expect(reporter.Locator("#story-title")).ToHaveAttributeAsync("readonly", new Regex(".*"));

        // The reporter leaves for "Bài của tôi".
        await reporter.GotoAsync("/editorial/my-stories");
        await reporter.WaitForInteractiveAsync();

        // 2. The editor finds it in the queue and opens it read-only.
        var editor = await session.NewPageAsync();
        await editor.SignInAsync(Fixture.Editor);
        await editor.WaitForInteractiveAsync();
        await editor.NavLink("Chờ duyệt").ClickAsync();
        await editor.WaitForURLAsync(new Regex("/editorial/review$"));
        var row = editor.Locator($"[data-testid=review-row][data-story-id='{id}']");
        await Expect(row).ToContainTextAsync(title);
        await Expect(row).ToContainTextAsync(ReporterName);
        await Expect(row).ToContainTextAsync(Category);
        await row.GetByTestId("review-title").ClickAsync();
        await editor.WaitForURLAsync(new Regex($"/editorial/review/{id}$"));
        await editor.WaitForInteractiveAsync();
        await Expect(editor.GetByTestId("review-article").GetByTestId("review-title")).ToHaveTextAsync(title);
        await Expect(editor.GetByTestId("review-lead")).ToHaveTextAsync(firstLead);
        await Expect(editor.GetByTestId("review-body")).ToContainTextAsync(paragraph);
        await ExpectStateAsync(editor, "InReview", InReview);

        // Returning without a note is refused inside the dialog, in Vietnamese, and changes nothing.
        await editor.GetByTestId("workflow-RequestChanges").ClickAsync();
        var noteField = editor.Locator("#workflow-note");
        await Expect(noteField).ToBeVisibleAsync();
        await editor.GetByTestId("workflow-confirm").ClickAsync();
        await Expect(editor.GetByTestId("workflow-dialog-error")).ToHaveTextAsync(NoteRequired);
        await Expect(noteField).ToBeVisibleAsync();
        await ExpectStateAsync(editor, "InReview", InReview);

        // With a note it goes back to the reporter.
        await noteField.FillAsync(note);
        await editor.GetByTestId("workflow-confirm").ClickAsync();
        await Expect(noteField).ToHaveCountAsync(0);
        await ExpectStateAsync(editor, "ChangesRequested", Returned);
        await Expect(editor.GetByTestId("story-state")).ToHaveTextAsync(Returned);
        await Expect(editor.Locator(".mud-snackbar", new() { HasTextString = "Đã trả lại bài cho tác giả kèm ghi chú." })).ToBeVisibleAsync();

        // 3. The reporter opens the story from the list and sees the note at the top.
        await ExpectReturnNotificationIfShownAsync(reporter, title);
        await reporter.GetByTestId("article-grid").Locator($"a.story-link[href='/editorial/stories/{id}']").ClickAsync();
        await reporter.WaitForURLAsync(new Regex($"/editorial/stories/{id}$"));
        await reporter.WaitForStoryEditorAsync();
        var returnNote = reporter.GetByTestId("return-note");
        await Expect(returnNote).ToContainTextAsync("Biên tập viên yêu cầu sửa");
        await Expect(returnNote).ToContainTextAsync(note);
        await Expect(returnNote).ToContainTextAsync(EditorName);
        await ExpectStateAsync(reporter, "ChangesRequested", Returned);
        await Expect(reporter.GetByTestId("held-by-other")).ToHaveCountAsync(0);
        var shot = await SaveScreenshotAsync(reporter, "return-note");
        Output.WriteLine($"Return note: {shot}");

        // It fixes the lead, saves and sends it again.
        await reporter.FillFieldAsync("#story-lead", fixedLead);
        await reporter.SaveWithButtonAsync();
        await Expect(panel.GetByTestId("workflow-checklist").GetByTestId("checklist-item")).ToHaveCountAsync(4);
        await panel.GetByTestId("workflow-Submit").ClickAsync();
        await ExpectStateAsync(reporter, "InReview", InReview);
        await Expect(reporter.GetByTestId("return-note")).ToHaveCountAsync(0);
        await Expect(panel.GetByTestId("workflow-Approve")).ToHaveCountAsync(0);

        // While it waits, the reporter asks the service endpoint to approve it: refused for the role.
        session.ExpectProblem(new Regex($@"^console error on \S+/editorial/stories/{id}: Failed to load resource: the server responded with a status of (400|403) "));
        var withoutToken = await PostWorkflowAsync(reporter, id, new { action = "Approve", expectedState = "InReview" }, token: null);
        Assert.Equal(400, withoutToken.Status);
        Assert.Equal("antiforgery", withoutToken.Outcome);
        var token = await AntiforgeryTokenAsync(reporter);
        var whileInReview = await PostWorkflowAsync(reporter, id, new { action = "Approve", expectedState = "InReview" }, token);
        Assert.True(whileInReview.Status == 403, $"reporter approving a story in review: expected 403, got {whileInReview}");
        Assert.Equal("NotEditor", whileInReview.Outcome);
        Assert.Equal(NotEditor, whileInReview.Message);
        await reporter.ReloadAsync();
        await ExpectStateAsync(reporter, "InReview", InReview);

        // 4. A second editor, the administrator, approves it from the review page.
        var administrator = await session.NewPageAsync();
        await administrator.SignInAsync(Fixture.Administrator);
        await administrator.GotoAsync($"/editorial/review/{id}");
        await administrator.WaitForInteractiveAsync();
        await Expect(administrator.GetByTestId("review-lead")).ToHaveTextAsync(fixedLead);
        await ExpectStateAsync(administrator, "InReview", InReview);
        await administrator.GetByTestId("workflow-Approve").ClickAsync();
        await ExpectStateAsync(administrator, "Approved", Approved);
        await Expect(administrator.GetByTestId("story-state")).ToHaveTextAsync(Approved);
        await Expect(administrator.Locator(".mud-snackbar", new() { HasTextString = "Đã duyệt bài." })).ToBeVisibleAsync();

        // The timeline: submitted, returned with the note, submitted again, approved; by whom.
        var timeline = administrator.GetByTestId("timeline").GetByTestId("timeline-entry");
        await Expect(timeline).ToHaveCountAsync(4);
        await Expect(timeline.GetByTestId("timeline-what")).ToHaveTextAsync(
        [
            $"Gửi duyệt: {Draft} → {InReview}",
            $"Trả lại: {InReview} → {Returned}",
            $"Gửi duyệt: {Returned} → {InReview}",
            $"Duyệt: {InReview} → {Approved}",
        ]);
        await Expect(timeline.GetByTestId("timeline-who")).ToHaveTextAsync([ReporterName, EditorName, ReporterName, AdministratorName]);
        await Expect(timeline.Nth(1).GetByTestId("timeline-note")).ToHaveTextAsync(note);
        await Expect(timeline.GetByTestId("timeline-note")).ToHaveCountAsync(1);
        await administrator.Mouse.MoveAsync(0, 0);
        await Expect(administrator.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        shot = await SaveScreenshotAsync(administrator, "review-approved");
        Output.WriteLine($"Review page after approval: {shot}");

        // 5. The reporter tries to approve anyway. By address: the review page is not theirs.
        await reporter.GotoAsync($"/editorial/review/{id}");
        await reporter.WaitForURLAsync(new Regex("/Account/AccessDenied"));
        await Expect(reporter.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");

        // Their own story page shows the state and no Approve button.
        await reporter.GotoAsync($"/editorial/stories/{id}");
        await reporter.WaitForInteractiveAsync();
        await ExpectStateAsync(reporter, "Approved", Approved);
        await Expect(panel).ToContainTextAsync("Bạn không có thao tác nào với bài ở trạng thái này.");
        await Expect(panel.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // By the endpoint, with a real token: refused, and the story stays approved.
        token = await AntiforgeryTokenAsync(reporter);
        var afterApproval = await PostWorkflowAsync(reporter, id, new { action = "Approve" }, token);
        Assert.True(afterApproval.Status == 403, $"reporter approving an approved story: expected 403, got {afterApproval}");
        Assert.Matches(VietnameseSentence(), afterApproval.Message);
        Assert.Null(afterApproval.State);

        // Saying which state it expected, the reporter is at present told "already handled" (409) rather than
        // refused for the role (403); either way nothing changes. (The role check comes after the expected-state
        // check in StoryWorkflowService; reported.)
        session.ExpectProblem(new Regex($@"^console error on \S+/editorial/stories/{id}: Failed to load resource: the server responded with a status of 409 "));
        var withExpectedState = await PostWorkflowAsync(reporter, id, new { action = "Approve", expectedState = "InReview" }, token);
        Output.WriteLine($"Reporter approving an approved story with expectedState InReview: {withExpectedState}");
        Assert.True(withExpectedState.Status is 403 or 409, $"expected a refusal, got {withExpectedState}");
        Assert.NotEqual("done", withExpectedState.Outcome);
        Assert.Matches(VietnameseSentence(), withExpectedState.Message);

        await reporter.ReloadAsync();
        await ExpectStateAsync(reporter, "Approved", Approved);
        await administrator.ReloadAsync();
        await ExpectStateAsync(administrator, "Approved", Approved);
        await Expect(administrator.GetByTestId("timeline").GetByTestId("timeline-entry")).ToHaveCountAsync(4);
    });

    [Fact]
    public Task Editor_takes_over_a_story_the_reporter_is_editing_and_the_reporter_is_told_at_once_and_can_no_longer_type() => InBrowserAsync(async session =>
    {
        const string title = "Huyện Đồng Văn khai mạc chợ phiên cuối tuần";
        const string lead = "CTTĐT – Sáng nay, huyện Đồng Văn khai mạc chợ phiên cuối tuần phục vụ du khách.";

        // The reporter writes a draft and keeps it open: they hold it for editing.
        var reporter = await session.NewPageAsync();
        reporter.AcceptLeavePagePrompts();
        await reporter.SignInAsync(Fixture.Reporter);
        await reporter.OpenNewStoryAsync();
        await reporter.FillFieldAsync("#story-title", title);
        await reporter.FillFieldAsync("#story-lead", lead);
        await reporter.SaveWithButtonAsync();
        var id = await reporter.StoryIdFromUrlAsync();
        await Expect(reporter.GetByTestId("held-by-other")).ToHaveCountAsync(0);

        // The editor opens the same story: told who has it, can read but not type, and may take over.
        var editor = await session.NewPageAsync();
        editor.AcceptLeavePagePrompts();
        await editor.SignInAsync(Fixture.Editor);
        await editor.GotoAsync($"/editorial/stories/{id}");
        await Expect(editor.Locator(".rich-text-editor-host[aria-busy='false']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var held = editor.GetByTestId("held-by-other");
        await Expect(held).ToContainTextAsync("Đang được chỉnh sửa bởi " + ReporterName);
        await Expect(editor.Locator("#story-title")).ToHaveValueAsync(title);
        await Expect(editor.Locator("#story-title")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(editor.StoryBody()).ToHaveClassAsync(ReadOnlyBody());
        await Expect(editor.GetByTestId("save")).ToBeDisabledAsync();

        await held.GetByTestId("take-over").ClickAsync();
        await Expect(held).ToHaveCountAsync(0);
        await Expect(editor.Locator("#story-title")).Not.ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(editor.StoryBody()).Not.ToHaveClassAsync(ReadOnlyBody());
        await Expect(editor.StoryBody()).ToHaveAttributeAsync("contenteditable", "true");
        await Expect(editor.GetByTestId("save")).ToBeEnabledAsync();

        // The reporter's page says so without a reload, and nothing there can be typed into or saved.
        var takenOver = reporter.GetByTestId("taken-over");
        await Expect(takenOver).ToContainTextAsync(EditorName + " đã tiếp quản bài lúc");
        Assert.EndsWith($"/editorial/stories/{id}", reporter.Url, StringComparison.Ordinal);
        await Expect(reporter.Locator("#story-title")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(reporter.Locator("#story-lead")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(reporter.Locator("#story-byline")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(reporter.StoryBody()).ToHaveClassAsync(ReadOnlyBody());
        await Expect(reporter.GetByTestId("save")).ToBeDisabledAsync();

        // Typing there changes nothing (TinyMCE's read-only mode keeps the body selectable).
        var bodyBefore = await reporter.StoryBody().InnerHTMLAsync();
        await reporter.StoryBody().ClickAsync();
        await reporter.Keyboard.TypeAsync("chữ gõ sau khi bị tiếp quản");
        await reporter.Locator("#story-title").ClickAsync();
        await reporter.Keyboard.TypeAsync(" thêm");
        await Expect(reporter.Locator("#story-title")).ToHaveValueAsync(title);
        Assert.Equal(bodyBefore, await reporter.StoryBody().InnerHTMLAsync());
        await Expect(reporter.GetByTestId("save-status")).Not.ToHaveTextAsync("Có thay đổi chưa lưu");

        // The editor's change is saved; the reporter's page did not overwrite it.
        const string editorsTitle = title + " đầu tiên";
        await editor.FillFieldAsync("#story-title", editorsTitle);
        await editor.SaveWithButtonAsync();
        await Expect(takenOver).ToBeVisibleAsync();
        await Expect(reporter.Locator("#story-title")).ToHaveValueAsync(title);
        await editor.ReloadAsync();
        await editor.WaitForStoryEditorAsync();
        await Expect(editor.Locator("#story-title")).ToHaveValueAsync(editorsTitle);
        await Expect(editor.GetByTestId("last-edited")).ToContainTextAsync("Sửa lần cuối bởi " + EditorName);
    });

    /// <summary>The workflow panel's state chip: its value and its Vietnamese label.</summary>
    private static async Task ExpectStateAsync(IPage page, string state, string label)
    {
        var chip = page.GetByTestId("workflow-panel").GetByTestId("workflow-state");
        await Expect(chip).ToHaveAttributeAsync("data-state", state);
        await Expect(chip).ToHaveTextAsync(label);
    }

    /// <summary>
    /// The notifications (bell and live message) are new: when the page has the bell, the return shows as
    /// an unread notification and a live message. The person then closes the message, which otherwise sits
    /// over the story editor's "Lưu" button at the top right (and stays while the pointer is on it).
    /// </summary>
    private async Task ExpectReturnNotificationIfShownAsync(IPage page, string title)
    {
        var count = page.GetByTestId("notification-count");
        if (await count.CountAsync() == 0)
        {
            Output.WriteLine("No notification bell on the page; not checked.");
            return;
        }

        await Expect(count.Locator(".mud-badge")).ToHaveTextAsync(new Regex(@"^\s*[1-9]\d*\+?\s*$"));
        var toast = page.Locator(".mud-snackbar", new() { HasTextString = title });
        await Expect(toast).ToContainTextAsync(EditorName);
        Output.WriteLine($"Notification bell shows {await count.Locator(".mud-badge").InnerTextAsync()}; live message: {await toast.InnerTextAsync()}");
        await toast.Locator(".mud-icon-button").Last.ClickAsync();
        await Expect(toast).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The antiforgery token the app rendered for this person: the sign-out form in the user menu carries
    /// it, as any form of the app does.
    /// </summary>
    private static async Task<string> AntiforgeryTokenAsync(IPage page)
    {
        await page.WaitForInteractiveAsync();
        await page.OpenUserMenuAsync();
        var input = page.Locator(".mud-popover-open form input[name='__RequestVerificationToken']");
        var token = await input.GetAttributeAsync("value");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token in the page's sign-out form");
        return token!;
    }

    /// <summary>POST /api/stories/{id}/workflow from inside the signed-in page (its cookies, same origin).</summary>
    private static async Task<EndpointAnswer> PostWorkflowAsync(IPage page, int id, object body, string? token)
    {
        var raw = await page.EvaluateAsync<string>(
            """
            async ([url, body, token]) => {
                const headers = { 'Content-Type': 'application/json' };
                if (token) { headers['RequestVerificationToken'] = token; }
                const response = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
                return JSON.stringify({ status: response.status, text: await response.text() });
            }
            """,
            new object?[] { $"/api/stories/{id}/workflow", JsonSerializer.Serialize(body), token });
        using var outer = JsonDocument.Parse(raw);
        var status = outer.RootElement.GetProperty("status").GetInt32();
        var text = outer.RootElement.GetProperty("text").GetString() ?? "";
        string? outcome = null, state = null, message = null;
        try
        {
            using var answer = JsonDocument.Parse(text);
            outcome = answer.RootElement.TryGetProperty("outcome", out var o) ? o.GetString() : null;
            state = answer.RootElement.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            message = answer.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: the assertions show the status and the text.
        }

        return new EndpointAnswer(status, outcome, state, message, text);
    }

    private sealed record EndpointAnswer(int Status, string? Outcome, string? State, string? Message, string Text)
    {
        public override string ToString() => $"{Status} {Text}";
    }

    /// <summary>TinyMCE's body in read-only mode (it stays contenteditable, for selecting and copying).</summary>
    [GeneratedRegex(@"\bmce-content-readonly\b")]
    private static partial Regex ReadOnlyBody();

    /// <summary>A sentence with Vietnamese letters (diacritics), ending with a full stop.</summary>
    [GeneratedRegex(@"^(?=.*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]).+\.$", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseSentence();
}
