using Editorial.Core.Accounts;

namespace Editorial.Core.Articles;

/// <summary>
/// Who may open and edit a story. "Edit own" is implied by "edit any": reporters edit their own
/// stories, editors and administrators edit every story; published stories are read-only to reporters.
/// </summary>
public static class ArticlePermissions
{
    public static bool CanEditAny(IEnumerable<string> roles) => Policies.IsGranted(Policies.Review, roles);

    public static bool CanEdit(string userId, IReadOnlyCollection<string> roles, string authorId, ArticleState state)
    {
        if (CanEditAny(roles))
        {
            return true;
        }

        return Policies.IsGranted(Policies.Write, roles)
            && string.Equals(userId, authorId, StringComparison.Ordinal)
            && state is ArticleState.Draft or ArticleState.ChangesRequested;
    }

    public static bool CanView(string userId, IReadOnlyCollection<string> roles, string authorId, ArticleState state) =>
        CanEdit(userId, roles, authorId, state)
        || (Policies.IsGranted(Policies.Write, roles) && (string.Equals(userId, authorId, StringComparison.Ordinal) || state == ArticleState.Published));
}
