using Editorial.Core.Royalties;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Royalties;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Royalties;

/// <summary>The royalty services on SQLite (decimals compared and added in C#), at 07:00 on 20/04/2017 Vietnam time.</summary>
public sealed class RoyaltyServiceTests : IDisposable
{
    private readonly RoyaltyDatabase royalties;

    public RoyaltyServiceTests()
        : this(new RoyaltyDatabase())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal RoyaltyServiceTests(RoyaltyDatabase database) => royalties = database;

    private StoryDatabase Db => royalties.Db;

    public void Dispose() => royalties.Dispose();

    [Fact]
    public async Task The_example_genres_and_unit_value_are_seeded_once()
    {
        var genres = await royalties.Settings.GenresAsync();
        Assert.Equal(["Tin không ảnh", "Tin có ảnh", "Bài tổng hợp, phản ánh", "Ảnh", "Bài phóng sự, ký sự", "Bài bình luận"], genres.Select(g => g.Name));
        Assert.Equal((1.2m, 2.5m), (genres[2].MinCoefficient, genres[2].MaxCoefficient));
        var unit = Assert.Single(await royalties.Settings.UnitValuesAsync());
        Assert.Equal(100_000m, unit.AmountVnd);
        Assert.Equal("01/01/2017 00:00", Db.Time.Format(unit.EffectiveFromUtc));

        await royalties.Seed.EnsureAsync();
        Assert.Equal(6, (await royalties.Settings.GenresAsync()).Count);
        Assert.Single(await royalties.Settings.UnitValuesAsync());
    }

