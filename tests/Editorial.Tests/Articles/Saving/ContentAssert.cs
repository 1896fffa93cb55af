using Editorial.Core.Articles;

namespace Editorial.Tests.Articles.Saving;

/// <summary>Field-by-field equality of <see cref="ArticleContent"/> (its lists make record equality reference equality).</summary>
internal static class ContentAssert
{
    public static void Equal(ArticleContent expected, ArticleContent actual, bool compareSlug = true)
    {
        Assert.Equal(expected.Title, actual.Title);
        if (compareSlug)
        {
            Assert.Equal(expected.Slug, actual.Slug);
        }

        Assert.Equal(expected.CategoryId, actual.CategoryId);
        Assert.Equal(expected.Lead, actual.Lead);
        Assert.Equal(expected.BodyHtml, actual.BodyHtml);
        Assert.Equal(expected.FeaturedImageId, actual.FeaturedImageId);
        Assert.Equal(expected.FeaturedImageCaption, actual.FeaturedImageCaption);
        Assert.Equal(expected.Byline, actual.Byline);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.EventAtUtc, actual.EventAtUtc);
        Assert.Equal(expected.Kind, actual.Kind);
        if (expected.Meeting is null)
        {
            Assert.Null(actual.Meeting);
            return;
        }

        Assert.NotNull(actual.Meeting);
        Assert.Equal(expected.Meeting.Organizer, actual.Meeting.Organizer);
        Assert.Equal(expected.Meeting.Subject, actual.Meeting.Subject);
        Assert.Equal(expected.Meeting.Format, actual.Meeting.Format);
        Assert.Equal(expected.Meeting.Sites, actual.Meeting.Sites);
        Assert.Equal(expected.Meeting.SitesDescription, actual.Meeting.SitesDescription);
        Assert.Equal(expected.Meeting.Place, actual.Meeting.Place);
        Assert.Equal(expected.Meeting.Chairs, actual.Meeting.Chairs);
        Assert.Equal(expected.Meeting.Attendees, actual.Meeting.Attendees);
    }
}
