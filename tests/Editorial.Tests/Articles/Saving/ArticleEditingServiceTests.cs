using System.Text;
using Editorial.Core.Articles;
using Editorial.Tests.Articles.Rules;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Articles.Saving;

/// <summary><see cref="ArticleEditingService"/> over a real SQLite database: saving, conflicts, revisions, restore.</summary>
public sealed class ArticleEditingServiceTests : IDisposable
{
    private const string SeedSlug =
        "hoi-nghi-truc-tuyen-so-ket-cong-tac-xay-dung-co-so-chinh-tri-vung-manh-quy-i-phuong-huong-nhiem-vu-quy-ii-nam-2017";

    private readonly StoryDatabase _db;

    public ArticleEditingServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal ArticleEditingServiceTests(StoryDatabase database) => _db = database;

    public void Dispose() => _db.Dispose();

    // ---- Creating stories, slugs --------------------------------------------------------------------

    [Fact]
    public async Task NewStory_IsSavedAsVersion1_WithASlugFromTheVietnameseTitle_AndRevision1()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        Assert.Equal(1, saved.Version);
        Assert.Equal(1, saved.RevisionNumber);
        Assert.Equal(SeedSlug, saved.Slug);
        Assert.StartsWith("hoi-nghi-truc-tuyen-so-ket", saved.Slug, StringComparison.Ordinal);
        Assert.Equal(StoryDatabase.Start, saved.SavedAtUtc);

        var row = _db.Row(saved.Id);
        Assert.Equal(ArticleState.Draft, row.State);
        Assert.Equal(Person.Khanh.Id, row.CreatedById);
        Assert.Equal(Person.Khanh.Id, row.UpdatedById);
        Assert.Equal(1, row.Version);
        Assert.Equal(SeedSlug, row.Slug);
        Assert.Equal(ArticleKind.MeetingReport, row.Kind);

