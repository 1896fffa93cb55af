using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Tests.Http;
using Editorial.Web.Features.Portal;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Portal;

/// <summary>Reaches into a running app's database the way the workflow would leave it, and reads its pages.</summary>
internal static class PortalHttp
{
    public const string ProvinceSlug = "hoat-dong-cua-tinh";
    public const string EconomySlug = "kinh-te";

    /// <summary>The seed story's address, from its title the way the app makes slugs.</summary>
    public static string SeedSlug => VietnameseText.Slugify(Editorial.Tests.Text.SeedStory.Headline, ArticleLimits.SlugMaxLength);

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<int> AddStoryAsync(
        this EditorialAppFactory app,
        string title,
        ArticleState state = ArticleState.Published,
        string categorySlug = EconomySlug,
        DateTimeOffset? publishedAtUtc = null,
        string bodyHtml = "<p>Nội dung bài.</p>",
        string lead = "Tin ngắn.",
        string authorUserName = "phongvien",
        bool sanitise = true)
    {
        _ = app.Server;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        var authorId = await db.Users.Where(u => u.UserName == authorUserName).Select(u => u.Id).SingleAsync();
        var categoryId = await db.Categories.Where(c => c.Slug == categorySlug).Select(c => c.Id).SingleAsync();
        var article = new Article
        {
            Title = title,
            TitleFolded = VietnameseText.Fold(title),
            Slug = SlugFor(title),
            State = state,
            CategoryId = categoryId,
            Lead = lead,
            BodyHtml = sanitise ? StoryHtmlSanitizer.Sanitize(bodyHtml) : bodyHtml,
            Byline = "Phóng viên",
            CreatedById = authorId,
            UpdatedById = authorId,
            CreatedAtUtc = DateTimeOffset.UtcNow,
            UpdatedAtUtc = DateTimeOffset.UtcNow,
            Version = 1,
            PublishedAtUtc = state is ArticleState.Published or ArticleState.Unpublished ? publishedAtUtc ?? DateTimeOffset.UtcNow : null,
            ScheduledForUtc = state == ArticleState.Scheduled ? DateTimeOffset.UtcNow.AddDays(1) : null,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    public static string SlugFor(string title) => VietnameseText.Slugify(title, ArticleLimits.SlugMaxLength);

    public static Task EvictAsync(this EditorialAppFactory app) => app.Services.GetRequiredService<PortalCache>().EvictAsync().AsTask();

    /// <summary>A second reporter, to check that one reporter cannot see another's drafts.</summary>
    public static async Task<string> AddReporterAsync(this EditorialAppFactory app, string userName, string password)
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, FullName = "Phóng viên Hai", EmailConfirmed = true, LockoutEnabled = true, CreatedAtUtc = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded);
        return user.Id;
    }
}
