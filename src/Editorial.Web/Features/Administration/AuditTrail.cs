using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Text;
using Editorial.Core.Time;
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
    public const string SystemBackup = "system.backup";
    public const string SystemBackupDownloaded = "system.backup-downloaded";
    public const string CategoryCreated = "category.created";
    public const string CategoryRenamed = "category.renamed";
    public const string CategoryMoved = "category.moved";
    public const string CategoryHidden = "category.hidden";
    public const string CategoryShown = "category.shown";
    public const string CategoryDeleted = "category.deleted";
    public const string AccountRolesChanged = "account.roles-changed";
    public const string AccountLocked = "account.locked";
    public const string AccountUnlocked = "account.unlocked";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordResetRequired = "account.password-reset-required";
    public const string SignInDisabled = "account.sign-in-disabled";
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>
/// What the audit log is filtered by; every part is optional. <see cref="User"/> matches part of the user
/// name; <see cref="Story"/> is a story id ("12" or "#12") or part of its title (diacritics and case ignored);
/// <see cref="Action"/> is an exact code; <see cref="From"/> and <see cref="To"/> are Vietnam dates, both included.
/// </summary>
public sealed record AuditFilter(string? User = null, string? Story = null, string? Action = null, DateOnly? From = null, DateOnly? To = null)
{
    public const int TextMaxLength = 200;

    /// <summary>Dates as the export's query string carries them.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static AuditFilter None { get; } = new();

    /// <summary>The story id typed, if the story filter is one ("12", "#12").</summary>
    public int? StoryId =>
        Story?.Trim().TrimStart('#') is { Length: > 0 } digits && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A Vietnam date as the UTC instant its day starts.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>One audit entry with the title of its story, as the log and the CSV export show it.</summary>
public sealed record AuditRow(
    long Id, DateTimeOffset AtUtc, string UserName, string Action, int? ArticleId, string? StoryTitle,
    string? FromState, string? ToState, string? Note, string? Details, string? ClientAddress);

public sealed record AuditRowPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Appends to the audit trail and reads it back; there is deliberately no update or delete.</summary>
/// <remarks>Dates in filters are read in <paramref name="time"/>'s zone (Vietnam, UTC+7, when none is given).</remarks>
public sealed class AuditTrail(IDbContextFactory<EditorialDbContext> contextFactory, TimeProvider clock, PortalTime? time = null)
{
    private static readonly TimeZoneInfo VietnamFallback =
        TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private TimeZoneInfo Zone => time?.Zone ?? VietnamFallback;

    /// <summary>An administrative action by a signed-in person (who is kept by name and by account).</summary>
    public async Task RecordAsync(string action, ClaimsPrincipal user, string? details, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(),
            Action = action,
            UserName = Truncate(user.Identity?.Name ?? "", 256),
            UserId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            Details = details is null ? null : Truncate(details, 2000),
            ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

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

    /// <summary>One page (0-based) of the entries that match, newest first, with how many match in all. Administrators only.</summary>
    public async Task<AuditRowPage> SearchAsync(ClaimsPrincipal caller, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(db, query)
            .Skip((int)Math.Min(int.MaxValue, (long)Math.Max(0, page) * pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditRowPage(rows, total);
    }

    /// <summary>Every entry that matches, newest first, read as it is written out (the export). Administrators only.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(ClaimsPrincipal caller, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Rows(db, Filtered(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private IQueryable<AuditEntry> Filtered(EditorialDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Clean(filter.User) is { } user)
        {
            var pattern = "%" + EscapeLike(user) + "%";
            // Part of the name, any case: SQLite's LIKE ignores ASCII case; PostgreSQL's LIKE does not, ILIKE does.
            query = db.Database.IsNpgsql()
                ? query.Where(e => EF.Functions.ILike(e.UserName, pattern, "\\"))
                : query.Where(e => EF.Functions.Like(e.UserName, pattern, "\\"));
        }

        if (filter.StoryId is { } storyId)
        {
            query = query.Where(e => e.ArticleId == storyId);
        }
        else if (Clean(filter.Story) is { } story && VietnameseText.Fold(story) is { Length: > 0 } folded)
        {
            var matching = db.Articles.Where(a => a.TitleFolded.Contains(folded)).Select(a => (int?)a.Id);
            query = query.Where(e => e.ArticleId != null && matching.Contains(e.ArticleId));
        }

        if (Clean(filter.Action) is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            var fromUtc = AuditFilter.StartOfDayUtc(from, Zone);
            query = query.Where(e => e.AtUtc >= fromUtc);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var beforeUtc = AuditFilter.StartOfDayUtc(to.AddDays(1), Zone);
            query = query.Where(e => e.AtUtc < beforeUtc);
        }

        return query;
    }

    private static IQueryable<AuditRow> Rows(EditorialDbContext db, IQueryable<AuditEntry> query) =>
        query
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(
                e.Id, e.AtUtc, e.UserName, e.Action, e.ArticleId,
                db.Articles.Where(a => a.Id == e.ArticleId).Select(a => a.Title).FirstOrDefault(),
                e.FromState, e.ToState, e.Note, e.Details, e.ClientAddress));

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = VietnameseText.Normalize(text.Trim());
        return clean.Length > AuditFilter.TextMaxLength ? clean[..AuditFilter.TextMaxLength] : clean;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static void Demand(ClaimsPrincipal caller)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(caller)))
        {
            throw new UnauthorizedAccessException("Only administrators can read the audit trail.");
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
