using System.Globalization;
using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>
/// An editor schedules a story through the workflow panel; readers get a 404 until its time, then the
/// story page with the scheduled time. Runs on the real clock: a schedule must be a minute ahead, so this
/// test waits about a minute and a half (the other collections run meanwhile).
/// </summary>
[Collection(StoryDraftingCollection.Name)]
public sealed class ScheduledPublicationTests(StoryDraftingAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public Task An_editor_schedules_a_story_and_readers_see_it_once_its_time_has_passed() => InBrowserAsync(async session =>
    {
        var title = $"Hội nghị tổng kết công tác dân vận năm 2026 số {Random.Shared.Next(1000, 9999)}";
        var reporter = await session.NewPageAsync();
        await reporter.SetViewportSizeAsync(ViewportWidth, 900);
        await reporter.SignInAsync(Fixture.Reporter);
        await reporter.OpenNewStoryAsync();
        await reporter.FillFieldAsync("#story-title", title);
        await reporter.FillFieldAsync("#story-lead", "Sáng 25/11, Ban Dân vận Tỉnh ủy tổ chức Hội nghị tổng kết công tác dân vận năm 2026.");
        await reporter.FillFieldAsync("#story-byline", "Thu Ngà");
        await reporter.ChooseCategoryAsync("Hoạt động của tỉnh");
        await reporter.SaveWithButtonAsync();
        var id = await reporter.StoryIdFromUrlAsync();
        var slug = await reporter.Locator("#story-slug").InputValueAsync();
        await reporter.GetByTestId("workflow-Submit").ClickAsync();
        await Expect(reporter.GetByTestId("workflow-state")).ToHaveAttributeAsync("data-state", "InReview");

        var editor = await session.NewPageAsync();
        await editor.SignInAsync(Fixture.Editor);
        await editor.GotoAsync($"/editorial/review/{id}");
        await editor.WaitForInteractiveAsync();
        await editor.GetByTestId("workflow-Approve").ClickAsync();
        await Expect(editor.GetByTestId("workflow-state")).ToHaveAttributeAsync("data-state", "Approved");

        // A time in the past is refused in Vietnamese, and nothing changes.
        await editor.GetByTestId("workflow-Schedule").ClickAsync();
        var nowLocal = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam);
        await editor.Locator("#workflow-schedule-at").FillAsync(nowLocal.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await editor.GetByTestId("workflow-confirm").ClickAsync();
        await Expect(editor.GetByTestId("workflow-dialog-error")).ToHaveTextAsync("Thời điểm hẹn giờ phải sau thời điểm hiện tại ít nhất 1 phút.");

        // The next whole minute that is at least a minute away.
        nowLocal = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam);
        var at = new DateTimeOffset(nowLocal.Year, nowLocal.Month, nowLocal.Day, nowLocal.Hour, nowLocal.Minute, 0, nowLocal.Offset).AddMinutes(2);
        await editor.Locator("#workflow-schedule-at").FillAsync(at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await editor.GetByTestId("workflow-confirm").ClickAsync();
        await Expect(editor.GetByTestId("workflow-state")).ToHaveAttributeAsync("data-state", "Scheduled");
        var shownTime = at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        await Expect(editor.GetByTestId("workflow-scheduled-for")).ToContainTextAsync(shownTime);

        // Readers: nothing yet, whatever they guess.
        session.ExpectProblem(new Regex("status of 404"));
        var reader = await session.NewPageAsync();
        var before = await reader.GotoAsync($"/tin/{slug}");
        Assert.Equal(404, before!.Status);

        // Once the time has passed the scheduler has published it (within about a second; allow for a busy machine).
        var waitUntil = at.UtcDateTime.AddSeconds(15);
        IResponse? after = null;
        while (DateTime.UtcNow < waitUntil.AddSeconds(30))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (DateTime.UtcNow < at.UtcDateTime)
            {
                continue;
            }

            after = await reader.GotoAsync($"/tin/{slug}");
            if (after!.Status == 200)
            {
                break;
            }
        }

        Assert.NotNull(after);
        Assert.Equal(200, after.Status);
        Assert.True(DateTime.UtcNow < waitUntil, $"Published later than 15 s after its time ({DateTime.UtcNow:O} vs {at.UtcDateTime:O}).");
        await Expect(reader.Locator("h1")).ToHaveTextAsync(title);
        await Expect(reader.Locator("body")).ToContainTextAsync(shownTime);

        // The editor's page followed on its own.
        await Expect(editor.GetByTestId("workflow-state")).ToHaveAttributeAsync("data-state", "Published", new() { Timeout = 10_000 });
        _ = reporter;
    });
}
