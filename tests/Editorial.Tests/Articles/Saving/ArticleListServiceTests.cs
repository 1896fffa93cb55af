using System.Text;
using Editorial.Core.Articles;
using Editorial.Tests.Text;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Saving;

/// <summary>"Bài của tôi": <see cref="ArticleListService.ByAuthorAsync(string, StoryFilter, int, int, CancellationToken)"/>.</summary>
public sealed class ArticleListServiceTests : IDisposable
{
    private const string DongChi = "Đồng chí Thào Hồng Sơn làm việc tại huyện Mèo Vạc";
    private const string ChoTinh = "Tổng duyệt Lễ hội Chợ tình Khâu Vai";
    private const string BanPhapChe = "Ban pháp chế - HĐND tỉnh họp thẩm tra Dự thảo Nghị quyết";

    private readonly StoryDatabase _db;

    public ArticleListServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal ArticleListServiceTests(StoryDatabase database) => _db = database;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ListsOnlyTheWritersOwnStories_NewestFirst()
    {
        await SeedStoriesAsync();

        var page = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(), 0, 50);

        Assert.Equal(4, page.Total);
        Assert.Equal([BanPhapChe, ChoTinh, DongChi, SeedStory.Headline], page.Rows.Select(r => r.Title));
        Assert.All(page.Rows, r => Assert.Equal("Trần Khánh", r.AuthorName));
    }

    [Fact]
    public async Task OtherWriters_SeeTheirOwnOnly()
    {
        await SeedStoriesAsync();

        var page = await _db.Lists.ByAuthorAsync(Person.Nga.Id, new StoryFilter(), 0, 50);

        Assert.Equal(["Hội nghị của người khác"], page.Rows.Select(r => r.Title));
        Assert.Equal("Thu Ngà", page.Rows[0].AuthorName);
    }

    [Fact]
    public async Task FiltersByState()
    {
        var ids = await SeedStoriesAsync();
        _db.SetState(ids[ChoTinh], ArticleState.InReview);
        _db.SetState(ids[DongChi], ArticleState.Published);

        var inReview = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(State: ArticleState.InReview), 0, 50);
        var drafts = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(State: ArticleState.Draft), 0, 50);

        Assert.Equal([ChoTinh], inReview.Rows.Select(r => r.Title));
        Assert.Equal(ArticleState.InReview, inReview.Rows[0].State);
        Assert.Equal([BanPhapChe, SeedStory.Headline], drafts.Rows.Select(r => r.Title));
        Assert.Equal(2, drafts.Total);
    }

    [Fact]
    public async Task FiltersByCategory_AndNamesIt()
    {
        await SeedStoriesAsync();

        var province = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(CategoryId: _db.ProvinceNews), 0, 50);
        var economy = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(CategoryId: _db.EconomyNews), 0, 50);

        Assert.Equal([BanPhapChe, DongChi, SeedStory.Headline], province.Rows.Select(r => r.Title));
        Assert.All(province.Rows, r => Assert.Equal("Hoạt động của tỉnh", r.Category));
        Assert.Equal([ChoTinh], economy.Rows.Select(r => r.Title));
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var ids = await SeedStoriesAsync();
        _db.SetState(ids[DongChi], ArticleState.Published);

        var page = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(ArticleState.Draft, _db.ProvinceNews, "hoi nghi"), 0, 50);

        Assert.Equal([SeedStory.Headline], page.Rows.Select(r => r.Title));
    }

    [Theory]
    [InlineData("hoi nghi")]
    [InlineData("Hội nghị")]
    [InlineData("HỘI NGHỊ")]
    [InlineData("  hội   NGHỊ ")]
    [InlineData("truc tuyen so ket")]
    public async Task Search_IgnoresDiacriticsCaseAndSpacing(string search)
    {
        await SearchFinds(search, [SeedStory.Headline]);
    }

    [Fact]
    public async Task Search_TypedDecomposed_FindsTheComposedTitle()
    {
        await SearchFinds("Hội nghị".Normalize(NormalizationForm.FormD), [SeedStory.Headline]);
    }

    [Theory]
    [InlineData("đồng")]
    [InlineData("dong chi")]
    [InlineData("ĐỒNG CHÍ THÀO HỒNG SƠN")]
    [InlineData("dong chi thao hong son")]
    public async Task Search_FoldsDToD(string search)
    {
        await SearchFinds(search, [DongChi]);
    }

    [Fact]
    public async Task Search_FindsWordsInsideTheTitle_AndAbbreviations()
    {
        await SearchFinds("hdnd", [BanPhapChe]);
        await SearchFinds("khâu vai", [ChoTinh], seed: false);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("hoi%nghi")]
    public async Task Search_TreatsWildcardCharactersAsText(string search)
    {
        await SearchFinds(search, []);
    }

    [Fact]
    public async Task Search_WithNoMatch_IsAnEmptyPage()
    {
        await SearchFinds("ubnd", []);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptySearch_ListsEverything(string? search)
    {
        await SeedStoriesAsync();

        var page = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: search), 0, 50);

        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task Pages_CountEveryMatch_AndShowTheirSlice()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _db.CreateAsync(Person.Khanh, Story($"Hội nghị số {i}", _db.ProvinceNews));
            _db.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await _db.CreateAsync(Person.Khanh, Story("Tin khác", _db.ProvinceNews));

        var first = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: "hoi nghi"), 0, 2);
        var second = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: "hoi nghi"), 1, 2);
        var last = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: "hoi nghi"), 2, 2);
        var beyond = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: "hoi nghi"), 3, 2);

        Assert.Equal([5, 5, 5, 5], new[] { first.Total, second.Total, last.Total, beyond.Total });
        Assert.Equal(["Hội nghị số 5", "Hội nghị số 4"], first.Rows.Select(r => r.Title));
        Assert.Equal(["Hội nghị số 3", "Hội nghị số 2"], second.Rows.Select(r => r.Title));
        Assert.Equal(["Hội nghị số 1"], last.Rows.Select(r => r.Title));
        Assert.Empty(beyond.Rows);
    }

    [Fact]
    public async Task NegativePage_IsTheFirstPage()
    {
        await SeedStoriesAsync();

        var page = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(), -1, 2);

        Assert.Equal([BanPhapChe, ChoTinh], page.Rows.Select(r => r.Title));
    }

    [Fact]
    public async Task RenamedStory_IsFoundByItsNewTitle()
    {
        var saved = await _db.CreateAsync(Person.Khanh, Story("Bản nháp chưa đặt tên", _db.ProvinceNews));
        await _db.SaveAsync(Person.Khanh, saved.Id, Story(DongChi, _db.ProvinceNews), saved.Version);

        await SearchFinds("dong chi", [DongChi], seed: false);
        await SearchFinds("ban nhap", [], seed: false);
    }

    private async Task SearchFinds(string search, string[] expected, bool seed = true)
    {
        if (seed)
        {
            await SeedStoriesAsync();
        }

        var page = await _db.Lists.ByAuthorAsync(Person.Khanh.Id, new StoryFilter(TitleSearch: search), 0, 50);

        Assert.Equal(expected, page.Rows.Select(r => r.Title));
        Assert.Equal(expected.Length, page.Total);
    }

    /// <summary>Four stories by Khánh (oldest first) and one by Ngà with "Hội nghị" in its title too.</summary>
    private async Task<Dictionary<string, int>> SeedStoriesAsync()
    {
        var ids = new Dictionary<string, int>();
        foreach (var (title, category) in new[]
                 {
                     (SeedStory.Headline, _db.ProvinceNews), (DongChi, _db.ProvinceNews), (ChoTinh, _db.EconomyNews), (BanPhapChe, _db.ProvinceNews),
                 })
        {
            ids[title] = (await _db.CreateAsync(Person.Khanh, Story(title, category))).Id;
            _db.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await _db.CreateAsync(Person.Nga, Story("Hội nghị của người khác", _db.ProvinceNews));
        return ids;
    }

    private static ArticleContent Story(string title, int categoryId) => new()
    {
        Title = title,
        Lead = "CTTĐT – Sáng 20/4, …",
        BodyHtml = "<p>…</p>",
        CategoryId = categoryId,
    };
}
