using Editorial.Core.Articles;
using Editorial.Tests.Text;
using Editorial.Web.Features.Portal.Search;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Tests.Portal;

/// <summary>The FTS5 search over a migrated SQLite database: what is found, in which order, and what never is.</summary>
public sealed class PortalSearchTests : IDisposable
{
    private readonly PortalDatabase _db;

    public PortalSearchTests()
        : this(new PortalDatabase())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal PortalSearchTests(PortalDatabase database) => _db = database;

    private static string SeedBody => "<p>" + SeedStory.Lead + "</p><p>Kết luận tại Hội nghị đồng chí Thào Hồng Sơn thay mặt các đồng chí trong BCĐ.</p>";

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("dong chi thao hong son")]
    [InlineData("Thào Hồng Sơn")]
    [InlineData("THÀO hồng sơn")]
    [InlineData("xdcsctvm 11 diem cau")]
    public async Task SeedStory_IsFound_WithOrWithoutDiacritics(string query)
    {
        var seed = await _db.AddIndexedAsync(SeedStory.Headline, SeedStory.Lead["CTTĐT – ".Length..], SeedBody);
        await _db.AddIndexedAsync("Tổng duyệt Lễ hội Chợ tình Khâu Vai", "Tối 19/4, tổng duyệt chương trình nghệ thuật.");

        var results = await _db.Search.SearchAsync(query, 1);

        var hit = Assert.Single(results.Hits);
        Assert.Equal(seed, hit.Id);
        Assert.Equal(1, results.Total);
    }

    [Fact]
    public async Task Hit_HighlightsTheWordsInTheTextAsWritten()
    {
        await _db.AddIndexedAsync(SeedStory.Headline, SeedStory.Lead["CTTĐT – ".Length..], SeedBody);

        var hit = Assert.Single((await _db.Search.SearchAsync("dong chi thao hong son", 1)).Hits);

        Assert.Contains("<mark>đồng chí Thào Hồng Sơn</mark>", hit.ExcerptHtml, StringComparison.Ordinal);
        Assert.Equal(SeedStory.Headline, hit.TitleHtml); // no searched word in the title: nothing marked

        var titleHit = Assert.Single((await _db.Search.SearchAsync("hoi nghi truc tuyen", 1)).Hits);
        Assert.StartsWith("<mark>Hội nghị trực tuyến</mark> sơ kết", titleHit.TitleHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWordOnlyInTheBody_ShowsAnExcerptOfTheBody()
    {
        await _db.AddIndexedAsync("Tin văn hóa", "Một tin ngắn về lễ hội.", "<p>Đầu bài.</p><p>Đồng bào dân tộc Mông ở Khâu Vai đón khách.</p>");

        var hit = Assert.Single((await _db.Search.SearchAsync("mong", 1)).Hits);

        Assert.Contains("<mark>Mông</mark> ở Khâu Vai", hit.ExcerptHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryWord_MustOccur()
    {
        await _db.AddIndexedAsync("Hội nghị tỉnh ủy");
        await _db.AddIndexedAsync("Hội chợ xuân");

        var results = await _db.Search.SearchAsync("hoi nghi", 1);

        Assert.Equal("Hội nghị tỉnh ủy", Assert.Single(results.Hits).Title);
    }

    [Fact]
    public async Task Ranking_ATitleMatchComesBeforeALeadMatch_BeforeABodyMatch_WhateverTheDates()
    {
        var body = await _db.AddIndexedAsync("Tin một", body: "<p>Nói về nông thôn mới trong thân bài.</p>", publishedAt: PortalDatabase.SeedTime.AddDays(2));
        var lead = await _db.AddIndexedAsync("Tin hai", lead: "Sapo nói về nông thôn mới.", publishedAt: PortalDatabase.SeedTime.AddDays(1));
        var title = await _db.AddIndexedAsync("Nông thôn mới ở Quản Bạ", publishedAt: PortalDatabase.SeedTime);

        var results = await _db.Search.SearchAsync("nong thon moi", 1);

        Assert.Equal([title, lead, body], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Paging_GivesEveryHitOnce_TenAPage()
    {
        var ids = new List<int>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await _db.AddIndexedAsync($"Hội nghị số {i}", publishedAt: PortalDatabase.SeedTime.AddMinutes(i)));
        }

        await _db.AddIndexedAsync("Tin khác hẳn");

        var pages = new List<SearchResults>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await _db.Search.SearchAsync("hoi nghi", page));
        }

        Assert.All(pages, p => Assert.Equal(23, p.Total));
        Assert.Equal([10, 10, 3], pages.Select(p => p.Hits.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasNext));
        Assert.Equal(ids.Order(), pages.SelectMany(p => p.Hits).Select(h => h.Id).Order());
        Assert.Empty((await _db.Search.SearchAsync("hoi nghi", 4)).Hits);
    }

    [Fact]
    public async Task ACommonWord_RanksOnlyTheNewestMatches_AndSaysThereAreMore_WhileARareWordFindsTheOldestStory()
    {
        var oldest = _db.Add("Tin tỉnh đầu tiên về Lũng Cú", publishedAt: PortalDatabase.SeedTime.AddYears(-5));
        for (var i = 0; i < PortalSearch.RankWindow + 5; i++)
        {
            _db.Add($"Tin tỉnh số {i}", publishedAt: PortalDatabase.SeedTime.AddMinutes(i));
        }

        await _db.Index.ReconcileAsync();

        var common = await _db.Search.SearchAsync("tinh", 1);
        var last = await _db.Search.SearchAsync("tinh", PortalSearch.MaxPage);
        var beyond = await _db.Search.SearchAsync("tinh", PortalSearch.MaxPage + 1);
        var rare = await _db.Search.SearchAsync("lung cu", 1);

        Assert.Equal(PortalSearch.RankWindow, common.Total);
        Assert.True(common.MoreThanTotal);
        Assert.Equal(PortalSearch.PageSize, last.Hits.Count);
        Assert.False(last.HasNext);
        Assert.Equal(PortalSearch.MaxPage, beyond.Page); // clamped, not an error
        Assert.DoesNotContain(common.Hits.Concat(last.Hits), h => h.Id == oldest);
        Assert.Equal(oldest, Assert.Single(rare.Hits).Id);
        Assert.False(rare.MoreThanTotal);
    }

    [Fact]
    public async Task OnlyPublishedStories_AreIndexed()
    {
        foreach (var state in Enum.GetValues<ArticleState>().Where(s => s != ArticleState.Published))
        {
            var id = _db.Add($"Hội nghị ở trạng thái {state}", state: state);
            await _db.Index.RefreshAsync(id);
        }

        Assert.Empty(_db.IndexedIds());
        Assert.Equal(0, (await _db.Search.SearchAsync("hoi nghi", 1)).Total);
    }

    [Theory]
    [InlineData(ArticleState.Unpublished)]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Approved)]
    public async Task AStoryLeavingPublished_IsDroppedByTheTrigger_EvenWithoutARefresh(ArticleState state)
    {
        var id = await _db.AddIndexedAsync("Hội nghị sẽ bị gỡ");
        Assert.Equal([id], _db.IndexedIds());

        _db.SetState(id, state);

        Assert.Empty(_db.IndexedIds());
        Assert.Empty((await _db.Search.SearchAsync("hoi nghi", 1)).Hits);
    }

    [Fact]
    public async Task ADeletedStory_IsDroppedByTheTrigger()
    {
        var id = await _db.AddIndexedAsync("Hội nghị sẽ bị xóa");

        await using (var db = _db.CreateDbContext())
        {
            await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync();
        }

        Assert.Empty(_db.IndexedIds());
    }

    [Fact]
    public async Task Refresh_AfterAnEdit_FindsTheNewWordsAndNotTheOld()
    {
        var id = await _db.AddIndexedAsync("Hội nghị cũ", body: "<p>Từ cũ: thủy điện.</p>");

        _db.Edit(id, "Hội nghị mới", "<p>Từ mới: điện gió.</p>");
        await _db.Index.RefreshAsync(id);

        Assert.Empty((await _db.Search.SearchAsync("thuy dien", 1)).Hits);
        Assert.Equal(id, Assert.Single((await _db.Search.SearchAsync("dien gio", 1)).Hits).Id);
        Assert.Equal([id], _db.IndexedIds());
    }

    [Fact]
    public async Task Reconcile_IndexesMissingAndStaleStories_AndDropsOthers()
    {
        var missing = _db.Add("Hội nghị chưa lập chỉ mục");
        var stale = await _db.AddIndexedAsync("Hội nghị cũ");
        _db.Edit(stale, "Hội nghị đã sửa", "<p>Nội dung mới.</p>");
        var current = await _db.AddIndexedAsync("Hội nghị đúng");
        _db.Add("Bản nháp", state: ArticleState.Draft);

        var count = await _db.Index.ReconcileAsync();

        Assert.Equal(2, count);
        Assert.Equal(new[] { missing, stale, current }.Order(), _db.IndexedIds());
        Assert.Equal(stale, Assert.Single((await _db.Search.SearchAsync("da sua", 1)).Hits).Id);
        Assert.Equal(0, await _db.Index.ReconcileAsync());
    }

    [Fact]
    public async Task AStoryUnpublishedButStillInTheIndex_IsNotShown()
    {
        // Belt and braces: the query joins on the state too.
        var id = await _db.AddIndexedAsync("Hội nghị gỡ xuống");
        await using (var db = _db.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? """DROP TRIGGER "StorySearch_LeavesPublished" ON "Articles" """
                : """DROP TRIGGER "StorySearch_LeavesPublished" """);
        }

        _db.SetState(id, ArticleState.Unpublished);

        Assert.Equal([id], _db.IndexedIds());
        Assert.Empty((await _db.Search.SearchAsync("hoi nghi", 1)).Hits);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("hội AND OR NOT")]
    [InlineData("*")]
    public async Task OddInput_NeverBreaksTheQuery(string query)
    {
        await _db.AddIndexedAsync("Hội nghị");

        var results = await _db.Search.SearchAsync(query, 1);

        Assert.True(results.Total >= 0);
    }
}
