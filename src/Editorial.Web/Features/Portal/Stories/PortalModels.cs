using Editorial.Core.Articles;

namespace Editorial.Web.Features.Portal.Stories;

/// <summary>A section of the portal as readers see it.</summary>
public sealed record PortalCategory(int Id, string Name, string Slug);

/// <summary>A story in a list: "title (dd/MM/yyyy HH:mm)", with its lead and thumbnail for the home page.</summary>
public sealed record StoryLink(int Id, string Title, string Slug, string Lead, DateTimeOffset PublishedAtUtc, string? ThumbnailUrl);

/// <summary>A category with its newest stories (home page).</summary>
public sealed record CategorySection(PortalCategory Category, IReadOnlyList<StoryLink> Stories, bool HasMore);

/// <summary>One page of a category's stories, newest first.</summary>
public sealed record CategoryPage(PortalCategory Category, IReadOnlyList<StoryLink> Stories, int Page, bool HasNext);

/// <summary>Everything the story page shows, the body already through the sanitiser.</summary>
public sealed record PortalStory(
    int Id,
    ArticleState State,
    string Title,
    string Slug,
    string Lead,
    string BodyHtml,
    string Byline,
    DateTimeOffset? PublishedAtUtc,
    DateTimeOffset UpdatedAtUtc,
    PortalCategory? Category,
    PortalImage? Image,
    string AuthorId);

/// <summary>The featured image: web-size copy and its caption.</summary>
public sealed record PortalImage(string Url, int Width, int Height, string Caption);