    [Fact]
    public async Task The_form_starts_from_the_byline_split_equally_matched_to_accounts()
    {
        var id = await royalties.PublishedAsync("Hội nghị trực tuyến sơ kết", byline: "Trần Khánh - Thu Ngà");

        var model = await royalties.Assessments.LoadAsync(id);

        Assert.NotNull(model);
        Assert.False(model.Assessed);
        Assert.Equal(royalties.GenreId("Tin không ảnh"), model.GenreId);
        Assert.Equal(
            [new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 50m), new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Author, 50m)],
            model.Shares);
        Assert.Equal(100_000m, model.UnitValue?.AmountVnd);
    }

    [Fact]
    public async Task A_single_name_byline_gives_the_creator_everything()
    {
        var id = await royalties.PublishedAsync("Tổng duyệt Lễ hội Chợ tình Khâu Vai", byline: "Thu Phương", author: Person.Nga);
        var model = await royalties.Assessments.LoadAsync(id);
        Assert.Equal([new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Author, 100m)], model!.Shares);
    }

    [Fact]
    public async Task A_coefficient_outside_the_genre_range_is_refused_and_nothing_is_stored()
    {
        var id = await royalties.PublishedAsync("Tin ngắn");

        var outcome = await royalties.Assessments.SaveAsync(id, royalties.GenreId("Bài tổng hợp, phản ánh"), 2.6m,
            [new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m)], Person.Lan.Principal);

        Assert.Equal(new object[] { 2.6m, 1.2m, 2.5m }, outcome.Refusal?.Args);
        Assert.Equal(RoyaltyProblem.CoefficientOutOfRange, outcome.Refusal?.Problem);
        Assert.Null(royalties.Royalty(id));
        Assert.Empty(royalties.Audit(RoyaltyAudit.Assessed));
    }

    [Fact]
    public async Task Shares_not_totalling_one_hundred_are_refused()
    {
        var id = await royalties.PublishedAsync("Tin ngắn");
        var outcome = await royalties.Assessments.SaveAsync(id, royalties.GenreId("Ảnh"), 1.5m,
            [new ShareLine(Person.Khanh.Id, "x", ShareRole.Author, 50m), new ShareLine(null, "Minh Hòa", ShareRole.Photographer, 40m)], Person.Lan.Principal);
        Assert.Equal(RoyaltyProblem.SharesNotHundred, outcome.Refusal?.Problem);
        Assert.Null(royalties.Royalty(id));
    }

    [Fact]
    public async Task Reporters_cannot_assess_and_unpublished_drafts_cannot_be_assessed()
    {
        var published = await royalties.PublishedAsync("Tin ngắn");
        var draft = await royalties.Stories.ApprovedAsync("Chưa xuất bản");
        ShareLine[] all = [new(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m)];

        Assert.Equal(RoyaltyProblem.NotAllowed, (await royalties.Assessments.SaveAsync(published, royalties.GenreId("Ảnh"), 1.5m, all, Person.Khanh.Principal)).Refusal?.Problem);
        Assert.Equal(RoyaltyProblem.StoryNotPublished, (await royalties.Assessments.SaveAsync(draft, royalties.GenreId("Ảnh"), 1.5m, all, Person.Lan.Principal)).Refusal?.Problem);
        Assert.Null(await royalties.Assessments.LoadAsync(draft));
        Assert.Null(royalties.Royalty(published));
    }

    [Fact]
    public async Task An_assessment_is_stored_with_account_names_and_audited_and_can_be_corrected_until_paid()
    {
        var id = await royalties.PublishedAsync("Hội nghị", byline: "Trần Khánh - Thu Ngà");

        await royalties.AssessAsync(id, "Bài tổng hợp, phản ánh", 2.2m,
            new ShareLine(Person.Khanh.Id, "typed differently", ShareRole.Author, 60m),
            new ShareLine(null, "  Minh Hòa ", ShareRole.Photographer, 40m));

        var stored = royalties.Royalty(id)!;
        Assert.Equal(2.2m, stored.Coefficient);
        Assert.Equal(Person.Lan.Id, stored.AssessedById);
        Assert.Equal(
            [(Person.Khanh.Id, "Trần Khánh", "Author", 60m), (null, "Minh Hòa", "Photographer", 40m)],
            stored.Shares.OrderBy(s => s.Id).Select(s => (s.UserId, s.PersonName, s.Role, s.Percent)));
        var entry = Assert.Single(royalties.Audit(RoyaltyAudit.Assessed));
        Assert.Equal(id, entry.ArticleId);
        Assert.Contains("hệ số 2,2", entry.Details);

        // Corrected: the shares are replaced, not added to.
        await royalties.AssessAsync(id, "Bài tổng hợp, phản ánh", 2.5m, new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Author, 100m));
        Assert.Equal((Person.Nga.Id, 100m), royalties.Royalty(id)!.Shares.Select(s => (s.UserId, s.Percent)).Single());

        Assert.Equal(1, await royalties.Reports.MarkPaidAsync([id], Person.Lan.Principal));
        var refused = await royalties.Assessments.SaveAsync(id, royalties.GenreId("Ảnh"), 1.5m,
            [new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Author, 100m)], Person.Lan.Principal);
        Assert.Equal(RoyaltyProblem.AlreadyPaid, refused.Refusal?.Problem);
        Assert.Equal(2.5m, royalties.Royalty(id)!.Coefficient);
    }

    [Fact]
    public async Task The_report_uses_the_unit_value_in_force_at_each_publication_and_adds_up_per_person()
    {
        // 120.000 đ from 21/04/2017 (Vietnam midnight = 17:00 UTC on the 20th).
        Assert.True((await royalties.Settings.SaveUnitValueAsync(null, 120_000m, new DateOnly(2017, 4, 21), Person.Minh.Principal)).Succeeded);

        var before = await royalties.PublishedAsync("Trước khi tăng đơn giá", byline: "Trần Khánh - Thu Ngà"); // 20/04 07:00
        Db.Clock.SetUtcNow(new DateTimeOffset(2017, 4, 21, 2, 0, 0, TimeSpan.Zero));
        var after = await royalties.PublishedAsync("Sau khi tăng đơn giá");                                     // 21/04 09:00
        var unassessed = await royalties.PublishedAsync("Chưa chấm");

        await royalties.AssessAsync(before, "Bài tổng hợp, phản ánh", 1.5m,
            new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 33.33m),
            new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Author, 33.33m),
            new ShareLine(null, "Minh Hòa", ShareRole.Photographer, 33.34m));
        await royalties.AssessAsync(after, "Tin có ảnh", 1.5m, new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m));

        var report = await royalties.Reports.ReportAsync(RoyaltyDatabase.April2017);

        // vi-VN order: Minh Hòa, Thu Ngà, Trần Khánh.
        Assert.Equal(["Minh Hòa", "Thu Ngà", "Trần Khánh"], report.People.Select(p => p.Name));
        var khanh = report.People.Single(p => p.Name == "Trần Khánh");
        Assert.Equal([(before, 100_000m, 49_995m), (after, 120_000m, 180_000m)], khanh.Lines.Select(l => (l.ArticleId, l.UnitValueVnd!.Value, l.Amount!.Value)));
        Assert.Equal(229_995m, khanh.Total);
        Assert.Equal(50_010m, report.People.Single(p => p.Name == "Minh Hòa").Total); // 1,5 × 100.000 × 33,34 %
        Assert.Equal(49_995m + 49_995m + 50_010m + 180_000m, report.Total);
        Assert.Equal(report.Total, report.UnpaidTotal);
        Assert.Equal([before, after], report.UnpaidStoryIds);
        Assert.Equal((2, 1), (report.AssessedStories, report.UnassessedStories));

        var rows = await royalties.Assessments.ListAsync(new RoyaltyStoryFilter(RoyaltyDatabase.April2017), Db.Time);
        Assert.Equal([unassessed, after, before], rows.Select(r => r.Id));
        Assert.Equal([null, 180_000m, 150_000m], rows.Select(r => r.Amount));
        Assert.Equal([unassessed], (await royalties.Assessments.ListAsync(new RoyaltyStoryFilter(RoyaltyDatabase.April2017, OnlyUnassessed: true), Db.Time)).Select(r => r.Id));
        Assert.Empty(await royalties.Assessments.ListAsync(new RoyaltyStoryFilter(RoyaltyDatabase.April2017, Db.EconomyNews), Db.Time));
        Assert.Empty(await royalties.Assessments.ListAsync(new RoyaltyStoryFilter(new RoyaltyMonth(2017, 5)), Db.Time));
    }

    [Fact]
    public async Task Unpaid_stories_are_flagged_sixty_days_after_publication()
    {
        var id = await royalties.PublishedAsync("Tin cũ");
        await royalties.AssessAsync(id, "Tin không ảnh", 1m, new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m));

        Db.Clock.Advance(TimeSpan.FromDays(60));
        Assert.False((await royalties.Reports.ReportAsync(RoyaltyDatabase.April2017)).People.Single().Lines.Single().Overdue);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await royalties.Reports.ReportAsync(RoyaltyDatabase.April2017)).People.Single().Lines.Single().Overdue);
        Assert.True((await royalties.Assessments.ListAsync(new RoyaltyStoryFilter(RoyaltyDatabase.April2017), Db.Time)).Single().Overdue);

        await royalties.Reports.MarkPaidAsync([id], Person.Lan.Principal);
        Assert.False((await royalties.Reports.ReportAsync(RoyaltyDatabase.April2017)).People.Single().Lines.Single().Overdue);
    }

    [Fact]
    public async Task Marking_paid_is_audited_once_and_only_an_administrator_takes_it_back()
    {
        var first = await royalties.PublishedAsync("Một");
        var second = await royalties.PublishedAsync("Hai");
        var unassessed = await royalties.PublishedAsync("Ba");
        await royalties.AssessAsync(first, "Tin không ảnh", 1m, new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m));
        await royalties.AssessAsync(second, "Tin không ảnh", 1m, new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m));

        Assert.Equal(0, await royalties.Reports.MarkPaidAsync([first], Person.Khanh.Principal)); // a reporter
        Assert.Equal(2, await royalties.Reports.MarkPaidAsync([first, second, unassessed], Person.Lan.Principal));
        Assert.Equal(0, await royalties.Reports.MarkPaidAsync([first, second], Person.Lan.Principal)); // already paid: no second entry
        Assert.Equal([first, second], royalties.Audit(RoyaltyAudit.Paid).Select(e => e.ArticleId!.Value));
        Assert.Equal(Person.Lan.Id, royalties.Royalty(first)!.PaidById);
        Assert.Equal(StoryDatabase.Start, royalties.Royalty(first)!.PaidAtUtc);

        Assert.Equal(RoyaltyProblem.NotAllowed, (await royalties.Reports.MarkUnpaidAsync(first, Person.Lan.Principal)).Refusal?.Problem);
        Assert.NotNull(royalties.Royalty(first)!.PaidAtUtc);
        Assert.True((await royalties.Reports.MarkUnpaidAsync(first, Person.Minh.Principal)).Succeeded);
        Assert.Null(royalties.Royalty(first)!.PaidAtUtc);
        Assert.Equal(first, Assert.Single(royalties.Audit(RoyaltyAudit.Unpaid)).ArticleId);
        Assert.Equal([first], (await royalties.Reports.ReportAsync(RoyaltyDatabase.April2017)).UnpaidStoryIds);
    }

    [Fact]
    public async Task A_unit_value_used_for_a_paid_story_cannot_be_edited_removed_or_undercut()
    {
        var id = await royalties.PublishedAsync("Đã trả");
        await royalties.AssessAsync(id, "Tin không ảnh", 1m, new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m));
        await royalties.Reports.MarkPaidAsync([id], Person.Lan.Principal);
        var used = Assert.Single(await royalties.Settings.UnitValuesAsync());
        Assert.Equal(1, used.PaidStories);

        Assert.Equal(RoyaltyProblem.UnitValueUsedByPaidStory,
            (await royalties.Settings.SaveUnitValueAsync(used.Id, 150_000m, new DateOnly(2017, 1, 1), Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal(RoyaltyProblem.UnitValueUsedByPaidStory,
            (await royalties.Settings.DeleteUnitValueAsync(used.Id, Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal(RoyaltyProblem.UnitValueUsedByPaidStory, // would apply to the paid story of 20/04
            (await royalties.Settings.SaveUnitValueAsync(null, 150_000m, new DateOnly(2017, 4, 1), Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal(100_000m, Assert.Single(await royalties.Settings.UnitValuesAsync()).AmountVnd);

        // A new value from a later date is fine, and can be corrected while nothing paid uses it.
        Assert.True((await royalties.Settings.SaveUnitValueAsync(null, 150_000m, new DateOnly(2017, 5, 1), Person.Minh.Principal)).Succeeded);
        var later = (await royalties.Settings.UnitValuesAsync()).First();
        Assert.True((await royalties.Settings.SaveUnitValueAsync(later.Id, 160_000m, new DateOnly(2017, 5, 1), Person.Minh.Principal)).Succeeded);
        Assert.Equal(RoyaltyProblem.UnitValueDateTaken,
            (await royalties.Settings.SaveUnitValueAsync(null, 170_000m, new DateOnly(2017, 5, 1), Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal([160_000m, 100_000m], (await royalties.Settings.UnitValuesAsync()).Select(v => v.AmountVnd));
        Assert.Contains("150.000 đ từ 01/05/2017", Assert.Single(royalties.Audit(RoyaltyAudit.UnitValueAdded)).Details);
        Assert.Equal("150.000 đ từ 01/05/2017 → 160.000 đ từ 01/05/2017", Assert.Single(royalties.Audit(RoyaltyAudit.UnitValueChanged)).Details);
    }

    [Fact]
    public async Task Genres_are_added_changed_and_retired_by_administrators_only()
    {
        Assert.Equal(RoyaltyProblem.NotAllowed, (await royalties.Settings.SaveGenreAsync(null, "Video", 1m, 2m, Person.Lan.Principal)).Refusal?.Problem);
        Assert.Equal(RoyaltyProblem.GenreRangeInverted, (await royalties.Settings.SaveGenreAsync(null, "Video", 2m, 1m, Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal(RoyaltyProblem.GenreNameTaken, (await royalties.Settings.SaveGenreAsync(null, "tin co anh", 1m, 2m, Person.Minh.Principal)).Refusal?.Problem);
        Assert.Equal(6, (await royalties.Settings.GenresAsync()).Count);

        Assert.True((await royalties.Settings.SaveGenreAsync(null, "Video", 1.5m, 3m, Person.Minh.Principal)).Succeeded);
        var video = (await royalties.Settings.GenresAsync()).Last();
        Assert.Equal(("Video", 7), (video.Name, video.SortOrder));
        Assert.True((await royalties.Settings.SaveGenreAsync(video.Id, "Phóng sự video", 2m, 3m, Person.Minh.Principal)).Succeeded);
        Assert.True((await royalties.Settings.SetRetiredAsync(video.Id, true, Person.Minh.Principal)).Succeeded);

        var id = await royalties.PublishedAsync("Tin");
        var model = await royalties.Assessments.LoadAsync(id);
        Assert.DoesNotContain(model!.Genres, g => g.Id == video.Id);
        Assert.Equal(RoyaltyProblem.GenreRetired, (await royalties.Assessments.SaveAsync(id, video.Id, 2m,
            [new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 100m)], Person.Lan.Principal)).Refusal?.Problem);
        Assert.Single(royalties.Audit(RoyaltyAudit.GenreAdded));
        Assert.Contains("Video (1,5–3) → Phóng sự video (2–3)", Assert.Single(royalties.Audit(RoyaltyAudit.GenreChanged)).Details);
        Assert.Single(royalties.Audit(RoyaltyAudit.GenreRetired));
    }

    [Fact]
    public async Task The_csv_lists_every_line_with_totals_in_whole_dong()
    {
        var id = await royalties.PublishedAsync("=Tổng kết, \"năm\" 2017", byline: "Trần Khánh - Thu Ngà");
        await royalties.AssessAsync(id, "Bài bình luận", 2.5m,
            new ShareLine(Person.Khanh.Id, "Trần Khánh", ShareRole.Author, 50m),
            new ShareLine(Person.Nga.Id, "Thu Ngà", ShareRole.Photographer, 50m));

        var bytes = await royalties.Reports.CsvAsync(RoyaltyDatabase.April2017, key => key);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
            $"Thu Ngà,\"'=Tổng kết, \"\"năm\"\" 2017\",{id},20/04/2017 07:00,Bài bình luận,Royalty.Role.Photographer,2.5,50,100000,125000,Royalty.Csv.Unpaid",
            lines[1]);
        Assert.Equal("Thu Ngà,Royalty.Csv.PersonTotal,,,,,,,,125000,", lines[2]);
        Assert.StartsWith("Trần Khánh,", lines[3]);
        Assert.Equal(",Royalty.Csv.GrandTotal,,,,,,,,250000,", lines[5]);
        Assert.Equal("", lines[6]);
    }
}
