using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Workstation;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Editorial.Tests.Workstation;

/// <summary>The dashboard over a real <see cref="DashboardService"/> and an in-memory SQLite database.</summary>
public sealed class DashboardTests : WorkstationComponentTest
{
    // 13:00 on 20/04/2017 in Hà Giang; the Vietnamese day began at 2017-04-19T17:00Z.
    private static readonly DateTimeOffset Now = new(2017, 4, 20, 6, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public DashboardTests()
    {
        _connection.Open();
        using (var db = new EditorialDbContext(new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite(_connection).Options))
        {
            db.Database.EnsureCreated();
            Seed(db);
        }

        Services.AddDbContextFactory<EditorialDbContext>(options => options.UseSqlite(_connection));
        Services.AddSingleton(new PortalTime(new FakeTimeProvider(Now), FindVietnam()));
        Services.AddScoped<DashboardService>();
    }

    [Fact]
    public void Reporter_SeesTheirOwnCountsPerState()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Reporter, Roles.Reporter);

        var page = Render<Dashboard>();
        var mine = page.WaitForElement("[data-testid=dashboard-reporter]");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Bản nháp"] = "2",
                ["Chờ duyệt"] = "1",
                ["Trả lại (yêu cầu sửa)"] = "1",
                ["Đã duyệt"] = "0",
                ["Hẹn giờ xuất bản"] = "1",
                ["Đã xuất bản"] = "3",
            },
            Cards(mine));
    }

    [Fact]
    public void Reporter_SeesNoEditorOrAdministratorSection()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Reporter, Roles.Reporter);

        var page = Render<Dashboard>();
        page.WaitForElement("[data-testid=dashboard-reporter]");

        Assert.Empty(page.FindAll("[data-testid=dashboard-editor]"));
        Assert.Empty(page.FindAll("[data-testid=dashboard-admin]"));
        Assert.DoesNotContain("Bài chờ duyệt", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporter_IsGreetedByFullName_AndLinkedToTheirStories()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Reporter, Roles.Reporter);

        var page = Render<Dashboard>();
        page.WaitForElement("[data-testid=dashboard-reporter]");

        Assert.Contains("Xin chào, Trần Khánh.", page.Markup, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/editorial/my-stories");
    }

    [Fact]
    public void Editor_SeesEveryonesStoriesAwaitingReview()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Editor, Roles.Editor);

        var page = Render<Dashboard>();
        var newsroom = page.WaitForElement("[data-testid=dashboard-editor]");

        var cards = Cards(newsroom);
        Assert.Equal("3", cards["Bài chờ duyệt"]);
        Assert.Equal("2", cards["Bài hẹn giờ xuất bản"]);
        Assert.Empty(page.FindAll("[data-testid=dashboard-admin]"));
    }

    [Fact]
    public void Editor_SeesStoriesPublishedSinceMidnightVietnamTime()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Editor, Roles.Editor);

        var page = Render<Dashboard>();
        var newsroom = page.WaitForElement("[data-testid=dashboard-editor]");

        // 00:30 and 12:00 on 20/04 count; 23:59 on 19/04 (16:59Z) does not, though it is the same UTC date.
        Assert.Equal("2", Cards(newsroom)["Đã xuất bản hôm nay"]);
    }

    [Fact]
    public void Editor_StillSeesOwnCounts()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Editor, Roles.Editor);

        var page = Render<Dashboard>();
        var mine = page.WaitForElement("[data-testid=dashboard-reporter]");

        Assert.Equal("1", Cards(mine)["Bản nháp"]);
        Assert.Equal("0", Cards(mine)["Chờ duyệt"]);
    }

    [Fact]
    public void Administrator_SeesAccountsByRoleAndLockedAccounts()
    {
        using var _ = CultureScope.Vietnamese();
        SignInAs(Administrator, Roles.Administrator);

        var page = Render<Dashboard>();
        var accounts = page.WaitForElement("[data-testid=dashboard-admin]");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Phóng viên"] = "3",
                ["Biên tập viên"] = "1",
                ["Quản trị viên"] = "1",
                ["Đang bị tạm khóa"] = "1",
            },
            Cards(accounts));
        Assert.All(accounts.QuerySelectorAll("a"), a => Assert.Equal("/admin/users", a.GetAttribute("href")));
        Assert.NotNull(page.Find("[data-testid=dashboard-editor]"));
    }

    private const string Reporter = "user-reporter";
    private const string OtherReporter = "user-reporter-2";
    private const string LockedReporter = "user-reporter-locked";
    private const string Editor = "user-editor";
    private const string Administrator = "user-admin";

    private void SignInAs(string userId, string role)
    {
        var fullName = userId == Reporter ? "Trần Khánh" : userId;
        SignIn(userId, role);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(AccountClaims.FullName, fullName));
    }

    private static Dictionary<string, string> Cards(IElement section) =>
        section.QuerySelectorAll(".stat-card").ToDictionary(
            card => card.QuerySelector(".stat-label")!.TextContent.Trim(),
            card => card.QuerySelector("[data-testid=stat-value]")!.TextContent.Trim());

    private static void Seed(EditorialDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);

        AddUser(Reporter, Roles.Reporter);
        AddUser(OtherReporter, Roles.Reporter);
        AddUser(LockedReporter, Roles.Reporter, lockedUntil: Now.AddMinutes(10));
        AddUser(Editor, Roles.Editor, lockedUntil: Now.AddHours(-1)); // an expired lockout is not a lockout
        AddUser(Administrator, Roles.Administrator);

        // The reporter's own work.
        AddArticle(Reporter, ArticleState.Draft);
        AddArticle(Reporter, ArticleState.Draft);
        AddArticle(Reporter, ArticleState.InReview);
        AddArticle(Reporter, ArticleState.ChangesRequested);
        AddArticle(Reporter, ArticleState.Scheduled);
        AddArticle(Reporter, ArticleState.Published, published: Now.AddHours(-1)); // 12:00 today
        AddArticle(Reporter, ArticleState.Published, published: Now.AddDays(-3));
        AddArticle(Reporter, ArticleState.Published, published: Now.AddDays(-10));
        AddArticle(Reporter, ArticleState.Unpublished, published: Now.AddDays(-20));

        // Everyone else's.
        AddArticle(OtherReporter, ArticleState.InReview);
        AddArticle(OtherReporter, ArticleState.InReview);
        AddArticle(OtherReporter, ArticleState.Draft);
        AddArticle(OtherReporter, ArticleState.Scheduled);
        AddArticle(OtherReporter, ArticleState.Published, published: new DateTimeOffset(2017, 4, 19, 17, 30, 0, TimeSpan.Zero)); // 00:30 today
        AddArticle(OtherReporter, ArticleState.Published, published: new DateTimeOffset(2017, 4, 19, 16, 59, 0, TimeSpan.Zero)); // 23:59 yesterday
        AddArticle(Editor, ArticleState.Draft);
        AddArticle(Editor, ArticleState.Approved);

        db.SaveChanges();

        void AddUser(string id, string role, DateTimeOffset? lockedUntil = null)
        {
            db.Users.Add(new ApplicationUser
            {
                Id = id,
                UserName = id,
                NormalizedUserName = id.ToUpperInvariant(),
                FullName = id,
                LockoutEnabled = true,
                LockoutEnd = lockedUntil,
                CreatedAtUtc = Now.AddDays(-30),
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roles[role].Id });
        }

        void AddArticle(string author, ArticleState state, DateTimeOffset? published = null) =>
            db.Articles.Add(new Article
            {
                Title = $"{state} by {author}",
                Slug = $"story-{Guid.NewGuid():N}",
                State = state,
                CreatedById = author,
                CreatedAtUtc = Now.AddDays(-30),
                UpdatedAtUtc = Now.AddDays(-1),
                PublishedAtUtc = published,
            });
    }

    private static TimeZoneInfo FindVietnam()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var zone));
        return zone;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}
