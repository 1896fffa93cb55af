using Editorial.Core.Articles;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Media;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Review;

/// <summary>A story as the editor reviews it: what readers will see, plus who wrote it and where it stands.</summary>
public sealed record ReviewStoryView(
    int Id,
    string Title,
    ArticleState State,
    string? Category,
    string Lead,
    string SafeBodyHtml,
    string Byline,
    string? FeaturedImageUrl,
    string FeaturedImageCaption,
    string CreatorName,
    DateTimeOffset? SubmittedAtUtc,
    DateTimeOffset UpdatedAtUtc);

/// <summary>Loads one story for the read-only review page (editors and administrators only; the page's policy says so).</summary>
public sealed class ReviewStoryService(IDbContextFactory<EditorialDbContext> contextFactory, StoryBodySanitizer sanitizer, MediaStore media)
{
    public async Task<ReviewStoryView?> LoadAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.State,
                Category = a.Category != null ? a.Category.Name : null,
                a.Lead,
                a.BodyHtml,
                a.Byline,
                a.FeaturedImageId,
                a.FeaturedImageCaption,
                CreatorName = db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName != "" ? u.FullName : u.UserName).FirstOrDefault() ?? "",
                a.SubmittedAtUtc,
                a.UpdatedAtUtc,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return null;
        }

        var imageUrl = story.FeaturedImageId is { } imageId ? await media.WebUrlAsync(imageId, cancellationToken) : null;

        // Stored bodies were sanitised on save; sanitise again on display so an old or hand-edited row cannot script the editor's session.
        return new ReviewStoryView(
            story.Id, story.Title, story.State, story.Category, story.Lead, sanitizer.Sanitize(story.BodyHtml), story.Byline,
            imageUrl, story.FeaturedImageCaption, story.CreatorName, story.SubmittedAtUtc, story.UpdatedAtUtc);
    }
}
