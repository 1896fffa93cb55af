using Microsoft.AspNetCore.Identity;

namespace Editorial.Web.Infrastructure.Data;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name as people in the newsroom know it ("Trần Khánh").</summary>
    [PersonalData]
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FullName) ? UserName ?? "" : FullName;
}
