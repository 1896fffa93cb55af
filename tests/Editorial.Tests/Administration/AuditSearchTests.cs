using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Administration;

/// <summary>The audit log's filters and paging over a real SQLite database (Vietnam dates are UTC+7).</summary>
public sealed class AuditSearchTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly AuditTrail trail;

    public AuditSearchTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal AuditSearchTests(StoryDatabase database)
    {
        db = database;
        trail = new AuditTrail(db, db.Clock, db.Time);
        using var context = db.CreateDbContext();
        var meeting = new Article { Title = "Hội nghị trực tuyến sơ kết", TitleFolded = "hoi nghi truc tuyen so ket", Slug = "a", CreatedById = Person.Khanh.Id, UpdatedById = Person.Khanh.Id };
        var other = new Article { Title = "Tin kinh tế tháng 4", TitleFolded = "tin kinh te thang 4", Slug = "b", CreatedById = Person.Nga.Id, UpdatedById = Person.Nga.Id };
        context.Articles.AddRange(meeting, other);
        context.SaveChanges();
        Meeting = meeting.Id;
        Other = other.Id;

        // 16:59 and 17:00 UTC on 19/04 are 23:59 on 19/04 and 00:00 on 20/04 in Vietnam.
        context.AuditEntries.AddRange(
            Entry(new DateTimeOffset(2017, 4, 19, 16, 59, 0, TimeSpan.Zero), "quantri", "account.sign-in"),
            Entry(new DateTimeOffset(2017, 4, 19, 17, 0, 0, TimeSpan.Zero), "phongvien", "story.submit", Meeting),
            Entry(new DateTimeOffset(2017, 4, 20, 3, 0, 0, TimeSpan.Zero), "bientap", "story.approve", Meeting),
            Entry(new DateTimeOffset(2017, 4, 21, 2, 0, 0, TimeSpan.Zero), "bientap", "story.approve", Other),
            Entry(new DateTimeOffset(2017, 4, 21, 17, 0, 0, TimeSpan.Zero), "100%_user", "account.sign-in"));
        context.SaveChanges();
    }

    private int Meeting { get; }

    private int Other { get; }

    public void Dispose() => db.Dispose();

    private static AuditEntry Entry(DateTimeOffset at, string user, string action, int? article = null) =>
        new() { AtUtc = at, UserName = user, Action = action, ArticleId = article };

    private async Task<List<string>> Search(AuditFilter filter) =>
        (await trail.SearchAsync(Person.Minh.Principal, filter, 0, 100)).Rows.Select(r => $"{r.UserName} {r.Action}").ToList();

    [Fact]
    public async Task NoFilter_ListsEverythingNewestFirst_WithStoryTitles()
    {
        var page = await trail.SearchAsync(Person.Minh.Principal, AuditFilter.None, 0, 100);

        Assert.Equal(5, page.Total);
        Assert.Equal(["100%_user", "bientap", "bientap", "phongvien", "quantri"], page.Rows.Select(r => r.UserName));
        Assert.Equal("Tin kinh tế tháng 4", page.Rows[1].StoryTitle);
        Assert.Null(page.Rows[0].StoryTitle);
    }

    [Fact]
    public async Task ByPerson_MatchesPartOfTheUserName_IgnoringCase_WithLikeWildcardsTakenLiterally()
    {
        Assert.Equal(["bientap story.approve", "bientap story.approve"], await Search(new AuditFilter(User: "BIEN")));
        Assert.Equal(["100%_user account.sign-in"], await Search(new AuditFilter(User: "%_")));
        Assert.Empty(await Search(new AuditFilter(User: "_x")));
    }

    [Fact]
    public async Task ByStory_TakesAnIdOrPartOfTheTitleWithoutDiacritics()
    {
        Assert.Equal(["bientap story.approve", "phongvien story.submit"], await Search(new AuditFilter(Story: Meeting.ToString())));
        Assert.Equal(["bientap story.approve", "phongvien story.submit"], await Search(new AuditFilter(Story: "#" + Meeting)));
        Assert.Equal(["bientap story.approve", "phongvien story.submit"], await Search(new AuditFilter(Story: "hoi nghi TRUC")));
        Assert.Equal(["bientap story.approve"], await Search(new AuditFilter(Story: "Kinh tế")));
        Assert.Empty(await Search(new AuditFilter(Story: "không có bài này")));
    }

    [Fact]
    public async Task ByAction_IsExact()
    {
        Assert.Equal(["100%_user account.sign-in", "quantri account.sign-in"], await Search(new AuditFilter(Action: "account.sign-in")));
        Assert.Empty(await Search(new AuditFilter(Action: "account")));
    }

    [Fact]
    public async Task DateRange_IsInVietnamDays_BothEndsIncluded()
    {
        // 20/04 in Vietnam: from 17:00 UTC on 19/04 to 16:59:59 UTC on 20/04.
        var day = new DateOnly(2017, 4, 20);
        Assert.Equal(["bientap story.approve", "phongvien story.submit"], await Search(new AuditFilter(From: day, To: day)));
        Assert.Equal(["quantri account.sign-in"], await Search(new AuditFilter(To: new DateOnly(2017, 4, 19))));
        Assert.Equal(["100%_user account.sign-in"], await Search(new AuditFilter(From: new DateOnly(2017, 4, 22))));
    }

    [Fact]
    public async Task Filters_Combine_AndPagingCountsAllMatches()
    {
        Assert.Equal(["bientap story.approve"], await Search(new AuditFilter(User: "bientap", Story: "hoi nghi", Action: "story.approve", From: new DateOnly(2017, 4, 20))));

        var second = await trail.SearchAsync(Person.Minh.Principal, AuditFilter.None, 1, 2);
        Assert.Equal(5, second.Total);
        Assert.Equal(["bientap", "phongvien"], second.Rows.Select(r => r.UserName));
    }

    [Fact]
    public async Task OnlyAdministrators_ReadTheLog()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => trail.SearchAsync(Person.Lan.Principal, AuditFilter.None, 0, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
        {
            await foreach (var _ in trail.ExportAsync(Person.Khanh.Principal, AuditFilter.None))
            {
            }
        });
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("nói \"không\"", "\"nói \"\"không\"\"\"")]
    [InlineData("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("Hội nghị", "Hội nghị")]
    [InlineData(null, "")]
    public void CsvField_QuotesAndNeutralisesFormulas(string? value, string expected) =>
        Assert.Equal(expected, AuditExport.Field(value));
}
