using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Text;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

public sealed record UserRow(
    string Id, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil,
    bool IsDisabled = false, bool MustChangePassword = false)
{
    /// <summary>Locked by an administrator until unlocked, rather than for a while after wrong passwords.</summary>
    public bool LockedIndefinitely => LockedUntil is { } until && AccountAdministration.IsIndefinite(until);

    public bool IsAdministrator => Roles.Contains(Editorial.Core.Accounts.Roles.Administrator);
}

/// <summary>Accounts as administrators see them. Checks the caller again: the page is not the only guard.</summary>
public sealed class UserDirectory(IDbContextFactory<EditorialDbContext> contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(ClaimsPrincipal caller, string? search, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(caller)))
        {
            throw new UnauthorizedAccessException("Only administrators can list accounts.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.Email,
                u.LockoutEnd,
                u.IsDisabled,
                u.MustChangePassword,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);

        // A newsroom has tens or hundreds of accounts: filtered here, ignoring diacritics and case as every search
        // in the workstation does ("nguyen van" finds "Nguyễn Văn").
        var term = string.IsNullOrWhiteSpace(search) ? null : VietnameseText.Fold(search.Trim());
        var now = clock.GetUtcNow();
        return rows
            .Where(u => term is null || new[] { u.UserName, u.FullName, u.Email }.Any(text => text is not null && VietnameseText.Fold(text).Contains(term, StringComparison.Ordinal)))
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.Email, u.Roles, u.LockoutEnd > now ? u.LockoutEnd : null, u.IsDisabled, u.MustChangePassword))
            .ToList();
    }
}
