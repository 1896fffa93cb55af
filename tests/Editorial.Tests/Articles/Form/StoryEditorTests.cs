using Microsoft.EntityFrameworkCore;
using Bunit;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Features.Articles.Editor;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Articles.Form;

/// <summary>
/// Writing a story on the editor page over the real <see cref="ArticleEditingService"/>: a reporter starts a
/// meeting report, lets the page write its lead, saves, meets a colleague's newer save, and is kept out of
/// stories that are not theirs to edit.
/// </summary>
public sealed class StoryEditorTests : StoryPageTest
{
    private const string Organizer = "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)";
    private const string Subject = "Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";
    private const string MyTitle = "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I năm 2017";
    private const string TheirTitle = "Hội nghị trực tuyến tổng kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";

    // The seed's first lead sentence: TCVN3 round-trips it exactly.
    private const string LeadSentence =
        "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu "
        + "gồm các huyện, thành phố về Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017.";

    public StoryEditorTests()
    {
        SignIn(Person.Khanh);
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void A_new_meeting_report_starts_with_the_meeting_details_and_the_reports_headings()
    {
        var page = OpenNew("/editorial/stories/new?kind=meeting");

        Assert.Equal("Viết báo cáo Hội nghị", page.Find("h1").TextContent);
        Assert.Single(page.FindAll("[data-testid=meeting-panel]"));
        var body = page.FindComponent<RichTextEditor>().Instance.Value;
        Assert.Equal("<h2>Kết quả</h2><p></p><h2>Tồn tại, hạn chế</h2><p></p><h2>Phương hướng nhiệm vụ</h2><p></p><h2>Kết luận</h2><p></p>", body);
        Assert.Equal("", Status(page));
    }

    [Fact]
    public void A_new_plain_story_has_no_meeting_details_and_an_empty_body()
    {
        var page = OpenNew("/editorial/stories/new");

        Assert.Equal("Viết bài mới", page.Find("h1").TextContent);
        Assert.Empty(page.FindAll("[data-testid=meeting-panel]"));
        Assert.Equal("", page.FindComponent<RichTextEditor>().Instance.Value);
    }

    [Fact]
    public void Generate_writes_the_lead_from_the_meeting_details_after_the_dateline()
    {
        var page = OpenNew("/editorial/stories/new?kind=meeting");

        FillMeeting(page);
        Click(page, "[data-testid=meeting-generate]");

        page.WaitForAssertion(() => Assert.Equal(
            "CTTĐT – Sáng 20/4, " + Organizer + " đã họp trực tuyến với 11 điểm cầu gồm các huyện, thành phố về " + Subject + "."
            + " Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh.",
            Value(page, "story-lead")), Patience);
        Assert.StartsWith("CTTĐT – ", Value(page, "story-lead"), StringComparison.Ordinal);
        Assert.Equal("Có thay đổi chưa lưu", Status(page));

        // The outline was already there: generating keeps the body as it is.
        Assert.StartsWith("<h2>Kết quả</h2>", page.FindComponent<RichTextEditor>().Instance.Value, StringComparison.Ordinal);

        // The lead uses "HĐND" without spelling it out: the text check says so at once.
        Assert.Contains(page.FindAll("[data-testid=abbreviation-warnings] li"), li => li.TextContent.StartsWith("HĐND — ", StringComparison.Ordinal));
    }

    [Fact]
    public void Saving_without_a_title_names_the_missing_fields_and_writes_nothing()
    {
        var page = OpenNew("/editorial/stories/new?kind=meeting");

        Save(page);

        var errors = page.WaitForElement("[data-testid=save-errors]", Patience).QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("Tiêu đề: bắt buộc nhập.", errors);
        Assert.Contains("Sapo: bắt buộc nhập.", errors);
        Assert.Equal((0, 0), Database.Counts());
        Assert.EndsWith("/editorial/stories/new?kind=meeting", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("", Status(page));
    }

    [Fact]
    public void Saving_a_new_story_stores_it_and_moves_to_its_address()
    {
        var page = OpenNew("/editorial/stories/new");

        Type(page, "story-title", SeedStory.Headline);
        Type(page, "story-lead", SeedStory.Lead);
        Save(page);

        page.WaitForAssertion(() => Assert.Equal("Đã lưu lúc 07:00:00", Status(page)), Patience);
        Assert.Equal((1, 1), Database.Counts());
        using var db = Database.CreateDbContext();
        var row = db.Articles.Single();
        Assert.Equal(SeedStory.Headline, row.Title);
        Assert.Equal(SeedStory.Lead, row.Lead);
        Assert.Equal(Person.Khanh.Id, row.CreatedById);
        Assert.Equal(ArticleState.Draft, row.State);
        Assert.Equal($"http://localhost/editorial/stories/{row.Id}", Navigation.Uri);
        Assert.Equal("Sửa bài", page.Find("h1").TextContent);
        Assert.Equal($"/editorial/stories/{row.Id}/revisions", page.Find("[data-testid=open-revisions]").GetAttribute("href"));
        Assert.Equal(row.Slug, Value(page, "story-slug"));
        Assert.Equal("Sửa lần cuối bởi Trần Khánh lúc 20/04/2017 07:00", page.Find("[data-testid=last-edited]").TextContent);
    }

    [Fact]
    public void A_generated_meeting_report_is_saved_with_its_meeting_details()
    {
        var page = OpenNew("/editorial/stories/new?kind=meeting");
        FillMeeting(page);
        Click(page, "[data-testid=meeting-generate]");
        Type(page, "story-title", SeedStory.Headline);

        Save(page);

        page.WaitForAssertion(() => Assert.Equal((1, 1), Database.Counts()), Patience);
        using var db = Database.CreateDbContext();
        var row = db.Articles.Single();
        Assert.Equal(ArticleKind.MeetingReport, row.Kind);
        Assert.StartsWith("CTTĐT – Sáng 20/4, Ban Chỉ đạo", row.Lead, StringComparison.Ordinal);
        Assert.Contains("\"sites\":11", row.MeetingJson, StringComparison.Ordinal);
        Assert.Contains("Thào Hồng Sơn", row.MeetingJson, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2017, 4, 20, 0, 0, 0, TimeSpan.Zero), row.EventAtUtc); // 07:00 in Hà Giang
        Assert.Contains("<h2>Kết quả</h2>", row.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleagues_newer_save_is_not_overwritten_and_the_writer_is_told_who_saved()
    {
        var story = await Database.CreateAsync(Person.Khanh, Story());
        var page = Open(story.Id);
        Assert.Equal(SeedStory.Headline, Value(page, "story-title"));
        Assert.Equal("Sửa lần cuối bởi Trần Khánh lúc 20/04/2017 07:00", page.Find("[data-testid=last-edited]").TextContent);

        // The editor saves her version while the reporter still has the page open.
        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        await Database.SaveAsync(Person.Lan, story.Id, Story() with { Title = TheirTitle }, story.Version);

        Type(page, "story-title", MyTitle);
        Save(page);

        var conflict = page.WaitForElement("[data-testid=conflict]", Patience);
        Assert.Contains(
            "Nguyễn Thị Lan đã lưu bài này lúc 20/04/2017 07:05, sau khi bạn mở. Thay đổi của bạn CHƯA được lưu và không ghi đè lên bản của họ.",
            conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(TheirTitle, Database.Row(story.Id).Title);
        Assert.Equal(2, Database.Revisions(story.Id).Count);

        Click(page, "[data-testid=conflict-load-theirs]");

        Assert.Empty(page.FindAll("[data-testid=conflict]"));
        Assert.Equal(TheirTitle, Value(page, "story-title"));
        Assert.Equal("Đã lưu lúc 07:05:00", Status(page));
        Assert.Equal("Sửa lần cuối bởi Nguyễn Thị Lan lúc 20/04/2017 07:05", page.Find("[data-testid=last-edited]").TextContent);
    }

    [Fact]
    public async Task After_loading_their_version_the_writer_saves_on_top_of_it()
    {
        var story = await Database.CreateAsync(Person.Khanh, Story());
        var page = Open(story.Id);
        // The writer's editing lease has lapsed (a dropped connection), so only the version check stands guard.
        Database.Clock.Advance(EditingLeaseService.LeaseDuration + TimeSpan.FromSeconds(1));
        await Database.SaveAsync(Person.Lan, story.Id, Story() with { Title = TheirTitle }, story.Version);
        Type(page, "story-title", MyTitle);
        Save(page);
        page.WaitForElement("[data-testid=conflict]", Patience);
        Click(page, "[data-testid=conflict-load-theirs]");

        Type(page, "story-lead", SeedStory.Lead + " Hội nghị kết thúc lúc 11 giờ.");
        Save(page);

        page.WaitForAssertion(() => Assert.EndsWith("Hội nghị kết thúc lúc 11 giờ.", Database.Row(story.Id).Lead, StringComparison.Ordinal), Patience);
        Assert.Equal(TheirTitle, Database.Row(story.Id).Title);
        Assert.Empty(page.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public async Task Keeping_mine_after_a_conflict_saves_it_and_keeps_theirs_as_a_revision()
    {
        var story = await Database.CreateAsync(Person.Khanh, Story());
        var page = Open(story.Id);
        // The writer's editing lease has lapsed (a dropped connection), so only the version check stands guard.
        Database.Clock.Advance(EditingLeaseService.LeaseDuration + TimeSpan.FromSeconds(1));
        await Database.SaveAsync(Person.Lan, story.Id, Story() with { Title = TheirTitle }, story.Version);
        Type(page, "story-title", MyTitle);
        Save(page);
        page.WaitForElement("[data-testid=conflict]", Patience);

        Click(page, "[data-testid=conflict-keep-mine]");

        page.WaitForAssertion(() => Assert.Equal(MyTitle, Database.Row(story.Id).Title), Patience);
        Assert.Empty(page.FindAll("[data-testid=conflict]"));
        Assert.Equal("Sửa lần cuối bởi Trần Khánh lúc 20/04/2017 07:01", page.Find("[data-testid=last-edited]").TextContent);
        Assert.Equal(
            [(SeedStory.Headline, RevisionKind.Save), (TheirTitle, RevisionKind.Save), (MyTitle, RevisionKind.KeptAfterConflict)],
            Database.Revisions(story.Id).Select(r => (r.Title, r.Kind)));
    }

    [Fact]
    public async Task A_reporter_cannot_open_another_reporters_story()
    {
        var theirs = await Database.CreateAsync(Person.Nga, Story());

        var page = Open(theirs.Id);

        Assert.Equal("Không tìm thấy bài viết, hoặc bạn không có quyền mở bài này.", page.Find(".mud-alert-message").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Empty(page.FindAll("#story-title"));
        Assert.DoesNotContain(SeedStory.Headline, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporters_own_story_in_review_is_read_only()
    {
        var mine = await Database.CreateAsync(Person.Khanh, Story());
        Database.SetState(mine.Id, ArticleState.InReview);

        var page = Open(mine.Id);

        Assert.Contains(page.FindAll(".mud-alert-message"), a => a.TextContent.Trim() == "Bạn chỉ có thể xem bài này.");
        Assert.Equal("Chờ duyệt", page.Find(".mud-chip").TextContent.Trim());
        Assert.True(page.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.True(page.Find("#story-title").HasAttribute("readonly"));
        Assert.True(page.Find("#story-lead").HasAttribute("readonly"));
        Assert.True(page.FindComponent<RichTextEditor>().Instance.ReadOnly);
        Assert.Equal(SeedStory.Headline, Value(page, "story-title"));
    }

    [Fact]
    public async Task An_editor_may_edit_a_story_in_review()
    {
        var mine = await Database.CreateAsync(Person.Khanh, Story());
        Database.SetState(mine.Id, ArticleState.InReview);
        SignIn(Person.Lan);

        var page = Open(mine.Id);

        Assert.DoesNotContain(page.FindAll(".mud-alert-message"), a => a.TextContent.Trim() == "Bạn chỉ có thể xem bài này.");
        Assert.False(page.Find("[data-testid=save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_story_in_a_category_hidden_later_keeps_its_category_when_saved()
    {
        var story = await Database.CreateAsync(Person.Khanh, Story() with { CategoryId = Database.EconomyNews });
        using (var db = Database.CreateDbContext())
        {
            db.Categories.Where(c => c.Id == Database.EconomyNews).ExecuteUpdate(set => set.SetProperty(c => c.IsHidden, true));
        }

        var page = Open(story.Id);
        Assert.Contains("Tin kinh tế", page.Find("[data-testid=story-category]").OuterHtml, StringComparison.Ordinal);
        Type(page, "story-title", "Tin kinh tế đã sửa tít");
        Save(page);

        page.WaitForAssertion(() => Assert.Equal("Tin kinh tế đã sửa tít", Database.Row(story.Id).Title), Patience);
        Assert.Equal(Database.EconomyNews, Database.Row(story.Id).CategoryId);
    }

    [Fact]
    public async Task A_TCVN3_lead_is_converted_to_Unicode_on_the_page()
    {
        var story = await Database.CreateAsync(Person.Khanh, Story() with { Lead = LegacyTestEncoder.Tcvn3(LeadSentence) });
        var page = Open(story.Id);
        Assert.Contains("TCVN3 (ABC)", page.Find("[data-testid=legacy-warning]").TextContent, StringComparison.Ordinal);

        Click(page, "[data-testid=legacy-convert]");

        page.WaitForAssertion(() => Assert.Equal(LeadSentence, Value(page, "story-lead")), Patience);
        Assert.Empty(page.FindAll("[data-testid=legacy-warning]"));
        Assert.Equal("Có thay đổi chưa lưu", Status(page));
    }

    [Fact]
    public async Task A_story_with_a_featured_image_shows_its_web_copy()
    {
        var photo = AddPhoto("2017/04/toan-canh");
        var story = await Database.CreateAsync(Person.Khanh, Story() with { FeaturedImageId = photo, FeaturedImageCaption = SeedStory.Caption });

        var page = Open(story.Id);

        var preview = page.Find("[data-testid=featured-preview]");
        Assert.Equal("/media/2017/04/toan-canh-web.jpg", preview.GetAttribute("src"));
        Assert.Equal(SeedStory.Caption, preview.GetAttribute("alt"));
    }

    [Fact]
    public void Text_the_browser_kept_is_offered_back_and_restored_on_request()
    {
        var backup = JSInterop.SetupModule(DraftBackup.ModulePath);
        backup.Setup<DraftBackupRecord?>("read", i => (string?)i.Arguments[0] == "new-MeetingReport").SetResult(new DraftBackupRecord(
            new Dictionary<string, string> { ["title"] = SeedStory.Headline, ["lead"] = SeedStory.Lead },
            null,
            "2017-04-19T23:40:00.000Z"));

        var page = OpenNew("/editorial/stories/new?kind=meeting");

        var offer = page.WaitForElement("[data-testid=backup-offer]", Patience);
        Assert.Contains("Trình duyệt còn giữ nội dung bạn gõ lúc 20/04/2017 06:40 mà chưa lưu lên máy chủ.", offer.TextContent, StringComparison.Ordinal);

        Click(page, "[data-testid=backup-restore]");

        Assert.Empty(page.FindAll("[data-testid=backup-offer]"));
        Assert.Equal(SeedStory.Headline, Value(page, "story-title"));
        Assert.Equal(SeedStory.Lead, Value(page, "story-lead"));
        Assert.Equal("Có thay đổi chưa lưu", Status(page));
        Assert.Equal(0, Database.Counts().Articles);
    }

    [Fact]
    public void A_backup_that_matches_the_story_is_not_offered()
    {
        var backup = JSInterop.SetupModule(DraftBackup.ModulePath);
        backup.Setup<DraftBackupRecord?>("read", _ => true).SetResult(new DraftBackupRecord(
            new Dictionary<string, string> { ["title"] = "", ["lead"] = "" }, null, "2017-04-19T23:40:00.000Z"));

        var page = OpenNew("/editorial/stories/new");

        Assert.Empty(page.FindAll("[data-testid=backup-offer]"));
    }

    private static ArticleContent Story() => new()
    {
        Title = SeedStory.Headline,
        Lead = SeedStory.Lead,
        BodyHtml = "<p>" + SeedStory.TrongQuyI + "</p>",
    };

    private static void FillMeeting(IRenderedComponent<StoryEditor> page)
    {
        Type(page, "meeting-organizer", Organizer);
        Type(page, "meeting-subject", Subject);
        Change(page, "#meeting-sites", "11");
        Type(page, "meeting-sites-description", "các huyện, thành phố");
        Type(page, "meeting-chair-name-0", "Thào Hồng Sơn");
        Type(page, "meeting-chair-titles-0", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh");
    }

    /// <summary>An image the media library holds (only its row: the page shows its web copy's address).</summary>
    private Guid AddPhoto(string name)
    {
        var id = Guid.NewGuid();
        using var db = Database.CreateDbContext();
        db.MediaAssets.Add(new MediaAsset
        {
            Id = id,
            OriginalPath = $"{name}.jpg",
            WebPath = $"{name}-web.jpg",
            ThumbnailPath = $"{name}-thumb.jpg",
            OriginalFileName = "toan-canh.jpg",
            ContentType = "image/jpeg",
            Width = 1600,
            Height = 900,
            ByteSize = 1,
            UploadedById = Person.Khanh.Id,
            UploadedAtUtc = StoryDatabase.Start,
        });
        db.SaveChanges();
        return id;
    }

    private static void Save(IRenderedComponent<StoryEditor> page) => Click(page, "[data-testid=save]");

    private static string? Value(IRenderedComponent<StoryEditor> page, string inputId) => page.Find($"#{inputId}").GetAttribute("value");

    private IRenderedComponent<StoryEditor> OpenNew(string address)
    {
        Navigation.NavigateTo(address);
        return RenderOnPage<StoryEditor>();
    }

    private IRenderedComponent<StoryEditor> Open(int id) => RenderOnPage<StoryEditor>(p => p.Add(x => x.Id, id));

    private static string Status(IRenderedComponent<StoryEditor> page) => page.Find("[data-testid=save-status]").TextContent;
}
