using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Administration;

/// <summary>
/// The account services as the app wires them — Identity's UserManager with the app's password rules and
/// Vietnamese messages, one DbContext per operation — over a seeded <see cref="StoryDatabase"/>.
/// </summary>
internal static class AccountsHarness
{
    public static IServiceCollection AddAccountServices(this IServiceCollection services, StoryDatabase db)
    {
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<IDbContextFactory<EditorialDbContext>>(db);
        services.AddScoped(_ => db.CreateDbContext());
        services.AddSingleton<TimeProvider>(db.Clock);
        services.AddIdentityCore<ApplicationUser>(IdentityRegistration.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EditorialDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddSingleton<AccountAdministration>();
        services.AddSingleton<UserDirectory>();
        return services;
    }

    /// <summary>Adds an account with a role straight into the database, as an earlier administrator would have.</summary>
    public static Person AddPerson(this StoryDatabase db, string id, string fullName, string role, bool disabled = false, DateTimeOffset? lockedUntil = null)
    {
        using var context = db.CreateDbContext();
        context.Users.Add(new ApplicationUser
        {
            Id = id,
            UserName = id,
            NormalizedUserName = id.ToUpperInvariant(),
            FullName = fullName,
            IsDisabled = disabled,
            LockoutEnabled = true,
            LockoutEnd = lockedUntil,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAtUtc = StoryDatabase.Start,
        });
        var roleId = context.Roles.Single(r => r.Name == role).Id;
        context.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        context.SaveChanges();
        return new Person(id, fullName, role);
    }

    public static ApplicationUser User(this StoryDatabase db, string id)
    {
        using var context = db.CreateDbContext();
        return context.Users.AsNoTracking().Single(u => u.Id == id);
    }

    public static ApplicationUser? UserNamed(this StoryDatabase db, string userName)
    {
        using var context = db.CreateDbContext();
        return context.Users.AsNoTracking().SingleOrDefault(u => u.UserName == userName);
    }

    public static IReadOnlyList<string> RolesOf(this StoryDatabase db, string id)
    {
        using var context = db.CreateDbContext();
        var names = (from ur in context.UserRoles join r in context.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToList();
        return Roles.All.Where(names.Contains).ToList();
    }

    public static List<AuditEntry> AuditEntries(this StoryDatabase db, string actionPrefix = "account.")
    {
        using var context = db.CreateDbContext();
        return context.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Id).ToList();
    }

    /// <summary>As Identity signs a person in: the id, the user name, the role.</summary>
    public static ClaimsPrincipal Principal(string id, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test", ClaimTypes.Name, ClaimTypes.Role));
}
