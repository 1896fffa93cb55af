using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Editorial.Core.Accounts;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

/// <summary>Why an account change was refused; the page shows <c>Accounts.Refusal.{code}</c> in the person's language.</summary>
public enum AccountRefusal
{
    NotFound,
    FullNameRequired,
    FullNameTooLong,
    UserNameInvalid,
    UserNameTaken,
    EmailInvalid,
    RolesRequired,
    RoleUnknown,
    PasswordInvalid,
    NotYourself,
    LastAdministrator,
}

/// <summary>What an administrator types to create an account. An empty password means "generate one".</summary>
public sealed record NewAccount(string? FullName, string? UserName, string? Email, IReadOnlyCollection<string> Roles, string? Password);

/// <summary>
/// The outcome of an account change: done, or refused with a reason (and Identity's own, already translated,
/// messages for a password it does not accept). A created account carries its id and initial password,
/// which the page shows once and never stores.
/// </summary>
public sealed record AccountResult(AccountRefusal? Refusal, IReadOnlyList<string> Errors, string? UserId = null, string? Password = null)
{
    public bool Succeeded => Refusal is null;

    public static AccountResult Done(string userId, string? password = null) => new(null, [], userId, password);

    public static AccountResult Refused(AccountRefusal refusal, IReadOnlyList<string>? errors = null) => new(refusal, errors ?? []);
}

/// <summary>
/// Creates accounts and changes their roles, lock, disabled state and forced password change. Every change
/// is checked here (administrators only, never leaving the newsroom without an enabled, unlocked
/// administrator), made in one transaction with its audit entry, and — for locks, disabling and role
/// changes — renews the security stamp so open sessions of that person end at their next validation.
/// There is deliberately no delete: bylines, revisions and the audit trail keep pointing at the account.
/// </summary>
public sealed partial class AccountAdministration(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AccountAdministration> logger)
{
    public const int FullNameMaxLength = 200;
    public const int UserNameMaxLength = 64;
    public const int EmailMaxLength = 256;

    /// <summary>"Locked until unlocked": Identity has no indefinite lock, so the lock ends in the year 9999.</summary>
    public static readonly DateTimeOffset LockedIndefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Locks ending later than this are shown as "locked" rather than "locked until".</summary>
    public static bool IsIndefinite(DateTimeOffset lockoutEnd) => lockoutEnd.Year >= 9000;

