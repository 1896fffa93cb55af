using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignOut = "account.sign-out";
    public const string PasswordChanged = "account.password-changed";
    public const string AccountCreated = "account.created";
    public const string AccountRolesChanged = "account.roles-changed";
    public const string AccountLocked = "account.locked";
    public const string AccountUnlocked = "account.unlocked";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordResetRequired = "account.password-reset-required";
    public const string SignInDisabled = "account.sign-in-disabled";
    public const string SystemBackup = "system.backup";
    public const string SystemBackupDownloaded = "system.backup-downloaded";
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>Appends to the audit trail and reads it back; there is deliberately no update or delete.</summary>
public sealed class AuditTrail(IDbContextFactory<EditorialDbContext> contextFactory, TimeProvider clock)
{
    public async Task RecordAsync(string action, string userName, string? details = null, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(),
            Action = action,
            UserName = Truncate(userName, 256),
            Details = details is null ? null : Truncate(details, 2000),
            ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A workflow-related entry about one story, by a signed-in person.</summary>
    public async Task RecordStoryAsync(
        string action, System.Security.Claims.ClaimsPrincipal user, int articleId, string? note = null, string? details = null,
        string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(),
            Action = action,
            UserName = Truncate(user.Identity?.Name ?? "", 256),
            UserId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            ArticleId = articleId,
            Note = note is null ? null : Truncate(note, 2000),
            Details = details is null ? null : Truncate(details, 2000),
            ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(entries, total);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
