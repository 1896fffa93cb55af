using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Time;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Workstation;

/// <summary>What each role sees first: the counts of their own work, the queue, the accounts.</summary>
public sealed record DashboardSummary(
    IReadOnlyDictionary<ArticleState, int> MyStories,
    ReviewSummary? Review,
    AccountSummary? Accounts);

public sealed record ReviewSummary(int AwaitingReview, int Scheduled, int PublishedToday);

public sealed record AccountSummary(IReadOnlyDictionary<string, int> UsersByRole, int LockedOut);

public sealed class DashboardService(IDbContextFactory<EditorialDbContext> contextFactory, PortalTime time)
{
    public async Task<DashboardSummary> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = AccountIdentity.IdOf(user);
        var roles = Roles.Of(user);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var mine = await db.Articles.AsNoTracking()
            .Where(a => a.CreatedById == userId)
            .GroupBy(a => a.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, cancellationToken);
        var myStories = Enum.GetValues<ArticleState>().ToDictionary(s => s, s => mine.GetValueOrDefault(s));

        ReviewSummary? review = null;
        if (Policies.IsGranted(Policies.Review, roles))
        {
            var startOfToday = new DateTimeOffset(time.Now.Date, time.Now.Offset).ToUniversalTime();
            review = new ReviewSummary(
                await db.Articles.CountAsync(a => a.State == ArticleState.InReview, cancellationToken),
                await db.Articles.CountAsync(a => a.State == ArticleState.Scheduled, cancellationToken),
                await db.Articles.CountAsync(a => a.State == ArticleState.Published && a.PublishedAtUtc >= startOfToday, cancellationToken));
        }

        AccountSummary? accounts = null;
        if (Policies.IsGranted(Policies.Administer, roles))
        {
            var byRole = await (
                    from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    group userRole by role.Name into g
                    select new { Role = g.Key!, Count = g.Count() })
                .ToDictionaryAsync(x => x.Role, x => x.Count, cancellationToken);
            var now = time.Now;
            var lockedOut = await db.Users.CountAsync(u => u.LockoutEnd != null && u.LockoutEnd > now, cancellationToken);
            accounts = new AccountSummary(Roles.All.ToDictionary(r => r, r => byRole.GetValueOrDefault(r)), lockedOut);
        }

        return new DashboardSummary(myStories, review, accounts);
    }
}
