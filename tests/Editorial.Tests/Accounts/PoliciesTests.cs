using Editorial.Core.Accounts;

namespace Editorial.Tests.Accounts;

public sealed class PoliciesTests
{
    /// <summary>The whole access table, written out by hand so it cannot drift with the code it checks.</summary>
    public static TheoryData<string, string, bool> AccessTable => new()
    {
        { Policies.Write, Roles.Reporter, true },
        { Policies.Write, Roles.Editor, true },
        { Policies.Write, Roles.Administrator, true },
        { Policies.Review, Roles.Reporter, false },
        { Policies.Review, Roles.Editor, true },
        { Policies.Review, Roles.Administrator, true },
        { Policies.Administer, Roles.Reporter, false },
        { Policies.Administer, Roles.Editor, false },
        { Policies.Administer, Roles.Administrator, true },
    };

    [Theory]
    [MemberData(nameof(AccessTable))]
    public void EachRole_IsGrantedExactlyItsPolicies(string policy, string role, bool granted)
    {
        Assert.Equal(granted, Policies.IsGranted(policy, [role]));
        Assert.Equal(granted, Policies.RolesFor(policy).Contains(role));
    }

    [Fact]
    public void AccessTable_CoversEveryPolicyAndEveryRole()
    {
        var covered = AccessTable.Select(row => ((string)row[0], (string)row[1])).ToHashSet();

        foreach (var policy in Policies.All)
        {
            foreach (var role in Roles.All)
            {
                Assert.Contains((policy, role), covered);
            }
        }

        Assert.Equal(Policies.All.Count * Roles.All.Count, covered.Count);
    }

    [Fact]
    public void ThereAreExactlyThreePolicies()
    {
        Assert.Equal(
            new[] { Policies.Administer, Policies.Review, Policies.Write }.Order(StringComparer.Ordinal),
            Policies.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_IsGrantedToReporterEditorAndAdministrator()
    {
        Assert.Equal(
            new[] { Roles.Administrator, Roles.Editor, Roles.Reporter },
            Policies.RolesFor(Policies.Write).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Review_IsGrantedToEditorAndAdministratorOnly()
    {
        Assert.Equal(
            new[] { Roles.Administrator, Roles.Editor },
            Policies.RolesFor(Policies.Review).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Administer_IsGrantedToAdministratorOnly()
    {
        Assert.Equal([Roles.Administrator], Policies.RolesFor(Policies.Administer));
    }

    [Theory]
    [InlineData(Policies.Write)]
    [InlineData(Policies.Review)]
    [InlineData(Policies.Administer)]
    public void NoRoles_GrantsNothing(string policy)
    {
        Assert.False(Policies.IsGranted(policy, []));
    }

    [Theory]
    [InlineData(Policies.Write)]
    [InlineData(Policies.Review)]
    [InlineData(Policies.Administer)]
    public void RolesThatAreNotNewsroomRoles_GrantNothing(string policy)
    {
        Assert.False(Policies.IsGranted(policy, ["Guest", "Reader", ""]));
    }

    [Fact]
    public void AnyOneGrantingRole_IsEnough()
    {
        Assert.True(Policies.IsGranted(Policies.Review, [Roles.Reporter, Roles.Editor]));
        Assert.True(Policies.IsGranted(Policies.Administer, ["Guest", Roles.Administrator]));
        Assert.False(Policies.IsGranted(Policies.Administer, [Roles.Reporter, Roles.Editor]));
    }

    [Fact]
    public void UnknownPolicy_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Policies.RolesFor("Editorial.Publish"));
        Assert.Equal("policy", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Policies.IsGranted("Editorial.Publish", [Roles.Administrator]));
    }
}