    public async Task<AccountResult> CreateAsync(ClaimsPrincipal caller, NewAccount input, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(caller);

        var fullName = Editorial.Core.Text.VietnameseText.Normalize((input.FullName ?? "").Trim());
        var userName = (input.UserName ?? "").Trim();
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var roles = input.Roles.Distinct(StringComparer.Ordinal).ToList();

        if (fullName.Length == 0)
        {
            return AccountResult.Refused(AccountRefusal.FullNameRequired);
        }

        if (fullName.Length > FullNameMaxLength)
        {
            return AccountResult.Refused(AccountRefusal.FullNameTooLong);
        }

        if (!UserNamePattern().IsMatch(userName))
        {
            return AccountResult.Refused(AccountRefusal.UserNameInvalid);
        }

        if (email is not null && !IsEmail(email))
        {
            return AccountResult.Refused(AccountRefusal.EmailInvalid);
        }

        if (RolesRefusal(roles) is { } roleRefusal)
        {
            return AccountResult.Refused(roleRefusal);
        }

        var password = string.IsNullOrEmpty(input.Password) ? PasswordGenerator.Generate() : input.Password;

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();

        var passwordErrors = new List<string>();
        var candidate = new ApplicationUser { UserName = userName, FullName = fullName };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, candidate, password);
            passwordErrors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (passwordErrors.Count > 0)
        {
            return AccountResult.Refused(AccountRefusal.PasswordInvalid, passwordErrors);
        }

        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Accounts, cancellationToken);
        if (await users.FindByNameAsync(userName) is not null)
        {
            return AccountResult.Refused(AccountRefusal.UserNameTaken);
        }

        var user = new ApplicationUser
        {
            UserName = userName,
            FullName = fullName,
            Email = email,
            EmailConfirmed = email is not null,
            LockoutEnabled = true,
            MustChangePassword = true,
            CreatedAtUtc = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Refused(AccountRefusal.PasswordInvalid, created.Errors.Select(e => e.Description).ToList());
        }

        var inRoles = await users.AddToRolesAsync(user, roles);
        if (!inRoles.Succeeded)
        {
            throw new InvalidOperationException("Could not give the new account its roles: " + string.Join("; ", inRoles.Errors.Select(e => e.Description)));
        }

        Audit(db, caller, AuditActions.AccountCreated, $"{userName} ({fullName}): {string.Join(", ", OrderedRoles(roles))}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Caller} created account {UserName} ({Roles})", caller.Identity?.Name, userName, string.Join(", ", roles));
        return AccountResult.Done(user.Id, password);
    }

    public Task<AccountResult> SetRolesAsync(ClaimsPrincipal caller, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, admins) =>
        {
            var wanted = roles.Distinct(StringComparer.Ordinal).ToList();
            if (RolesRefusal(wanted) is { } refusal)
            {
                return (refusal, null);
            }

            var current = await users.GetRolesAsync(user);
            if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator) && !admins.RemainActiveWithout(user.Id))
            {
                return (AccountRefusal.LastAdministrator, null);
            }

            var remove = current.Except(wanted).ToList();
            var add = wanted.Except(current).ToList();
            if (remove.Count == 0 && add.Count == 0)
            {
                return (null, null); // nothing to change, nothing to audit
            }

            Check(await users.RemoveFromRolesAsync(user, remove));
            Check(await users.AddToRolesAsync(user, add));
            Check(await users.UpdateSecurityStampAsync(user));
            return (null, (AuditActions.AccountRolesChanged, $"{user.UserName}: {string.Join(", ", OrderedRoles(current))} → {string.Join(", ", OrderedRoles(wanted))}"));
        });

    public Task<AccountResult> LockAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, admins) =>
        {
            if (IsCaller(caller, user))
            {
                return (AccountRefusal.NotYourself, null);
            }

            if (admins.Contains(user.Id) && !admins.RemainActiveWithout(user.Id))
            {
                return (AccountRefusal.LastAdministrator, null);
            }

            user.LockoutEnabled = true;
            user.LockoutEnd = LockedIndefinitely;
            Check(await users.UpdateSecurityStampAsync(user));
            return (null, (AuditActions.AccountLocked, user.UserName));
        });

    /// <summary>Ends a lock, whether set by an administrator or by too many wrong passwords, and forgets the failures.</summary>
    public Task<AccountResult> UnlockAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, _) =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            return (null, (AuditActions.AccountUnlocked, user.UserName));
        });

    public Task<AccountResult> DisableAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, admins) =>
        {
            if (IsCaller(caller, user))
            {
                return (AccountRefusal.NotYourself, null);
            }

            if (admins.Contains(user.Id) && !admins.RemainActiveWithout(user.Id))
            {
                return (AccountRefusal.LastAdministrator, null);
            }

            user.IsDisabled = true;
            Check(await users.UpdateSecurityStampAsync(user));
            return (null, (AuditActions.AccountDisabled, user.UserName));
        });

    public Task<AccountResult> EnableAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, _) =>
        {
            user.IsDisabled = false;
            Check(await users.UpdateAsync(user));
            return (null, (AuditActions.AccountEnabled, user.UserName));
        });

    /// <summary>
    /// The person must choose a new password at their next sign-in. An open session learns it when its cookie
    /// is next validated (within a minute) and is then sent to the change-password page too.
    /// </summary>
    public Task<AccountResult> RequirePasswordChangeAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, userId, cancellationToken, async (users, user, _) =>
        {
            user.MustChangePassword = true;
            Check(await users.UpdateAsync(user));
            return (null, (AuditActions.AccountPasswordResetRequired, user.UserName));
        });

    private delegate Task<(AccountRefusal? Refusal, (string Action, string? Details)? Audit)> Change(
        UserManager<ApplicationUser> users, ApplicationUser user, Administrators admins);

    /// <summary>One change: the caller checked, the account and the administrators read, changed and audited in one transaction.</summary>
    private async Task<AccountResult> ChangeAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken, Change change)
    {
        EnsureAdministrator(caller);

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();

        // Serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock): two administrators locking each
        // other out at the same moment run one after the other, and the second sees the first's change in the count.
        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Accounts, cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Refused(AccountRefusal.NotFound);
        }

        var admins = await Administrators.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        var (refusal, audit) = await change(users, user, admins);
        if (refusal is { } refused)
        {
            return AccountResult.Refused(refused);
        }

        if (audit is { } entry)
        {
            Audit(db, caller, entry.Action, entry.Details);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Caller}: {Action} {Details}", caller.Identity?.Name, entry.Action, entry.Details);
        }

        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(user.Id);
    }

    /// <summary>The accounts holding the Administrator role, and which of them can sign in now.</summary>
    private sealed class Administrators(IReadOnlyDictionary<string, bool> activeById)
    {
        public static async Task<Administrators> LoadAsync(EditorialDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var rows = await (
                    from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    join u in db.Users on ur.UserId equals u.Id
                    where r.Name == Roles.Administrator
                    select new { u.Id, u.IsDisabled, u.LockoutEnd })
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // Compared here, not in SQL: a handful of rows.
            return new Administrators(rows.ToDictionary(r => r.Id, r => !r.IsDisabled && (r.LockoutEnd is null || r.LockoutEnd <= now)));
        }

        public bool Contains(string userId) => activeById.ContainsKey(userId);

        /// <summary>Whether an enabled, unlocked administrator other than <paramref name="userId"/> remains.</summary>
        public bool RemainActiveWithout(string userId) => activeById.Any(a => a.Key != userId && a.Value);
    }

    /// <summary>Who did what to whom: the administrator as the entry's person, the account in its details.</summary>
    private void Audit(EditorialDbContext db, ClaimsPrincipal caller, string action, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(),
            Action = action,
            UserName = Truncate(caller.Identity?.Name ?? "", 256),
            UserId = caller.FindFirstValue(ClaimTypes.NameIdentifier),
            Details = details is null ? null : Truncate(details, 2000),
        });

    private static AccountRefusal? RolesRefusal(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? AccountRefusal.RolesRequired
        : roles.Any(role => !Roles.All.Contains(role, StringComparer.Ordinal)) ? AccountRefusal.RoleUnknown
        : null;

    private static IEnumerable<string> OrderedRoles(IEnumerable<string> roles) => Roles.All.Where(roles.Contains);

    private static bool IsCaller(ClaimsPrincipal caller, ApplicationUser user) =>
        string.Equals(caller.FindFirstValue(ClaimTypes.NameIdentifier), user.Id, StringComparison.Ordinal);

    private static bool IsEmail(string email)
    {
        if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var parsed))
        {
            return false;
        }

        return parsed.Address == email && email.Contains('@', StringComparison.Ordinal) && email[(email.IndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal);
    }

    private static void EnsureAdministrator(ClaimsPrincipal caller)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(caller)))
        {
            throw new UnauthorizedAccessException("Only administrators can manage accounts.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Account change failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>Letters without diacritics, digits, dot, dash and underscore; 3–64 characters, starting with a letter or digit.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();
}
