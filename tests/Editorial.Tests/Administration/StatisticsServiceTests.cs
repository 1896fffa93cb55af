using Editorial.Core.Articles;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;

namespace Editorial.Tests.Administration;

/// <summary>Publication statistics over a real SQLite database: Vietnam months, categories, authors, bylines.</summary>
public sealed class StatisticsServiceTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly StatisticsService statistics;
    private int next;

    public StatisticsServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal StatisticsServiceTests(StoryDatabase database)
    {
        db = database;
        statistics = new StatisticsService(db, db.Time);
    }

    public void Dispose() => db.Dispose();

    private void Story(Person author, int? category, DateTimeOffset publishedUtc, ArticleState state = ArticleState.Published, string byline = "Trần Khánh")
    {
        using var context = db.CreateDbContext();
        next++;
        context.Articles.Add(new Article
        {
            Title = $"Bài {next}", TitleFolded = $"bai {next}", Slug = $"bai-{next}", State = state, CategoryId = category, Byline = byline,
            CreatedById = author.Id, UpdatedById = author.Id, PublishedAtUtc = publishedUtc,
        });
        context.SaveChanges();
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CountsByVietnamMonth_ACrossMidnightStoryFallsInTheNextMonth()
    {
        Story(Person.Khanh, db.ProvinceNews, Utc(2017, 1, 31, 16)); // 23:00 on 31/01 in Vietnam: January
        Story(Person.Khanh, db.ProvinceNews, Utc(2017, 1, 31, 20)); // 03:00 on 01/02 in Vietnam: February
        Story(Person.Khanh, db.ProvinceNews, Utc(2016, 12, 31, 17)); // 00:00 on 01/01/2017 in Vietnam: this year
        Story(Person.Khanh, db.ProvinceNews, Utc(2017, 12, 31, 17)); // 00:00 on 01/01/2018: next year

        var result = await statistics.PublishedPerMonthAsync(Person.Minh.Principal, 2017);

        Assert.Equal([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], result.Totals);
        Assert.Equal(3, result.Total);
        Assert.Equal(1, (await statistics.PublishedPerMonthAsync(Person.Minh.Principal, 2018)).Total);
    }

    [Fact]
    public async Task ByCategoryAndAuthor_OnlyPublishedStories_WithUncategorisedAndBylineFreeCounts()
    {
        Story(Person.Khanh, db.ProvinceNews, Utc(2017, 4, 20, 6));
        Story(Person.Khanh, db.EconomyNews, Utc(2017, 4, 21, 6), byline: "");
        Story(Person.Nga, db.EconomyNews, Utc(2017, 5, 2, 6));
        Story(Person.Nga, null, Utc(2017, 5, 3, 6), byline: "  ");
        Story(Person.Nga, db.ProvinceNews, Utc(2017, 5, 4, 6), ArticleState.Unpublished);
        Story(Person.Lan, db.ProvinceNews, Utc(2017, 6, 4, 6), ArticleState.Approved);

        var result = await statistics.PublishedPerMonthAsync(Person.Minh.Principal, 2017);

        Assert.Equal(4, result.Total);
        Assert.Equal(["Hoạt động của tỉnh", "Tin kinh tế", ""], result.ByCategory.Select(l => l.Name));
        Assert.Equal(StatisticsService.NoCategoryKey, result.ByCategory[2].Key);
        Assert.Equal(1, result.ByCategory[0].Months[3]);
        Assert.Equal([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0], result.ByCategory[1].Months);
        Assert.Equal([("Thu Ngà", 2), ("Trần Khánh", 2)], result.ByAuthor.Select(l => (l.Name, l.Total)));
        Assert.Equal(2, result.ByAuthor.Single(l => l.Key == Person.Khanh.Id).Months[3]);
        Assert.Equal([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0], result.WithoutByline);
    }

    [Fact]
    public async Task Years_RunFromTheFirstPublicationToNow()
    {
        db.Clock.SetUtcNow(Utc(2019, 6, 1, 0));
        Story(Person.Khanh, db.ProvinceNews, Utc(2017, 4, 20, 6));

        Assert.Equal([2019, 2018, 2017], await statistics.YearsAsync(Person.Minh.Principal));
        Assert.Equal(2019, statistics.CurrentYear);
    }

    [Fact]
    public async Task OnlyAdministrators()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => statistics.PublishedPerMonthAsync(Person.Lan.Principal, 2017));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => statistics.PublishedPerMonthAsync(Person.Minh.Principal, 1));
    }
}
