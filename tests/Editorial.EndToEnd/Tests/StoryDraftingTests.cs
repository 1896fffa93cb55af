using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>
/// A third app for the tests that write stories, so the drafts they leave behind never show up in the
/// shared app's lists (its review queue, for example, is expected to be empty).
/// </summary>
public sealed class StoryDraftingAppFixture : EditorialAppFixture;

[CollectionDefinition(Name)]
public sealed class StoryDraftingCollection : ICollectionFixture<StoryDraftingAppFixture>
{
    public const string Name = "Story drafting";
}

/// <summary>Writing stories in the editor: the meeting-report template, saving, bad input, conflicts, revisions, legacy text, the browser backup.</summary>
[Collection(StoryDraftingCollection.Name)]
public sealed partial class StoryDraftingTests(StoryDraftingAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // The seed story (a provincial portal's report of 20/04/2017), as the reporter types it.
    private const string SeedHeadline =
        "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";
    private const string Organizer = "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)";
    private const string Subject = "Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";
    private const string Sites = "các huyện, thành phố";
    private const string ChairName = "Thào Hồng Sơn";
    private const string ChairTitles = "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh";
    private const string FirstParagraph = "Trong quý I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc.";
    private const string Caption = "Toàn cảnh Hội nghị";
    private const string Category = "Hoạt động của tỉnh";

    private const string ReporterName = "Phóng viên Demo";
    private const string EditorName = "Biên tập viên Demo";

    [Fact]
    public Task Reporter_writes_a_meeting_report_from_the_template_and_finds_it_again_by_typing_without_diacritics() => InBrowserAsync(async session =>
    {
        var page = await session.NewPageAsync();
        await page.SetViewportSizeAsync(ViewportWidth, 900);
        await page.SignInAsync(Fixture.Reporter);

        await page.GotoAsync("/editorial/my-stories");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("new-meeting-report").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/editorial/stories/new\?kind=meeting$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Viết báo cáo Hội nghị");
        await page.WaitForStoryEditorAsync();

        // TinyMCE speaks Vietnamese, and the template's outline is already in the body. (Its sticky toolbar
        // fades out while the editor is below the fold: look at it first.)
        await page.Locator(".tox-tinymce").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".tox-tinymce").GetByRole(AriaRole.Button, new() { Name = "In đậm", Exact = true })).ToBeVisibleAsync();
        await Expect(page.StoryBody().Locator("h2")).ToHaveTextAsync(["Kết quả", "Tồn tại, hạn chế", "Phương hướng nhiệm vụ", "Kết luận"]);

        // The meeting's facts, as in the seed story.
        await page.FillFieldAsync("#meeting-organizer", Organizer);
        await page.FillFieldAsync("#meeting-subject", Subject);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Trực tuyến" })).ToBeCheckedAsync();
        await page.FillFieldAsync("#meeting-sites", "11");
        await page.FillFieldAsync("#meeting-sites-description", Sites);
        await page.FillFieldAsync("#meeting-chair-name-0", ChairName);
        await page.FillFieldAsync("#meeting-chair-titles-0", ChairTitles);

        await page.GetByTestId("meeting-generate").ClickAsync();
        var lead = page.Locator("#story-lead");
        await Expect(lead).ToHaveValueAsync(new Regex("^CTTĐT – .*" + Regex.Escape(Organizer) + " đã họp trực tuyến với 11 điểm cầu gồm " + Regex.Escape(Sites)));
        await Expect(lead).ToHaveValueAsync(new Regex(Regex.Escape("Chủ trì Hội nghị có đồng chí " + ChairName + ", " + ChairTitles + ".") + "$"));
        var generatedLead = await lead.InputValueAsync();

        // Title typed key by key, with every Vietnamese mark; a paragraph under "Kết quả".
        await page.Locator("#story-title").PressSequentiallyAsync(SeedHeadline);
        await page.Locator("#story-title").BlurAsync();
        await page.StoryBody().Locator("h2:text-is('Kết quả') + p").ClickAsync();
        await page.Keyboard.TypeAsync(FirstParagraph);

        // Featured image with its caption, and the section.
        await page.GetByTestId("featured-file").SetInputFilesAsync(new FilePayload { Name = "toan-canh-hoi-nghi.png", MimeType = "image/png", Buffer = TestImages.Png(480, 320) });
        await ExpectImageShownAsync(page.GetByTestId("featured-preview"));
        await page.FillFieldAsync("#featured-caption", Caption);
        await page.ChooseCategoryAsync(Category);

        await page.SaveWithButtonAsync();
        var id = await page.StoryIdFromUrlAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sửa bài");

        // A picture of the filled editor for people to look at: the whole page at 1366 px wide. TinyMCE hides
        // its sticky toolbar while the editor is out of view and looks again only when the window scrolls, so
        // the window is made as tall as the page and told so.
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); return document.fonts.ready; }");
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(ViewportWidth, Math.Max(900, pageHeight));
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('scroll'))");
        await page.Mouse.MoveAsync(0, 0);
        await Expect(page.Locator(".tox-tinymce").GetByRole(AriaRole.Button, new() { Name = "In đậm", Exact = true })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);
        var shot = await SaveScreenshotAsync(page, "story-editor");
        Output.WriteLine($"Story editor: {shot}");
        await page.SetViewportSizeAsync(ViewportWidth, 900);

        // Everything comes back from the server after a reload.
        await page.ReloadAsync();
        await page.WaitForStoryEditorAsync();
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(SeedHeadline);
        await Expect(lead).ToHaveValueAsync(generatedLead);
        await Expect(page.Locator("#featured-caption")).ToHaveValueAsync(Caption);
        await ExpectImageShownAsync(page.GetByTestId("featured-preview"));
        await Expect(page.StoryBody()).ToContainTextAsync(FirstParagraph);
        await Expect(page.StoryBody().Locator("h2")).ToHaveCountAsync(4);
        await Expect(page.Locator("#meeting-chair-name-0")).ToHaveValueAsync(ChairName);
        await Expect(page.Locator("#meeting-sites")).ToHaveValueAsync("11");
        await Expect(page.GetByTestId("story-category")).ToHaveTextAsync(Category);
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync(SavedAt());
        await Expect(page.GetByTestId("backup-offer")).ToHaveCountAsync(0);

        // "Bài của tôi" lists it, and finds it when the reporter types without diacritics.
        await page.GotoAsync("/editorial/my-stories");
        await page.WaitForInteractiveAsync();
        var link = page.GetByTestId("article-grid").Locator($"a.story-link[href='/editorial/stories/{id}']");
        await Expect(link).ToHaveTextAsync(SeedHeadline);
        await Expect(page.GetByTestId("article-grid")).ToContainTextAsync(Category);

        var search = page.Locator("#my-stories-search");
        await search.FillAsync("khong co bai nao nhu the nay");
        await Expect(page.GetByTestId("grid-empty")).ToBeVisibleAsync();
        await search.FillAsync("hoi nghi truc tuyen");
        await Expect(link).ToHaveTextAsync(SeedHeadline);
        await Expect(page.GetByTestId("grid-empty")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Reporter_saves_with_ctrl_s_and_the_story_saves_itself_after_typing_stops() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);
        await page.OpenNewStoryAsync();

        const string title = "Tỉnh đón nhận Huân chương Lao động hạng Nhì";
        await page.FillFieldAsync("#story-title", title);
        await page.FillFieldAsync("#story-lead", "CTTĐT – Sáng nay, tỉnh tổ chức lễ đón nhận Huân chương Lao động hạng Nhì.");
        await page.StoryBody().ClickAsync();
        await page.Keyboard.TypeAsync("Buổi lễ diễn ra trang trọng tại Hội trường Ủy ban nhân dân tỉnh.");

        // Ctrl+S while the caret is still in the body: saved at once, without the Save button.
        var status = page.GetByTestId("save-status");
        await Expect(status).ToHaveTextAsync("Có thay đổi chưa lưu");
        await page.Keyboard.PressAsync("Control+s");
        await Expect(status).ToHaveTextAsync(SavedAt(), new() { Timeout = StoryEditorSteps.PromptSave });
        var id = await page.StoryIdFromUrlAsync();

        // Ctrl+S in a text field works too. (A text field hands its value to the server when it is left or
        // 300 ms after the last keystroke; the step waits for that before pressing Ctrl+S.)
        await page.Locator("#story-lead").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" Dự buổi lễ có đại diện lãnh đạo các sở, ngành.");
        await page.Locator("#story-lead").BlurAsync();
        await Expect(status).ToHaveTextAsync("Có thay đổi chưa lưu");
        await page.Locator("#story-lead").FocusAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Expect(status).ToHaveTextAsync(SavedAt(), new() { Timeout = StoryEditorSteps.PromptSave });

        // Typing and stopping: no button, no shortcut, and a few seconds later it is saved.
        await page.Locator("#story-title").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" năm 2017");
        var stoppedTyping = Stopwatch.StartNew();
        await Expect(status).ToHaveTextAsync("Có thay đổi chưa lưu");
        await Expect(status).ToHaveTextAsync(SavedAt(), new() { Timeout = 15_000 });
        Assert.True(stoppedTyping.Elapsed >= TimeSpan.FromSeconds(3), $"saved {stoppedTyping.Elapsed.TotalSeconds:0.0} s after typing stopped; autosave should wait about 4 s");

        await page.ReloadAsync();
        await page.WaitForStoryEditorAsync();
        Assert.EndsWith($"/editorial/stories/{id}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(title + " năm 2017");
        await Expect(page.Locator("#story-lead")).ToHaveValueAsync(new Regex("Dự buổi lễ có đại diện lãnh đạo các sở, ngành\\.$"));
        await Expect(page.StoryBody()).ToContainTextAsync("Buổi lễ diễn ra trang trọng tại Hội trường Ủy ban nhân dân tỉnh.");
    });

    [Fact]
    public Task Reporter_cannot_type_a_too_long_title_sees_why_an_empty_title_is_not_saved_and_cannot_use_a_non_image_as_featured_image() => InBrowserAsync(async session =>
    {
        var page = await session.NewPageAsync();
        page.AcceptLeavePagePrompts();
        await page.SignInAsync(Fixture.Reporter);
        await page.OpenNewStoryAsync();

        // The title field stops at 250 characters, whatever is typed or pasted.
        var title = page.Locator("#story-title");
        var tooLong = string.Concat(Enumerable.Repeat("Hội nghị sơ kết công tác quý I năm 2017. ", 7));
        Assert.True(tooLong.Length > 260);
        await title.FocusAsync();
        await page.Keyboard.InsertTextAsync(tooLong);
        await Expect(title).ToHaveValueAsync(tooLong[..250]);
        await page.Keyboard.PressAsync("x");
        await Expect(title).ToHaveValueAsync(tooLong[..250]);

        const string savedTitle = "Kiểm tra dữ liệu nhập sai trong bài viết";
        await page.FillFieldAsync("#story-title", savedTitle);
        await page.FillFieldAsync("#story-lead", "CTTĐT – Bài dùng để kiểm tra dữ liệu nhập sai.");
        await page.SaveWithButtonAsync();
        var id = await page.StoryIdFromUrlAsync();

        // An empty title is refused with a Vietnamese sentence, and nothing is overwritten.
        await page.FillFieldAsync("#story-title", "");
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Có thay đổi chưa lưu");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("save-errors")).ToContainTextAsync("Tiêu đề: bắt buộc nhập.");
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Có thay đổi chưa lưu");

        await page.ReloadAsync();
        await page.WaitForStoryEditorAsync();
        Assert.EndsWith($"/editorial/stories/{id}", page.Url, StringComparison.Ordinal);
        await Expect(title).ToHaveValueAsync(savedTitle);
        await Expect(page.GetByTestId("save-errors")).ToHaveCountAsync(0);

        // An SVG (text) named .jpg is no picture: a Vietnamese error, no preview.
        session.ExpectProblem(new Regex($@"^console error on \S+/editorial/stories/{id}: Failed to load resource: the server responded with a status of 400 "));
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");
        await page.GetByTestId("featured-file").SetInputFilesAsync(new FilePayload { Name = "anh-hoi-nghi.jpg", MimeType = "image/jpeg", Buffer = svg });
        await Expect(page.GetByTestId("featured-error")).ToHaveTextAsync("Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.");
        await Expect(page.GetByTestId("featured-preview")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Editor_who_opens_a_story_the_reporter_is_editing_waits_then_edits_the_reporters_newest_version() => InBrowserAsync(async session =>
    {
        var (reporter, editor, id) = await OpenTheSameStoryTwiceAsync(session, "Phú Thọ triển khai kế hoạch chuyển đổi số năm 2017");

        // The reporter holds the story: the editor reads it, cannot type into it, and is told who is editing.
        await Expect(editor.GetByTestId("held-by-other")).ToContainTextAsync("Đang được chỉnh sửa bởi " + ReporterName);
        await Expect(editor.Locator("#story-title")).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.GetByTestId("save")).ToBeDisabledAsync();

        const string reportersTitle = "Phú Thọ triển khai kế hoạch chuyển đổi số giai đoạn 2017–2020";
        await reporter.FillFieldAsync("#story-title", reportersTitle);
        await reporter.SaveWithButtonAsync();
        await reporter.GotoAsync("/editorial/my-stories");

        // Once the reporter has left, "Thử lại" gives the editor the story as the reporter last saved it.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Thử lại" }).ClickAsync();
        await Expect(editor.GetByTestId("held-by-other")).ToHaveCountAsync(0);
        await Expect(editor.Locator("#story-title")).ToHaveValueAsync(reportersTitle);
        await editor.FillFieldAsync("#story-lead", "CTTĐT – Biên tập viên viết lại sapo cho gọn.");
        await editor.SaveWithButtonAsync();
        await Expect(editor.GetByTestId("conflict")).ToHaveCountAsync(0);

        // Revisions: the reporter's two saves and the editor's on top of them, nothing overwritten.
        await editor.GetByTestId("open-revisions").ClickAsync();
        await editor.WaitForURLAsync(new Regex($@"/editorial/stories/{id}/revisions$"));
        var rows = editor.GetByTestId("revision-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync(EditorName);
        await Expect(rows.Nth(1)).ToContainTextAsync(ReporterName);
        var diff = editor.GetByTestId("revision-diff");
        await Expect(diff.Locator("ins", new() { HasTextString = "Biên tập viên viết lại" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Editor_takes_over_from_the_reporters_last_save_and_the_reporter_is_told_at_once() => InBrowserAsync(async session =>
    {
        var (reporter, editor, id) = await OpenTheSameStoryTwiceAsync(session, "Lào Cai khai trương tuyến xe buýt liên tỉnh");

        const string reportersTitle = "Lào Cai khai trương tuyến xe buýt liên tỉnh đầu tiên";
        await reporter.FillFieldAsync("#story-title", reportersTitle);
        await reporter.SaveWithButtonAsync();

        await editor.GetByTestId("take-over").ClickAsync();
        await Expect(editor.GetByTestId("held-by-other")).ToHaveCountAsync(0);
        await Expect(editor.Locator("#story-title")).ToHaveValueAsync(reportersTitle);
        await Expect(editor.Locator("#story-lead")).ToHaveValueAsync("CTTĐT – Sapo của phóng viên.");

        // The reporter's page says so without a reload and stops editing.
        await Expect(reporter.GetByTestId("taken-over")).ToContainTextAsync(EditorName + " đã tiếp quản bài lúc");
        await Expect(reporter.Locator("#story-title")).ToHaveAttributeAsync("readonly", "");

        await editor.FillFieldAsync("#story-lead", "CTTĐT – Sapo của biên tập viên, viết trên bản mới.");
        await editor.SaveWithButtonAsync();

        await reporter.ReloadAsync();
        await reporter.WaitForStoryEditorAsync();
        Assert.EndsWith($"/editorial/stories/{id}", reporter.Url, StringComparison.Ordinal);
        await Expect(reporter.GetByTestId("held-by-other")).ToContainTextAsync("Đang được chỉnh sửa bởi " + EditorName);
        await Expect(reporter.Locator("#story-title")).ToHaveValueAsync(reportersTitle);
        await Expect(reporter.Locator("#story-lead")).ToHaveValueAsync("CTTĐT – Sapo của biên tập viên, viết trên bản mới.");
        await Expect(reporter.GetByTestId("last-edited")).ToContainTextAsync("Sửa lần cuối bởi " + EditorName + " lúc");
    });

    [Fact]
    public Task Reporter_compares_two_revisions_word_by_word_and_restores_the_first() => InBrowserAsync(async page =>
    {
        page.AcceptLeavePagePrompts();
        await page.SignInAsync(Fixture.Reporter);
        await page.OpenNewStoryAsync();

        const string first = "Báo cáo sơ kết công tác xây dựng Đảng quý I";
        const string second = "Báo cáo tổng kết công tác xây dựng Đảng quý I";
        await page.FillFieldAsync("#story-title", first);
        await page.FillFieldAsync("#story-lead", "CTTĐT – Sapo không đổi giữa hai phiên bản.");
        await page.SaveWithButtonAsync();
        var id = await page.StoryIdFromUrlAsync();
        await page.FillFieldAsync("#story-title", second);
        await page.SaveWithButtonAsync();

        await page.GetByTestId("open-revisions").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/editorial/stories/{id}/revisions$"));
        await page.WaitForInteractiveAsync();
        var table = page.GetByTestId("revision-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);

        await page.GetByTestId("old-1").CheckAsync();
        await page.GetByTestId("new-2").CheckAsync();
        var diff = page.GetByTestId("revision-diff");
        await Expect(diff.Locator("ins", new() { HasTextString = "tổng" })).ToBeVisibleAsync();
        await Expect(diff.Locator("del", new() { HasTextString = "sơ" })).ToBeVisibleAsync();
        await Expect(diff.Locator("ins", new() { HasTextString = "công tác" })).ToHaveCountAsync(0);

        await page.GetByTestId("restore-1").ClickAsync();
        await Expect(page.GetByText("Đã khôi phục bản 1 thành bản mới 3.")).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(table).ToContainTextAsync("Khôi phục từ bản 1");

        await page.GotoAsync($"/editorial/stories/{id}");
        await page.WaitForStoryEditorAsync();
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(first);
    });

    [Fact]
    public Task Reporter_pastes_a_TCVN3_lead_and_converts_it_to_Unicode() => InBrowserAsync(async page =>
    {
        await page.SignInAsync(Fixture.Reporter);
        await page.OpenNewStoryAsync();

        await Expect(page.GetByTestId("legacy-warning")).ToHaveCountAsync(0);
        await page.Locator("#story-lead").FocusAsync();
        await page.Keyboard.InsertTextAsync("Héi nghÞ trùc tuyÕn s¬ kÕt c«ng t¸c x©y dùng c¬ së chÝnh trÞ v÷ng m¹nh");

        var warning = page.GetByTestId("text-review").GetByTestId("legacy-warning");
        await Expect(warning).ToContainTextAsync("TCVN3");
        await warning.GetByTestId("legacy-convert").ClickAsync();

        await Expect(page.Locator("#story-lead")).ToHaveValueAsync("Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh");
        await Expect(page.GetByTestId("legacy-warning")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Reporter_whose_connection_dropped_gets_the_typed_title_back_from_the_browser_after_a_reload() => InBrowserAsync(async page =>
    {
        page.AcceptLeavePagePrompts();

        // Everything the page sends to the server over Blazor's connection can be cut off, per connection.
        var cut = new ConcurrentDictionary<IWebSocketRoute, bool>();
        IWebSocketRoute? current = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            var server = ws.ConnectToServer();
            current = ws;
            ws.OnMessage(frame =>
            {
                // After SignalR's JSON handshake Blazor speaks MessagePack: forward the bytes as they are.
                if (!cut.ContainsKey(ws) && frame.Binary is { } bytes)
                {
                    server.Send(bytes);
                }
            });
        });

        await page.SignInAsync(Fixture.Reporter);
        await page.OpenNewStoryAsync();
        const string savedTitle = "Hà Giang đẩy mạnh du lịch cộng đồng";
        await page.FillFieldAsync("#story-title", savedTitle);
        await page.FillFieldAsync("#story-lead", "CTTĐT – Bài dùng để kiểm tra bản lưu trong trình duyệt.");
        await page.SaveWithButtonAsync();
        var id = await page.StoryIdFromUrlAsync();

        // The connection drops; the reporter keeps typing, then reloads the page.
        Assert.NotNull(current);
        cut[current] = true;
        const string typedTitle = "Hà Giang đẩy mạnh du lịch cộng đồng gắn với bảo tồn văn hóa";
        await page.Locator("#story-title").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" gắn với bảo tồn văn hóa");
        await page.WaitForTimeoutAsync(800);
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync(SavedAt()); // the server heard nothing
        await page.ReloadAsync();
        await page.WaitForStoryEditorAsync();

        // The server never got it; the browser did, and offers it back.
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(savedTitle);
        var offer = page.GetByTestId("backup-offer");
        await Expect(offer).ToContainTextAsync("Trình duyệt còn giữ nội dung bạn gõ lúc");
        await offer.GetByTestId("backup-restore").ClickAsync();
        await Expect(offer).ToHaveCountAsync(0);
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(typedTitle);

        await page.SaveWithButtonAsync();
        await page.ReloadAsync();
        await page.WaitForStoryEditorAsync();
        Assert.EndsWith($"/editorial/stories/{id}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#story-title")).ToHaveValueAsync(typedTitle);
        await Expect(page.GetByTestId("backup-offer")).ToHaveCountAsync(0);
    });

    /// <summary>The reporter writes and saves a story; the editor opens it too, in another browser.</summary>
    private async Task<(IPage Reporter, IPage Editor, int Id)> OpenTheSameStoryTwiceAsync(BrowserSession session, string title)
    {
        var reporter = await session.NewPageAsync();
        reporter.AcceptLeavePagePrompts();
        await reporter.SignInAsync(Fixture.Reporter);
        await reporter.OpenNewStoryAsync();
        await reporter.FillFieldAsync("#story-title", title);
        await reporter.FillFieldAsync("#story-lead", "CTTĐT – Sapo của phóng viên.");
        await reporter.SaveWithButtonAsync();
        var id = await reporter.StoryIdFromUrlAsync();

        var editor = await session.NewPageAsync();
        editor.AcceptLeavePagePrompts();
        await editor.SignInAsync(Fixture.Editor);
        await editor.GotoAsync($"/editorial/stories/{id}");
        await editor.WaitForStoryEditorAsync();
        await editor.WaitForInteractiveAsync();
        await Expect(editor.Locator("#story-title")).ToHaveValueAsync(title);
        return (reporter, editor, id);
    }

    private static async Task ExpectImageShownAsync(ILocator image)
    {
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveAttributeAsync("src", new Regex("^/media/"));
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the featured image did not load");
    }

    private static Regex SavedAt() => SavedAtPattern();

    [GeneratedRegex(@"^Đã lưu lúc \d{2}:\d{2}:\d{2}$")]
    private static partial Regex SavedAtPattern();
}

/// <summary>Steps in the story editor (/editorial/stories/…).</summary>
internal static partial class StoryEditorSteps
{
    /// <summary>How long a save by hand may take to show "Đã lưu lúc"; less than the autosave delay (4 s).</summary>
    public const float PromptSave = 3_500;

    /// <summary>The body's editable document inside TinyMCE's iframe.</summary>
    public static ILocator StoryBody(this IPage page) => page.Locator(".tox-edit-area iframe").ContentFrame.Locator("body");

    /// <summary>
    /// Waits until the editor is interactive: TinyMCE has started (the component marks its host not busy
    /// once the circuit has initialised it), so typing reaches the server.
    /// </summary>
    public static async Task WaitForStoryEditorAsync(this IPage page)
    {
        await Expect(page.Locator(".rich-text-editor-host[aria-busy='false']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".tox-tinymce")).ToBeVisibleAsync();
        await Expect(page.StoryBody()).ToHaveAttributeAsync("contenteditable", "true");
    }

    /// <summary>"Bài của tôi" → "Viết bài mới".</summary>
    public static async Task OpenNewStoryAsync(this IPage page)
    {
        await page.GotoAsync("/editorial/my-stories");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("new-story").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/editorial/stories/new$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Viết bài mới");
        await page.WaitForStoryEditorAsync();
    }

    /// <summary>Fills a field and leaves it, so the value reaches the server before the next click.</summary>
    public static async Task FillFieldAsync(this IPage page, string selector, string value)
    {
        var field = page.Locator(selector);
        await field.FillAsync(value);
        await field.BlurAsync();
    }

    /// <summary>Opens the "Chuyên mục" list and picks one (MudSelect shows the choice as the text of its combobox).</summary>
    public static async Task ChooseCategoryAsync(this IPage page, string name)
    {
        var select = page.GetByTestId("story-category");
        var item = page.Locator(".mud-popover-open").GetByText(name, new() { Exact = true });
        await page.OpenMenuAsync(select, item);
        await item.ClickAsync();
        await Expect(select).ToHaveTextAsync(name);
    }

    /// <summary>
    /// Clicks "Lưu" and sees "Đã lưu lúc …" at once: well before the 4 s autosave, which would otherwise
    /// hide a manual save that left the story marked as changed.
    /// </summary>
    public static async Task SaveWithButtonAsync(this IPage page)
    {
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync(SavedAtPattern(), new() { Timeout = PromptSave });
        await Expect(page.GetByTestId("save-errors")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
    }

    /// <summary>After the first save the address is /editorial/stories/{id}.</summary>
    public static async Task<int> StoryIdFromUrlAsync(this IPage page)
    {
        await page.WaitForURLAsync(StoryUrl());
        return int.Parse(StoryUrl().Match(page.Url).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Leaving a page with unsaved changes asks first (beforeunload); the person says "leave".</summary>
    public static void AcceptLeavePagePrompts(this IPage page)
    {
        page.Dialog += async (_, dialog) =>
        {
            try
            {
                await dialog.AcceptAsync();
            }
            catch (PlaywrightException)
            {
                // The page is already gone.
            }
        };
    }

    [GeneratedRegex(@"^Đã lưu lúc \d{2}:\d{2}:\d{2}$")]
    private static partial Regex SavedAtPattern();

    [GeneratedRegex(@"/editorial/stories/(?<id>\d+)$")]
    private static partial Regex StoryUrl();
}

/// <summary>Pictures made in the test: a real PNG, written with a minimal encoder.</summary>
internal static class TestImages
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>An RGB PNG with a colour gradient and stripes (so it is not trivially compressible).</summary>
    public static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3));
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var p = row + 1 + (x * 3);
                raw[p] = (byte)(x * 255 / width);
                raw[p + 1] = (byte)(y * 255 / height);
                raw[p + 2] = (byte)((x / 16 + y / 16) % 2 == 0 ? 200 : 60);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        stream.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        stream.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
