using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Review;

namespace Editorial.Tests.Review;

/// <summary>The editors' queue over a real SQLite file: what is in it, in which order, and its filters.</summary>
public sealed class ReviewQueueServiceTests : IDisposable
{
    private readonly ReviewDatabase db = new();

    [Fact]
    public async Task Lists_stories_in_review_oldest_submission_first()
    {
        // Written in one order, submitted in another: the queue follows the submission.
        var first = await db.WriteAsync(Person.Khanh, "Hội nghị tổng kết công tác dân vận");
        var second = await db.WriteAsync(Person.Nga, "Huyện Đồng Văn ra quân xây dựng nông thôn mới");
        var third = await db.WriteAsync(Person.Khanh, "Hà Giang thu hút đầu tư");
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.ActAsync(Person.Khanh, third, WorkflowAction.Submit);
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.ActAsync(Person.Khanh, first, WorkflowAction.Submit);
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.ActAsync(Person.Nga, second, WorkflowAction.Submit);

        var page = await db.Queue.ListAsync(new ReviewQueueFilter(), 0, 20);

        Assert.Equal([third, first, second], page.Rows.Select(r => r.Id));
        Assert.Equal(3, page.Total);
        Assert.Equal(
            new ReviewQueueRow(third, "Hà Giang thu hút đầu tư", "Trần Khánh", "Hoạt động của tỉnh", StoryDatabase.Start.AddMinutes(5)),
            page.Rows[0]);
        Assert.Equal(StoryDatabase.Start.AddMinutes(15), page.Rows[2].SubmittedAtUtc);
    }

