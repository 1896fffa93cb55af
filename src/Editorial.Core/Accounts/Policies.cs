namespace Editorial.Core.Accounts;

/// <summary>
/// Authorization policy names, used by pages (<c>[Authorize(Policy = ...)]</c>), menus and services alike.
/// Each policy is granted to a set of roles; higher roles imply lower ones, so "write" is one rule for
/// reporters, editors and administrators rather than three code paths.
/// </summary>
public static class Policies
{
    /// <summary>Use the workstation and write stories.</summary>
    public const string Write = "Editorial.Write";

    /// <summary>Review, approve and schedule other people's stories.</summary>
    public const string Review = "Editorial.Review";

    /// <summary>Manage accounts, roles, categories and see the audit trail.</summary>
    public const string Administer = "Editorial.Administer";

    private static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Write] = [Roles.Reporter, Roles.Editor, Roles.Administrator],
        [Review] = [Roles.Editor, Roles.Administrator],
        [Administer] = [Roles.Administrator],
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)RolesByPolicy.Keys;

    /// <summary>The roles any one of which grants <paramref name="policy"/>.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) =>
        RolesByPolicy.TryGetValue(policy, out var roles)
            ? roles
            : throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy.");

    /// <summary>Whether a person holding <paramref name="roles"/> is granted <paramref name="policy"/>.</summary>
    public static bool IsGranted(string policy, IEnumerable<string> roles) =>
        roles.Any(role => RolesFor(policy).Contains(role, StringComparer.Ordinal));
}