        var revision = Assert.Single(_db.Revisions(saved.Id));
        Assert.Equal((1, RevisionKind.Save, Person.Khanh.Id), (revision.Number, revision.Kind, revision.AuthorId));
        Assert.Equal(SeedStory.Headline, revision.Title);
    }

    [Fact]
    public async Task StoriesWithTheSameTitle_GetNumberedSlugs()
    {
        var first = await _db.CreateAsync(Person.Khanh, Seed());
        var second = await _db.CreateAsync(Person.Nga, Seed());
        var third = await _db.CreateAsync(Person.Lan, Seed());

        Assert.Equal(SeedSlug, first.Slug);
        Assert.Equal(SeedSlug + "-2", second.Slug);
        Assert.Equal(SeedSlug + "-3", third.Slug);
    }

    [Fact]
    public async Task ResavingAStory_KeepsItsOwnSlug()
    {
        var first = await _db.CreateAsync(Person.Khanh, Seed());
        await _db.CreateAsync(Person.Nga, Seed());

        var again = await _db.SaveAsync(Person.Khanh, first.Id, Seed() with { Slug = "" }, first.Version);

        Assert.Equal(SeedSlug, again.Slug);
    }

    [Fact]
    public async Task ExplicitSlug_TypedInVietnamese_IsFolded()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed() with { Slug = "Hội nghị XDCSCTVM quý I/2017" });

        Assert.Equal("hoi-nghi-xdcsctvm-quy-i-2017", saved.Slug);
        Assert.Equal("hoi-nghi-xdcsctvm-quy-i-2017", _db.Row(saved.Id).Slug);
    }

    [Fact]
    public async Task ExplicitSlugTakenByAnotherStory_IsRefusedAsTaken_AndNothingIsWritten()
    {
        var first = await _db.CreateAsync(Person.Khanh, Seed());
        var before = _db.Counts();

        var result = await _db.Editing.SaveAsync(null, Other() with { Slug = SeedSlug }, 0, SaveMode.Manual, Person.Nga.Principal);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Equal([new ValidationError("Slug", "taken")], invalid.Errors);
        Assert.Equal(before, _db.Counts());
        Assert.Equal(SeedSlug, _db.Row(first.Id).Slug);
    }

    [Fact]
    public async Task ExplicitSlugTaken_WhenEditing_LeavesTheStoryAsItWas()
    {
        await _db.CreateAsync(Person.Khanh, Seed());
        var mine = await _db.CreateAsync(Person.Nga, Other());

        var result = await _db.Editing.SaveAsync(mine.Id, Other() with { Title = "Tiêu đề mới", Slug = SeedSlug }, mine.Version, SaveMode.Manual, Person.Nga.Principal);

        Assert.IsType<SaveResult.Invalid>(result);
        var row = _db.Row(mine.Id);
        Assert.Equal((Other().Title, mine.Slug, 1), (row.Title, row.Slug, row.Version));
        Assert.Single(_db.Revisions(mine.Id));
    }

    // ---- Validation, normalisation ------------------------------------------------------------------

    [Fact]
    public async Task InvalidNewStory_IsRefused_AndNothingIsWritten()
    {
        var before = _db.Counts();

        var result = await _db.Editing.SaveAsync(null, Seed() with { Title = "  ", Lead = new string('ạ', 1001) }, 0, SaveMode.Manual, Person.Khanh.Principal);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Equal(
            [new ValidationError("Title", ArticleValidation.Required), new ValidationError("Lead", ArticleValidation.TooLong, 1000)],
            invalid.Errors);
        Assert.Equal(before, _db.Counts());
    }

    [Fact]
    public async Task InvalidEdit_IsRefused_AndTheStoryIsUnchanged()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var before = _db.Counts();

        var result = await _db.Editing.SaveAsync(saved.Id, Seed() with { BodyHtml = new string('ệ', 1_000_000) }, saved.Version, SaveMode.Autosave, Person.Khanh.Principal);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Equal([new ValidationError("BodyHtml", ArticleValidation.TooLong, 2)], invalid.Errors);
        Assert.Equal(before, _db.Counts());
        var row = _db.Row(saved.Id);
        Assert.Equal(1, row.Version);
        Assert.Equal(_db.Stored(Seed().BodyHtml), row.BodyHtml);
    }

    [Fact]
    public async Task DecomposedInput_IsStoredComposed()
    {
        var typed = Seed() with
        {
            Title = Nfd(SeedStory.Headline),
            Lead = Nfd(SeedStory.Lead),
            BodyHtml = Nfd($"<p>{SeedStory.TrongQuyI}</p>"),
            Byline = Nfd("Trần Khánh - Thu Ngà"),
            FeaturedImageCaption = Nfd(SeedStory.Caption),
            Tags = [Nfd("Hội nghị")],
            Meeting = SeedMeeting.Details() with { Organizer = Nfd(SeedMeeting.Organizer), Chairs = [new MeetingChair(Nfd("Thào Hồng Sơn"), Nfd("Chủ tịch HĐND tỉnh"))] },
        };

        var saved = await _db.CreateAsync(Person.Khanh, typed);

        var row = _db.Row(saved.Id);
        Assert.Equal(SeedStory.Headline, row.Title);
        Assert.Equal(SeedStory.Lead, row.Lead);
        Assert.Equal(_db.Stored($"<p>{SeedStory.TrongQuyI}</p>"), row.BodyHtml);
        Assert.Equal("Trần Khánh - Thu Ngà", row.Byline);
        Assert.Equal(SeedStory.Caption, row.FeaturedImageCaption);
        Assert.Equal(["Hội nghị"], row.Tags);
        Assert.All(
            new[] { row.Title, row.Lead, row.BodyHtml, row.Byline, row.FeaturedImageCaption },
            text => Assert.True(text.IsNormalized(NormalizationForm.FormC)));

        // Meeting facts and revisions are JSON: read them back to see the letters, not their escapes.
        var meeting = (await _db.Editing.LoadAsync(saved.Id, Person.Khanh.Principal))!.Content.Meeting!;
        Assert.Equal(SeedMeeting.Organizer, meeting.Organizer);
        Assert.Equal(new MeetingChair("Thào Hồng Sơn", "Chủ tịch HĐND tỉnh"), Assert.Single(meeting.Chairs));
        var revision = (await _db.Editing.GetRevisionAsync(saved.Id, 1, Person.Khanh.Principal))!;
        Assert.Equal(SeedStory.Headline, revision.Title);
        Assert.Equal(SeedStory.Lead, revision.Lead);
        Assert.Equal(SeedMeeting.Organizer, revision.Meeting!.Organizer);
        Assert.Equal(SeedStory.Headline, _db.Revisions(saved.Id)[0].Title);
    }

    [Fact]
    public async Task TitleOf250Letters_TypedDecomposed_IsMeasuredComposed()
    {
        var title = new string('ệ', 250);

        var saved = await _db.CreateAsync(Person.Khanh, Seed() with { Title = Nfd(title) });

        Assert.Equal(title, _db.Row(saved.Id).Title);
    }

    [Fact]
    public async Task FoldedTitle_IsStoredForSearch()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        Assert.Equal(
            "hoi nghi truc tuyen so ket cong tac xay dung co so chinh tri vung manh quy i, phuong huong nhiem vu quy ii nam 2017",
            _db.Row(saved.Id).TitleFolded);
    }

    [Fact]
    public async Task FoldedTitle_FollowsTheTitle()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Đồng chí Thào Hồng Sơn làm việc tại Mèo Vạc" }, saved.Version);

        Assert.Equal("dong chi thao hong son lam viec tai meo vac", _db.Row(saved.Id).TitleFolded);
    }

    [Fact]
    public async Task Body_IsStoredAsTheSanitiserReturnsIt()
    {
        // Only that the service passes the body through the sanitiser; what the sanitiser keeps is its own tests' business.
        const string body = "<p style=\"text-align: justify;\" onclick=\"alert(1)\">Toàn cảnh Hội nghị</p>";

        var saved = await _db.CreateAsync(Person.Khanh, Seed() with { BodyHtml = body });

        Assert.Equal(_db.Stored(body), _db.Row(saved.Id).BodyHtml);
        Assert.Equal(_db.Stored(body), (await _db.Editing.GetRevisionAsync(saved.Id, 1, Person.Khanh.Principal))!.BodyHtml);
    }

    // ---- Loading and revisions round-trip -----------------------------------------------------------

    [Fact]
    public async Task Revision_RoundTripsTheWholeContent_IncludingMeetingAndTags()
    {
        var imageId = Guid.NewGuid();
        var content = Seed() with { FeaturedImageId = imageId, Tags = ["Hội nghị", "XDCSCTVM", "Hà Giang"] };

        var saved = await _db.CreateAsync(Person.Khanh, content);

        var expected = content with { Slug = SeedSlug, BodyHtml = _db.Stored(content.BodyHtml) };
        var revision = await _db.Editing.GetRevisionAsync(saved.Id, 1, Person.Khanh.Principal);
        ContentAssert.Equal(expected, revision!);
        Assert.Equal(SeedMeeting.EventUtc, revision!.EventAtUtc);
        Assert.Equal(MeetingFormat.Online, revision.Meeting!.Format);
        Assert.Equal(11, revision.Meeting.Sites);
        Assert.Equal([SeedMeeting.ThaoHongSon, SeedMeeting.NguyenTrungTai], revision.Meeting.Chairs);

        var draft = await _db.Editing.LoadAsync(saved.Id, Person.Khanh.Principal);
        ContentAssert.Equal(expected, draft!.Content);
        Assert.Equal((saved.Id, ArticleState.Draft, 1, Person.Khanh.Id, "Trần Khánh", true), (draft.Id, draft.State, draft.Version, draft.AuthorId, draft.UpdatedByName, draft.CanEdit));
        Assert.Equal(StoryDatabase.Start, draft.UpdatedAtUtc);
    }

    [Fact]
    public async Task PlainStory_RoundTripsWithoutMeeting()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Other());

        var draft = await _db.Editing.LoadAsync(saved.Id, Person.Khanh.Principal);

        ContentAssert.Equal(Other() with { Slug = saved.Slug, BodyHtml = _db.Stored(Other().BodyHtml) }, draft!.Content);
        Assert.Null(_db.Row(saved.Id).MeetingJson);
    }

    [Fact]
    public async Task UnknownRevision_IsNull()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        Assert.Null(await _db.Editing.GetRevisionAsync(saved.Id, 2, Person.Khanh.Principal));
        Assert.Null(await _db.Editing.GetRevisionAsync(saved.Id + 100, 1, Person.Khanh.Principal));
    }

    [Fact]
    public async Task RevisionList_IsNewestFirst_WithAuthorsNamesAndKinds()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await _db.SaveAsync(Person.Lan, saved.Id, Seed() with { Title = "Biên tập lại" }, saved.Version);
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Bản nháp mới" }, edited.Version, SaveMode.Autosave);

        var list = await _db.Editing.ListRevisionsAsync(saved.Id, Person.Khanh.Principal);

        Assert.Equal(
            [
                (3, RevisionKind.Autosave, "Bản nháp mới", "Trần Khánh", StoryDatabase.Start.AddMinutes(10)),
                (2, RevisionKind.Save, "Biên tập lại", "Nguyễn Thị Lan", StoryDatabase.Start.AddMinutes(5)),
                (1, RevisionKind.Save, SeedStory.Headline, "Trần Khánh", StoryDatabase.Start),
            ],
            list.Select(r => (r.Number, r.Kind, r.Title, r.AuthorName, r.CreatedAtUtc)));
        Assert.All(list, r => Assert.Null(r.RestoredFromNumber));
    }

    // ---- Conflicts ------------------------------------------------------------------------------------

    [Fact]
    public async Task SaveFromAStaleVersion_IsAConflict_CarryingTheOtherPersonsContentAndName()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        _db.Clock.Advance(TimeSpan.FromMinutes(3));
        var editorsTitle = "Hội nghị sơ kết công tác XDCSCTVM quý I/2017";
        var edited = await _db.SaveAsync(Person.Lan, saved.Id, Seed() with { Title = editorsTitle }, saved.Version);
        var before = _db.Counts();
        _db.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await _db.Editing.SaveAsync(saved.Id, Seed() with { Lead = "Sapo của phóng viên." }, saved.Version, SaveMode.Manual, Person.Khanh.Principal);

        var conflict = Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal(editorsTitle, conflict.Theirs.Content.Title);
        Assert.Equal(SeedStory.Lead, conflict.Theirs.Content.Lead);
        Assert.Equal("Nguyễn Thị Lan", conflict.Theirs.UpdatedByName);
        Assert.Equal(edited.Version, conflict.Theirs.Version);
        Assert.Equal(StoryDatabase.Start.AddMinutes(3), conflict.Theirs.UpdatedAtUtc);
        Assert.Equal(Person.Khanh.Id, conflict.Theirs.AuthorId);
        Assert.True(conflict.Theirs.CanEdit);

        Assert.Equal(before, _db.Counts());
        var row = _db.Row(saved.Id);
        Assert.Equal((editorsTitle, SeedStory.Lead, 2, Person.Lan.Id), (row.Title, row.Lead, row.Version, row.UpdatedById));
    }

    [Fact]
    public async Task AutosaveFromAStaleVersion_IsAConflictToo()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        await _db.SaveAsync(Person.Lan, saved.Id, Seed() with { Title = "Biên tập lại" }, saved.Version);

        var result = await _db.Editing.SaveAsync(saved.Id, Seed() with { Title = "Gõ tiếp" }, saved.Version, SaveMode.Autosave, Person.Khanh.Principal);

        Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal("Biên tập lại", _db.Row(saved.Id).Title);
    }

    [Fact]
    public async Task KeepMine_AfterAConflict_SavesMine_AndKeepsTheirsAsARevision()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var theirs = Seed() with { Title = "Bản của biên tập viên" };
        await _db.SaveAsync(Person.Lan, saved.Id, theirs, saved.Version);
        var mine = Seed() with { Title = "Bản của phóng viên" };
        Assert.IsType<SaveResult.Conflict>(await _db.Editing.SaveAsync(saved.Id, mine, saved.Version, SaveMode.Manual, Person.Khanh.Principal));

        var kept = await _db.SaveAsync(Person.Khanh, saved.Id, mine, saved.Version, SaveMode.KeepMine);

        Assert.Equal(3, kept.Version);
        Assert.Equal(3, kept.RevisionNumber);
        var row = _db.Row(saved.Id);
        Assert.Equal(("Bản của phóng viên", 3, Person.Khanh.Id), (row.Title, row.Version, row.UpdatedById));

        var revisions = _db.Revisions(saved.Id);
        Assert.Equal(
            [(1, RevisionKind.Save, Person.Khanh.Id), (2, RevisionKind.Save, Person.Lan.Id), (3, RevisionKind.KeptAfterConflict, Person.Khanh.Id)],
            revisions.Select(r => (r.Number, r.Kind, r.AuthorId)));
        var editors = await _db.Editing.GetRevisionAsync(saved.Id, 2, Person.Khanh.Principal);
        Assert.Equal("Bản của biên tập viên", editors!.Title);
    }

    [Fact]
    public async Task KeepMine_NeverFoldsIntoAnAutosave()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var autosaved = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Tự lưu" }, saved.Version, SaveMode.Autosave);

        await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Giữ bản của tôi" }, autosaved.Version, SaveMode.KeepMine);

        Assert.Equal(
            [(1, RevisionKind.Save, SeedStory.Headline), (2, RevisionKind.Autosave, "Tự lưu"), (3, RevisionKind.KeptAfterConflict, "Giữ bản của tôi")],
            _db.Revisions(saved.Id).Select(r => (r.Number, r.Kind, r.Title)));
    }

    // ---- Autosave folding -----------------------------------------------------------------------------

    [Fact]
    public async Task ConsecutiveAutosaves_FoldIntoOneRevision_HoldingTheLastContent()
    {
        var first = await _db.CreateAsync(Person.Khanh, Seed() with { Title = "Gõ 1" }, SaveMode.Autosave);
        _db.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await _db.SaveAsync(Person.Khanh, first.Id, Seed() with { Title = "Gõ 2" }, first.Version, SaveMode.Autosave);
        _db.Clock.Advance(TimeSpan.FromSeconds(5));
        var third = await _db.SaveAsync(Person.Khanh, first.Id, Seed() with { Title = "Gõ 3", Tags = ["Hội nghị"] }, second.Version, SaveMode.Autosave);

        Assert.Equal((1, 2, 3), (first.Version, second.Version, third.Version));
        Assert.Equal((1, 1, 1), (first.RevisionNumber, second.RevisionNumber, third.RevisionNumber));
        var revision = Assert.Single(_db.Revisions(first.Id));
        Assert.Equal((RevisionKind.Autosave, "Gõ 3"), (revision.Kind, revision.Title));
        Assert.Equal(StoryDatabase.Start, revision.CreatedAtUtc);
        Assert.Equal(StoryDatabase.Start.AddSeconds(10), revision.UpdatedAtUtc);
        var content = await _db.Editing.GetRevisionAsync(first.Id, 1, Person.Khanh.Principal);
        Assert.Equal("Gõ 3", content!.Title);
        Assert.Equal(["Hội nghị"], content.Tags);
    }

    [Fact]
    public async Task ThreeAutosavesAfterASave_AddOneRevision()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var version = saved.Version;
        foreach (var title in new[] { "Gõ 1", "Gõ 2", "Gõ 3" })
        {
            version = (await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = title }, version, SaveMode.Autosave)).Version;
        }

        Assert.Equal(
            [(1, RevisionKind.Save, SeedStory.Headline), (2, RevisionKind.Autosave, "Gõ 3")],
            _db.Revisions(saved.Id).Select(r => (r.Number, r.Kind, r.Title)));
    }

    [Fact]
    public async Task ManualSave_RightAfterAutosaves_FoldsIntoTheirRevision_AsASave()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var a1 = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Gõ 1" }, saved.Version, SaveMode.Autosave);
        var a2 = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Gõ 2" }, a1.Version, SaveMode.Autosave);

        var manual = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Bản hoàn chỉnh" }, a2.Version);

        Assert.Equal(2, manual.RevisionNumber);
        Assert.Equal(
            [(1, RevisionKind.Save, SeedStory.Headline), (2, RevisionKind.Save, "Bản hoàn chỉnh")],
            _db.Revisions(saved.Id).Select(r => (r.Number, r.Kind, r.Title)));
    }

    [Fact]
    public async Task Autosave_AfterAManualSave_StartsANewRevision()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var a1 = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Gõ 1" }, saved.Version, SaveMode.Autosave);
        var manual = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Lưu" }, a1.Version);

        var a2 = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Gõ tiếp" }, manual.Version, SaveMode.Autosave);

        Assert.Equal(3, a2.RevisionNumber);
        Assert.Equal(
            [RevisionKind.Save, RevisionKind.Save, RevisionKind.Autosave],
            _db.Revisions(saved.Id).Select(r => r.Kind));
    }

    [Fact]
    public async Task AutosaveByAnotherPerson_StartsANewRevision()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var mine = await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Phóng viên gõ" }, saved.Version, SaveMode.Autosave);

        var editors = await _db.SaveAsync(Person.Lan, saved.Id, Seed() with { Title = "Biên tập viên gõ" }, mine.Version, SaveMode.Autosave);

        Assert.Equal(3, editors.RevisionNumber);
        Assert.Equal(
            [(1, Person.Khanh.Id, SeedStory.Headline), (2, Person.Khanh.Id, "Phóng viên gõ"), (3, Person.Lan.Id, "Biên tập viên gõ")],
            _db.Revisions(saved.Id).Select(r => (r.Number, r.AuthorId, r.Title)));
    }

    // ---- Restore --------------------------------------------------------------------------------------

    [Fact]
    public async Task Restore_MakesANewRevisionCopyingTheOldOne_AndDeletesNothing()
    {
        var v1 = await _db.CreateAsync(Person.Khanh, Seed());
        var v2 = await _db.SaveAsync(Person.Khanh, v1.Id, Seed() with { Title = "Bản 2", Tags = ["Bản 2"] }, v1.Version);
        var v3 = await _db.SaveAsync(Person.Lan, v1.Id, Seed() with { Title = "Bản 3", Meeting = null, Kind = ArticleKind.Plain }, v2.Version);

        var result = await _db.Editing.RestoreAsync(v1.Id, 1, v3.Version, Person.Khanh.Principal);

        var restored = Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal((4, 4), (restored.Version, restored.RevisionNumber));
        var revisions = _db.Revisions(v1.Id);
        Assert.Equal(
            [
                (1, RevisionKind.Save, (int?)null, SeedStory.Headline),
                (2, RevisionKind.Save, null, "Bản 2"),
                (3, RevisionKind.Save, null, "Bản 3"),
                (4, RevisionKind.Restore, 1, SeedStory.Headline),
            ],
            revisions.Select(r => (r.Number, r.Kind, r.RestoredFromNumber, r.Title)));

        var first = await _db.Editing.GetRevisionAsync(v1.Id, 1, Person.Khanh.Principal);
        var current = await _db.Editing.LoadAsync(v1.Id, Person.Khanh.Principal);
        ContentAssert.Equal(first!, current!.Content);
        Assert.Equal(ArticleKind.MeetingReport, _db.Row(v1.Id).Kind);
        Assert.Equal("Bản 3", (await _db.Editing.GetRevisionAsync(v1.Id, 3, Person.Khanh.Principal))!.Title);
    }

    [Fact]
    public async Task Restore_FromAStaleVersion_IsAConflict_AndChangesNothing()
    {
        var v1 = await _db.CreateAsync(Person.Khanh, Seed());
        var v2 = await _db.SaveAsync(Person.Khanh, v1.Id, Seed() with { Title = "Bản 2" }, v1.Version);
        await _db.SaveAsync(Person.Lan, v1.Id, Seed() with { Title = "Bản 3" }, v2.Version);
        var before = _db.Counts();

        var result = await _db.Editing.RestoreAsync(v1.Id, 1, v2.Version, Person.Khanh.Principal);

        Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal(before, _db.Counts());
        Assert.Equal("Bản 3", _db.Row(v1.Id).Title);
        Assert.DoesNotContain(_db.Revisions(v1.Id), r => r.Kind == RevisionKind.Restore);
    }

    [Fact]
    public async Task Restore_OfAnUnknownRevision_IsNotFound()
    {
        var v1 = await _db.CreateAsync(Person.Khanh, Seed());

        Assert.IsType<SaveResult.NotFound>(await _db.Editing.RestoreAsync(v1.Id, 7, v1.Version, Person.Khanh.Principal));
    }

    // ---- Permissions ----------------------------------------------------------------------------------

    [Fact]
    public async Task Reporter_CannotSaveAnotherReportersStory()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var before = _db.Counts();

        var result = await _db.Editing.SaveAsync(saved.Id, Seed() with { Title = "Sửa trộm" }, saved.Version, SaveMode.Manual, Person.Nga.Principal);

        Assert.IsType<SaveResult.Forbidden>(result);
        Assert.Equal(before, _db.Counts());
        Assert.Equal(SeedStory.Headline, _db.Row(saved.Id).Title);
    }

    [Fact]
    public async Task Reporter_CannotOpenAnotherReportersDraft_OrItsRevisions()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        Assert.Null(await _db.Editing.LoadAsync(saved.Id, Person.Nga.Principal));
        Assert.Null(await _db.Editing.GetRevisionAsync(saved.Id, 1, Person.Nga.Principal));
        Assert.Empty(await _db.Editing.ListRevisionsAsync(saved.Id, Person.Nga.Principal));
        Assert.IsType<SaveResult.NotFound>(await _db.Editing.RestoreAsync(saved.Id, 1, saved.Version, Person.Nga.Principal));
    }

    [Fact]
    public async Task Reporter_ReadsAnotherReportersPublishedStory_ButCannotSaveIt()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        _db.SetState(saved.Id, ArticleState.Published);

        var draft = await _db.Editing.LoadAsync(saved.Id, Person.Nga.Principal);

        Assert.NotNull(draft);
        Assert.False(draft.CanEdit);
        Assert.IsType<SaveResult.Forbidden>(await _db.Editing.SaveAsync(saved.Id, Seed(), saved.Version, SaveMode.Manual, Person.Nga.Principal));
    }

    [Theory]
    [InlineData("editor-lan")]
    [InlineData("admin-minh")]
    public async Task EditorsAndAdministrators_OpenAndSaveAReportersStory(string userId)
    {
        var person = Person.Everyone.Single(p => p.Id == userId);
        var saved = await _db.CreateAsync(Person.Khanh, Seed());

        var draft = await _db.Editing.LoadAsync(saved.Id, person.Principal);
        var edited = await _db.SaveAsync(person, saved.Id, draft!.Content with { Title = "Đã biên tập" }, draft.Version);

        Assert.True(draft.CanEdit);
        Assert.Equal(2, edited.Version);
        var row = _db.Row(saved.Id);
        Assert.Equal(("Đã biên tập", Person.Khanh.Id, person.Id), (row.Title, row.CreatedById, row.UpdatedById));
    }

    [Fact]
    public async Task Reporter_CannotSaveOwnStoryOnceSubmitted_ButTheEditorCan()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        _db.SetState(saved.Id, ArticleState.InReview);

        var byReporter = await _db.Editing.SaveAsync(saved.Id, Seed() with { Title = "Sửa sau khi gửi" }, saved.Version, SaveMode.Autosave, Person.Khanh.Principal);
        var draft = await _db.Editing.LoadAsync(saved.Id, Person.Khanh.Principal);

        Assert.IsType<SaveResult.Forbidden>(byReporter);
        Assert.False(draft!.CanEdit);
        Assert.Equal(SeedStory.Headline, _db.Row(saved.Id).Title);
        Assert.Single(_db.Revisions(saved.Id));

        await _db.SaveAsync(Person.Lan, saved.Id, Seed() with { Title = "Biên tập viên sửa" }, saved.Version);
        Assert.Equal(ArticleState.InReview, _db.Row(saved.Id).State);
    }

    [Fact]
    public async Task Reporter_EditsOwnStorySentBack()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        _db.SetState(saved.Id, ArticleState.ChangesRequested);

        await _db.SaveAsync(Person.Khanh, saved.Id, Seed() with { Title = "Đã sửa theo yêu cầu" }, saved.Version);

        Assert.Equal(ArticleState.ChangesRequested, _db.Row(saved.Id).State);
    }

    [Fact]
    public async Task PersonWithoutARole_CannotSave_OrOpen()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Seed());
        var before = _db.Counts();

        Assert.IsType<SaveResult.Forbidden>(await _db.Editing.SaveAsync(null, Seed(), 0, SaveMode.Manual, Person.Nobody.Principal));
        Assert.IsType<SaveResult.Forbidden>(await _db.Editing.SaveAsync(saved.Id, Seed(), saved.Version, SaveMode.Manual, Person.Nobody.Principal));
        Assert.Null(await _db.Editing.LoadAsync(saved.Id, Person.Nobody.Principal));
        Assert.Equal(before, _db.Counts());
    }

    [Fact]
    public async Task UnknownStory_IsNotFound()
    {
        Assert.IsType<SaveResult.NotFound>(await _db.Editing.SaveAsync(404, Seed(), 1, SaveMode.Manual, Person.Lan.Principal));
        Assert.Null(await _db.Editing.LoadAsync(404, Person.Lan.Principal));
        Assert.Equal((0, 0), _db.Counts());
    }

    // ---- Concurrency ----------------------------------------------------------------------------------

    [Fact]
    public async Task TwoSavesFromTheSameVersionAtOnce_OneIsSaved_TheOtherIsAConflict()
    {
        using var db = StoryDatabase.OnDisk();
        var created = await db.CreateAsync(Person.Khanh, SeedMeeting.Story() with { CategoryId = db.ProvinceNews });
        var version = created.Version;

        for (var round = 1; round <= 5; round++)
        {
            var revisionsBefore = db.Revisions(created.Id).Count;
            var reporters = SeedMeeting.Story() with { CategoryId = db.ProvinceNews, Title = $"Phóng viên, lượt {round}" };
            var editors = SeedMeeting.Story() with { CategoryId = db.ProvinceNews, Title = $"Biên tập viên, lượt {round}" };
            var baseVersion = version;
            using var start = new ManualResetEventSlim();
            var byReporter = Task.Run(async () =>
            {
                start.Wait();
                return await db.Editing.SaveAsync(created.Id, reporters, baseVersion, SaveMode.Manual, Person.Khanh.Principal);
            });
            var byEditor = Task.Run(async () =>
            {
                start.Wait();
                return await db.Editing.SaveAsync(created.Id, editors, baseVersion, SaveMode.Manual, Person.Lan.Principal);
            });
            start.Set();

            var results = await Task.WhenAll(byReporter, byEditor);

            var saved = Assert.Single(results.OfType<SaveResult.Saved>());
            var conflict = Assert.Single(results.OfType<SaveResult.Conflict>());
            Assert.Equal(version + 1, saved.Version);
            Assert.Equal(saved.Version, conflict.Theirs.Version);

            var row = db.Row(created.Id);
            Assert.Equal(saved.Version, row.Version);
            Assert.Equal(conflict.Theirs.Content.Title, row.Title);
            Assert.Equal(revisionsBefore + 1, db.Revisions(created.Id).Count);
            Assert.Equal(row.Title, db.Revisions(created.Id)[^1].Title);
            version = saved.Version;
        }
    }

    [Fact]
    public async Task SaveThatReadTheStoryJustBeforeAnotherWroteIt_IsAConflict_NotAnOverwrite()
    {
        using var db = StoryDatabase.OnDisk();
        var created = await db.CreateAsync(Person.Khanh, SeedMeeting.Story() with { CategoryId = db.ProvinceNews });
        var reporterIsWriting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var editorHasRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Commands.BeforeCommand = async (actor, sql) =>
        {
            if (actor == Person.Khanh.Id && sql.StartsWith("UPDATE \"Articles\"", StringComparison.Ordinal))
            {
                // The reporter holds the write lock and has not committed yet.
                reporterIsWriting.TrySetResult();
                await editorHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            else if (actor == Person.Lan.Id && sql.Contains("EXISTS", StringComparison.Ordinal))
            {
                // The editor has loaded version 1 and passed the version check; now she checks the slug.
                await reporterIsWriting.Task.WaitAsync(TimeSpan.FromSeconds(10));
                editorHasRead.TrySetResult();
            }
        };

        var byReporter = Task.Run(() =>
        {
            CommandGate.Actor = Person.Khanh.Id;
            return db.Editing.SaveAsync(created.Id, SeedMeeting.Story() with { Title = "Bản của phóng viên" }, 1, SaveMode.Manual, Person.Khanh.Principal);
        });
        var byEditor = Task.Run(() =>
        {
            CommandGate.Actor = Person.Lan.Id;
            return db.Editing.SaveAsync(created.Id, SeedMeeting.Story() with { Title = "Bản của biên tập viên" }, 1, SaveMode.Manual, Person.Lan.Principal);
        });
        var results = await Task.WhenAll(byReporter, byEditor);

        Assert.True(editorHasRead.Task.IsCompletedSuccessfully, "The two saves did not interleave as planned.");
        var saved = Assert.IsType<SaveResult.Saved>(results[0]);
        var conflict = Assert.IsType<SaveResult.Conflict>(results[1]);
        Assert.Equal(2, saved.Version);
        Assert.Equal(("Bản của phóng viên", "Trần Khánh", 2), (conflict.Theirs.Content.Title, conflict.Theirs.UpdatedByName, conflict.Theirs.Version));
        var row = db.Row(created.Id);
        Assert.Equal(("Bản của phóng viên", 2), (row.Title, row.Version));
        Assert.Equal([SeedStory.Headline, "Bản của phóng viên"], db.Revisions(created.Id).Select(r => r.Title));
    }

    private ArticleContent Seed() => SeedMeeting.Story() with { CategoryId = _db.ProvinceNews };

    private ArticleContent Other() => new()
    {
        Title = "Tổng duyệt Lễ hội Chợ tình Khâu Vai",
        Lead = "CTTĐT – Chiều 19/4, tại xã Khâu Vai, huyện Mèo Vạc đã diễn ra buổi tổng duyệt Lễ hội Chợ tình Khâu Vai.",
        BodyHtml = "<p>Lễ hội Chợ tình Khâu Vai năm nay diễn ra trong hai ngày.</p>",
        Byline = "Thu Ngà",
        CategoryId = _db.EconomyNews,
    };

    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    [Fact]
    public async Task Restore_RightAfterAutosaves_KeepsTheAutosavedTextAsItsOwnRevision()
    {
        var v1 = await _db.CreateAsync(Person.Khanh, Seed());
        var autosaved = await _db.SaveAsync(Person.Khanh, v1.Id, Seed() with { Title = "Đoạn đang gõ dở" }, v1.Version, SaveMode.Autosave);

        var restored = Assert.IsType<SaveResult.Saved>(await _db.Editing.RestoreAsync(v1.Id, 1, autosaved.Version, Person.Khanh.Principal));

        // The text typed since revision 1 exists only in the autosave; restoring must not overwrite it.
        Assert.Equal(3, restored.RevisionNumber);
        Assert.Equal(
            [(1, RevisionKind.Save, SeedStory.Headline), (2, RevisionKind.Autosave, "Đoạn đang gõ dở"), (3, RevisionKind.Restore, SeedStory.Headline)],
            _db.Revisions(v1.Id).Select(r => (r.Number, r.Kind, r.Title)));
    }

    [Fact]
    public async Task TwoNewStoriesWithTheSameTitleAtOnce_AreBothSaved_WithDifferentSlugs()
    {
        using var db = StoryDatabase.OnDisk();
        var firstIsWriting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHasChecked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Commands.BeforeCommand = async (actor, sql) =>
        {
            if (actor == Person.Khanh.Id && sql.StartsWith("INSERT INTO \"Articles\"", StringComparison.Ordinal))
            {
                firstIsWriting.TrySetResult();
                await secondHasChecked.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            else if (actor == Person.Nga.Id && sql.Contains("EXISTS", StringComparison.Ordinal))
            {
                // Nga checks whether the title's slug is free while Khánh's story is not yet committed.
                await firstIsWriting.Task.WaitAsync(TimeSpan.FromSeconds(10));
                secondHasChecked.TrySetResult();
            }
        };

        var results = await Task.WhenAll(
            Task.Run(() =>
            {
                CommandGate.Actor = Person.Khanh.Id;
                return db.Editing.SaveAsync(null, SeedMeeting.Story(), 0, SaveMode.Autosave, Person.Khanh.Principal);
            }),
            Task.Run(() =>
            {
                CommandGate.Actor = Person.Nga.Id;
                return db.Editing.SaveAsync(null, SeedMeeting.Story(), 0, SaveMode.Autosave, Person.Nga.Principal);
            }));

        Assert.True(secondHasChecked.Task.IsCompletedSuccessfully, "The two saves did not interleave as planned.");
        var slugs = results.Select(r => Assert.IsType<SaveResult.Saved>(r).Slug).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([SeedSlug, SeedSlug + "-2"], slugs);
    }
}
