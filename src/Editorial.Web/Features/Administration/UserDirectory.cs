using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

public sealed record UserRow(string Id, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

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
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.UserName!.Contains(term) || u.FullName.Contains(term) || (u.Email != null && u.Email.Contains(term)));
        }

        var rows = await users
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.Email,
                u.LockoutEnd,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return rows
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.Email, u.Roles, u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }
}
