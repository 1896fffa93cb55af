using Editorial.Core.Accounts;
using Editorial.Core.Articles;

namespace Editorial.Tests.Articles.Rules;

public sealed class ArticlePermissionsTests
{
    private const string Khanh = "reporter-khanh";
    private const string Nga = "reporter-nga";
    private const string Lan = "editor-lan";
    private const string Minh = "admin-minh";

    public enum Access
    {
        None,
        ReadOnly,
        Edit,
    }

    public static TheoryData<string, ArticleState, Access> ReporterAccess => new()
    {
        { "own", ArticleState.Draft, Access.Edit },
        { "own", ArticleState.ChangesRequested, Access.Edit },
        { "own", ArticleState.InReview, Access.ReadOnly },
        { "own", ArticleState.Approved, Access.ReadOnly },
        { "own", ArticleState.Scheduled, Access.ReadOnly },
        { "own", ArticleState.Published, Access.ReadOnly },
        { "own", ArticleState.Unpublished, Access.ReadOnly },
        { "other's", ArticleState.Draft, Access.None },
        { "other's", ArticleState.ChangesRequested, Access.None },
        { "other's", ArticleState.InReview, Access.None },
        { "other's", ArticleState.Approved, Access.None },
        { "other's", ArticleState.Scheduled, Access.None },
        { "other's", ArticleState.Published, Access.ReadOnly },
        { "other's", ArticleState.Unpublished, Access.None },
    };

    [Theory]
    [MemberData(nameof(ReporterAccess))]
    public void Reporter_EditsOwnUnsubmittedStories_ReadsOwnAndOthersPublishedOnly(string whose, ArticleState state, Access expected)
    {
        var author = whose == "own" ? Khanh : Nga;

        Assert.Equal(expected, AccessOf(Khanh, [Roles.Reporter], author, state));
    }

    public static TheoryData<string, ArticleState> ReviewerOnAnyStory()
    {
        var data = new TheoryData<string, ArticleState>();
        foreach (var role in new[] { Roles.Editor, Roles.Administrator })
        {
            foreach (var state in Enum.GetValues<ArticleState>())
            {
                data.Add(role, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReviewerOnAnyStory))]
    public void EditorsAndAdministrators_EditEveryStoryInEveryState(string role, ArticleState state)
    {
        var self = role == Roles.Editor ? Lan : Minh;

        Assert.Equal(Access.Edit, AccessOf(self, [role], Khanh, state));
        Assert.Equal(Access.Edit, AccessOf(self, [role], self, state));
        Assert.True(ArticlePermissions.CanEditAny([role]));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Published)]
    public void NoRole_GivesNothing_NotEvenOnOwnStory(ArticleState state)
    {
        Assert.Equal(Access.None, AccessOf(Khanh, [], Khanh, state));
        Assert.Equal(Access.None, AccessOf(Khanh, [], Nga, state));
        Assert.False(ArticlePermissions.CanEditAny([]));
    }

    [Fact]
    public void UnknownRole_GivesNothing()
    {
        Assert.Equal(Access.None, AccessOf(Khanh, ["Reader"], Khanh, ArticleState.Draft));
        Assert.Equal(Access.None, AccessOf(Khanh, ["Reader"], Nga, ArticleState.Published));
    }

    [Fact]
    public void Reporter_CannotEditAny()
    {
        Assert.False(ArticlePermissions.CanEditAny([Roles.Reporter]));
    }

    [Fact]
    public void RoleNames_AreMatchedExactly()
    {
        Assert.False(ArticlePermissions.CanEditAny(["editor"]));
        Assert.Equal(Access.None, AccessOf(Khanh, ["reporter"], Khanh, ArticleState.Draft));
    }

    [Fact]
    public void UserIds_AreMatchedExactly()
    {
        Assert.Equal(Access.None, AccessOf("REPORTER-KHANH", [Roles.Reporter], Khanh, ArticleState.Draft));
    }

    [Fact]
    public void ReporterWhoIsAlsoEditor_EditsEverything()
    {
        Assert.Equal(Access.Edit, AccessOf(Khanh, [Roles.Reporter, Roles.Editor], Nga, ArticleState.InReview));
    }

    private static Access AccessOf(string userId, string[] roles, string authorId, ArticleState state)
    {
        var canEdit = ArticlePermissions.CanEdit(userId, roles, authorId, state);
        var canView = ArticlePermissions.CanView(userId, roles, authorId, state);
        Assert.False(canEdit && !canView, "Whoever may edit a story may also open it.");
        return canEdit ? Access.Edit : canView ? Access.ReadOnly : Access.None;
    }
}
