using Microsoft.AspNetCore.Identity;

namespace Editorial.Web.Infrastructure.Data;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name as people in the newsroom know it ("Trần Khánh").</summary>
    [PersonalData]
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }

    /// <summary>Switched off by an administrator: cannot sign in, but bylines and the audit trail keep the account.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Must choose a new password at the next sign-in (set for accounts created with a shown password).</summary>
    public bool MustChangePassword { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FullName) ? UserName ?? "" : FullName;
}