    [Fact]
    public async Task A_resubmitted_story_goes_to_the_back_of_the_queue()
    {
        var returned = await db.SubmitNewAsync(Person.Khanh, "Hội nghị tổng kết công tác dân vận");
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        var waiting = await db.SubmitNewAsync(Person.Nga, "Huyện Đồng Văn ra quân xây dựng nông thôn mới");
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.ActAsync(Person.Lan, returned, WorkflowAction.RequestChanges, "Bổ sung số liệu.");
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.ActAsync(Person.Khanh, returned, WorkflowAction.Submit);

        var page = await db.Queue.ListAsync(new ReviewQueueFilter(), 0, 20);

        Assert.Equal([waiting, returned], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Holds_only_stories_in_review()
    {
        var inReview = await db.SubmitNewAsync(Person.Khanh, "Chờ duyệt");
        await db.WriteAsync(Person.Khanh, "Bản nháp");
        var returned = await db.SubmitNewAsync(Person.Nga, "Trả lại");
        await db.ActAsync(Person.Lan, returned, WorkflowAction.RequestChanges, "Thiếu ảnh.");
        var approved = await db.SubmitNewAsync(Person.Nga, "Đã duyệt");
        await db.ActAsync(Person.Lan, approved, WorkflowAction.Approve);
        var withdrawn = await db.SubmitNewAsync(Person.Khanh, "Rút lại");
        await db.ActAsync(Person.Khanh, withdrawn, WorkflowAction.Withdraw);

        var page = await db.Queue.ListAsync(new ReviewQueueFilter(), 0, 20);

        Assert.Equal([inReview], page.Rows.Select(r => r.Id));
        Assert.Equal(1, page.Total);
        Assert.Equal(1, await db.Queue.CountAsync());
    }

    [Fact]
    public async Task Filters_by_category_and_by_author()
    {
        var khanhProvince = await db.SubmitNewAsync(Person.Khanh, "Khánh, tỉnh", db.Stories.ProvinceNews);
        var khanhEconomy = await db.SubmitNewAsync(Person.Khanh, "Khánh, kinh tế", db.Stories.EconomyNews);
        var ngaEconomy = await db.SubmitNewAsync(Person.Nga, "Ngà, kinh tế", db.Stories.EconomyNews);

        Assert.Equal([khanhEconomy, ngaEconomy], await Ids(new ReviewQueueFilter(CategoryId: db.Stories.EconomyNews)));
        Assert.Equal([khanhProvince, khanhEconomy], await Ids(new ReviewQueueFilter(AuthorId: Person.Khanh.Id)));
        Assert.Equal([khanhEconomy], await Ids(new ReviewQueueFilter(db.Stories.EconomyNews, Person.Khanh.Id)));
        Assert.Empty(await Ids(new ReviewQueueFilter(db.Stories.ProvinceNews, Person.Nga.Id)));
        Assert.Equal(1, (await db.Queue.ListAsync(new ReviewQueueFilter(db.Stories.ProvinceNews), 0, 20)).Total);
    }

    [Fact]
    public async Task Offers_as_authors_only_those_with_stories_waiting()
    {
        await db.SubmitNewAsync(Person.Nga, "Ngà");
        await db.SubmitNewAsync(Person.Khanh, "Khánh 1");
        await db.SubmitNewAsync(Person.Khanh, "Khánh 2");
        await db.WriteAsync(Person.Lan, "Lan, bản nháp");

        var authors = await db.Queue.AuthorsAsync();

        // Vietnamese order: "Thu Ngà" before "Trần Khánh".
        Assert.Equal([new ReviewQueueAuthor(Person.Nga.Id, "Thu Ngà"), new ReviewQueueAuthor(Person.Khanh.Id, "Trần Khánh")], authors);
    }

    [Fact]
    public async Task Pages_through_the_queue()
    {
        var ids = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await db.SubmitNewAsync(Person.Khanh, $"Bài số {i}"));
            db.Stories.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var second = await db.Queue.ListAsync(new ReviewQueueFilter(), 1, 2);
        var last = await db.Queue.ListAsync(new ReviewQueueFilter(), 2, 2);

        Assert.Equal(ids[2..4], second.Rows.Select(r => r.Id));
        Assert.Equal([ids[4]], last.Rows.Select(r => r.Id));
        Assert.Equal(5, second.Total);
        Assert.Equal(5, await db.Queue.CountAsync());
    }

    [Fact]
    public async Task A_story_put_in_review_without_a_submission_time_waits_from_its_last_change()
    {
        var legacy = await db.WriteAsync(Person.Khanh, "Bài cũ");
        db.Stories.Clock.Advance(TimeSpan.FromMinutes(10));
        var submitted = await db.SubmitNewAsync(Person.Nga, "Bài mới gửi");
        db.Stories.SetState(legacy, ArticleState.InReview);

        var page = await db.Queue.ListAsync(new ReviewQueueFilter(), 0, 20);

        Assert.Equal([legacy, submitted], page.Rows.Select(r => r.Id));
        Assert.Equal(StoryDatabase.Start, page.Rows[0].SubmittedAtUtc);
    }

    [Fact]
    public async Task The_review_page_gets_the_story_as_readers_will_see_it_with_a_clean_body()
    {
        var id = await db.SubmitNewAsync(Person.Khanh, "Hội nghị tổng kết");
        using (var context = db.Stories.CreateDbContext())
        {
            // A row written before the sanitiser existed, or by hand.
            var article = context.Articles.Single(a => a.Id == id);
            article.BodyHtml = "<p onclick=\"alert(1)\">Kết quả</p><script>alert(2)</script>";
            context.SaveChanges();
        }

        var story = await db.Review.LoadAsync(id);

        Assert.NotNull(story);
        Assert.Equal("Hội nghị tổng kết", story.Title);
        Assert.Equal("Hoạt động của tỉnh", story.Category);
        Assert.Equal("Trần Khánh", story.CreatorName);
        Assert.Equal(ArticleState.InReview, story.State);
        Assert.Equal("<p>Kết quả</p>", story.SafeBodyHtml);
        Assert.Null(story.FeaturedImageUrl);
        Assert.Null(await db.Review.LoadAsync(id + 100));
    }

    public void Dispose() => db.Dispose();

    private async Task<IEnumerable<int>> Ids(ReviewQueueFilter filter) =>
        (await db.Queue.ListAsync(filter, 0, 20)).Rows.Select(r => r.Id);
}
