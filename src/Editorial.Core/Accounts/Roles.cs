namespace Editorial.Core.Accounts;

/// <summary>The three newsroom roles. Names are stored in the database; never rename them.</summary>
public static class Roles
{
    public const string Reporter = "Reporter";
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Reporter, Editor, Administrator];

    /// <summary>The newsroom roles a signed-in person holds.</summary>
    public static IReadOnlyList<string> Of(System.Security.Claims.ClaimsPrincipal user) => All.Where(user.IsInRole).ToList();
}
