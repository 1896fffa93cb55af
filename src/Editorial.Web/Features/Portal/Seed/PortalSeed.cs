using System.Globalization;
using System.Net;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Html;
using Editorial.Core.Text;
using Editorial.Core.Time;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Portal.Seed;

/// <summary>
/// First run of a demo: when demo accounts are on and no story exists yet, the portal gets the seed story
/// and its five "Tin khác" neighbours, published in "Hoạt động của tỉnh" and written by the demo reporter,
/// so a newcomer sees a real page at once. Does nothing on any later start.
/// </summary>
public sealed class PortalSeed(
    IDbContextFactory<EditorialDbContext> contextFactory,
    EditorialSettings settings,
    MediaStore media,
    PortalTime time,
    ILogger<PortalSeed> logger)
{
    /// <summary>Returns how many stories were added (0 when seeding did not apply).</summary>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (!settings.Options.Bootstrap.DemoAccounts)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var reporterName = AccountBootstrapper.DemoAccounts.First(a => a.Role == Editorial.Core.Accounts.Roles.Reporter).UserName;
        var reporterId = await db.Users.Where(u => u.UserName == reporterName).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var categoryId = await db.Categories.Where(c => c.Slug == SeedStories.CategorySlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (reporterId is null || categoryId is null)
        {
            logger.LogWarning("Demo stories not added: no account {UserName} or no category {Category}", reporterName, SeedStories.CategorySlug);
            return 0;
        }

        var picture = await media.SaveAsync(new MemoryStream(SeedPicture.ConferenceJpeg()), "toan-canh-hoi-nghi.jpg", "image/jpeg", reporterId, cancellationToken);
        if (picture.Asset is null)
        {
            throw new InvalidOperationException($"The demo story's picture was refused: {picture.Error}");
        }

        var stories = new List<Article>
        {
            Story(SeedStories.Title, SeedStories.Lead, SeedStories.BodyParagraphs, SeedStories.Byline, SeedStories.VietnamTime, categoryId.Value, reporterId,
                ArticleKind.MeetingReport, picture.Asset.Id, SeedStories.Caption),
        };
        for (var i = 0; i < SeedStories.Neighbours.Length; i++)
        {
            var (title, when) = SeedStories.Neighbours[i];
            var (lead, byline, body) = SeedStories.NeighbourTexts[i];
            stories.Add(Story(title, lead, body, byline, when, categoryId.Value, reporterId, ArticleKind.Plain, null, ""));
        }

        // Oldest first, so ids follow publication order as they would have.
        db.Articles.AddRange(stories.OrderBy(s => s.PublishedAtUtc));
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Demo stories added: {Count} published in {Category}", stories.Count, SeedStories.CategorySlug);
        return stories.Count;
    }

    private Article Story(
        string title, string lead, IEnumerable<string> paragraphs, string byline, string vietnamTime, int categoryId, string authorId,
        ArticleKind kind, Guid? imageId, string caption)
    {
        var published = time.FromLocal(DateTime.ParseExact(vietnamTime, PortalTime.DateTimeFormat, CultureInfo.InvariantCulture));
        title = VietnameseText.Normalize(title);
        var body = string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(VietnameseText.Normalize(p)) + "</p>"));
        return new Article
        {
            Title = title,
            TitleFolded = VietnameseText.Fold(title),
            Slug = VietnameseText.Slugify(title, ArticleLimits.SlugMaxLength),
            Kind = kind,
            State = ArticleState.Published,
            CategoryId = categoryId,
            Lead = VietnameseText.Normalize(lead),
            BodyHtml = StoryHtmlSanitizer.Sanitize(body),
            FeaturedImageId = imageId,
            FeaturedImageCaption = caption,
            Byline = byline,
            CreatedById = authorId,
            CreatedAtUtc = published.AddHours(-2),
            UpdatedById = authorId,
            UpdatedAtUtc = published,
            Version = 1,
            PublishedAtUtc = published,
        };
    }
}
