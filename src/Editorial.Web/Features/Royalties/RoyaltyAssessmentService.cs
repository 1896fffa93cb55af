using System.Globalization;
using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Royalties;
using Editorial.Core.Text;
using Editorial.Core.Time;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Royalties;

/// <summary>Which published stories to list: a month (Vietnam time), optionally one category, optionally only those not assessed yet.</summary>
public sealed record RoyaltyStoryFilter(RoyaltyMonth Month, int? CategoryId = null, bool OnlyUnassessed = false);

/// <summary>A published story with its assessment, if any, and its money (null when not assessed or no unit value applies).</summary>
public sealed record RoyaltyStoryRow(
    int Id, string Title, string? Category, string Byline, DateTimeOffset PublishedAtUtc,
    string? Genre, decimal? Coefficient, decimal? Amount, bool Assessed, DateTimeOffset? PaidAtUtc, bool Overdue);

/// <summary>An account a share can be given to.</summary>
public sealed record RoyaltyAccount(string Id, string Name);

/// <summary>A genre an editor can choose (a retired one only when the story already has it).</summary>
public sealed record GenreChoice(int Id, string Name, decimal MinCoefficient, decimal MaxCoefficient, bool IsRetired);

/// <summary>Everything the assessment form shows and starts from.</summary>
public sealed record AssessmentModel(
    int ArticleId,
    string Title,
    string Byline,
    string? Category,
    DateTimeOffset PublishedAtUtc,
    IReadOnlyList<GenreChoice> Genres,
    IReadOnlyList<RoyaltyAccount> Accounts,
    int? GenreId,
    decimal? Coefficient,
    IReadOnlyList<ShareLine> Shares,
    bool Assessed,
    string? AssessedBy,
    DateTimeOffset? AssessedAtUtc,
    DateTimeOffset? PaidAtUtc,
    UnitValue? UnitValue);

/// <summary>
/// Editors assess published stories: a genre, a coefficient in the genre's range, and who gets which part.
/// Decimals are compared and added in C# (SQLite cannot compare or sum decimal columns).
/// </summary>
public sealed class RoyaltyAssessmentService(IDbContextFactory<EditorialDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new CultureInfo("vi-VN"), ignoreCase: true);

    public async Task<IReadOnlyList<RoyaltyStoryRow>> ListAsync(RoyaltyStoryFilter filter, PortalTime time, CancellationToken cancellationToken = default)
    {
        var (from, to) = Bounds(filter.Month, time);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Articles.AsNoTracking()
            .Where(a => a.PublishedAtUtc >= from && a.PublishedAtUtc < to)
            .Where(a => a.State == ArticleState.Published || db.StoryRoyalties.Any(r => r.ArticleId == a.Id));
        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (filter.OnlyUnassessed)
        {
            query = query.Where(a => !db.StoryRoyalties.Any(r => r.ArticleId == a.Id));
        }

        var stories = await query
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, Category = a.Category != null ? a.Category.Name : null, a.Byline, PublishedAtUtc = a.PublishedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var ids = stories.Select(s => s.Id).ToList();
        var royalties = await db.StoryRoyalties.AsNoTracking().Include(r => r.Shares)
            .Where(r => ids.Contains(r.ArticleId))
            .ToDictionaryAsync(r => r.ArticleId, cancellationToken);
        var genres = await db.RoyaltyGenres.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var unitValues = (await RoyaltySettingsService.LoadUnitValuesAsync(db, cancellationToken))
            .Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).ToList();
        var now = clock.GetUtcNow();

        return stories.Select(s =>
        {
            royalties.TryGetValue(s.Id, out var royalty);
            var unit = RoyaltyRules.InForceAt(unitValues, s.PublishedAtUtc);
            decimal? amount = royalty is null || unit is null
                ? null
                : royalty.Shares.Sum(share => RoyaltyRules.Amount(royalty.Coefficient, unit.AmountVnd, share.Percent));
            return new RoyaltyStoryRow(
                s.Id, s.Title, s.Category, s.Byline, s.PublishedAtUtc,
                royalty is null ? null : genres.GetValueOrDefault(royalty.GenreId),
                royalty?.Coefficient, amount, royalty is not null, royalty?.PaidAtUtc,
                RoyaltyRules.IsOverdue(s.PublishedAtUtc, royalty?.PaidAtUtc is not null, now));
        }).ToList();
    }

    /// <summary>The form for one story: its current assessment, or the defaults (first genre, its lowest coefficient, shares from the byline).</summary>
    public async Task<AssessmentModel?> LoadAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.PublishedAtUtc != null)
            .Select(a => new
            {
                a.Id, a.Title, a.Byline, a.State, a.CreatedById, PublishedAtUtc = a.PublishedAtUtc!.Value,
                Category = a.Category != null ? a.Category.Name : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var royalty = await db.StoryRoyalties.AsNoTracking().Include(r => r.Shares).FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        if (story is null || (story.State != ArticleState.Published && royalty is null))
        {
            return null;
        }

        var accounts = await AccountsAsync(db, cancellationToken);
        var genres = (await db.RoyaltyGenres.AsNoTracking().ToListAsync(cancellationToken))
            .Where(g => !g.IsRetired || g.Id == royalty?.GenreId)
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new GenreChoice(g.Id, g.Name, g.MinCoefficient, g.MaxCoefficient, g.IsRetired))
            .ToList();
        var unitValues = (await RoyaltySettingsService.LoadUnitValuesAsync(db, cancellationToken)).Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc));
        var unit = RoyaltyRules.InForceAt(unitValues, story.PublishedAtUtc);

        if (royalty is not null)
        {
            var assessor = await db.Users.Where(u => u.Id == royalty.AssessedById).Select(u => u.FullName != "" ? u.FullName : u.UserName).FirstOrDefaultAsync(cancellationToken);
            var shares = royalty.Shares.OrderBy(s => s.Id)
                .Select(s => new ShareLine(s.UserId, s.PersonName, Enum.TryParse<ShareRole>(s.Role, out var role) ? role : ShareRole.Author, s.Percent))
                .ToList();
            return new AssessmentModel(story.Id, story.Title, story.Byline, story.Category, story.PublishedAtUtc, genres, accounts,
                royalty.GenreId, royalty.Coefficient, shares, true, assessor, royalty.AssessedAtUtc, royalty.PaidAtUtc, unit);
        }

        var creator = accounts.FirstOrDefault(a => a.Id == story.CreatedById)
            ?? await db.Users.Where(u => u.Id == story.CreatedById).Select(u => new RoyaltyAccount(u.Id, u.FullName != "" ? u.FullName : u.UserName ?? "")).FirstOrDefaultAsync(cancellationToken)
            ?? new RoyaltyAccount(story.CreatedById, story.Byline);
        var defaults = RoyaltyRules.DefaultShares(story.Byline, creator.Id, creator.Name, name =>
            accounts.FirstOrDefault(a => VietnameseText.Fold(a.Name) == VietnameseText.Fold(name))?.Id);
        var first = genres.FirstOrDefault();
        return new AssessmentModel(story.Id, story.Title, story.Byline, story.Category, story.PublishedAtUtc, genres, accounts,
            first?.Id, first?.MinCoefficient, defaults, false, null, null, null, unit);
    }

    /// <summary>Sets (or corrects) a story's assessment. Refused, changing nothing, when any rule fails or the story is already paid.</summary>
    public async Task<RoyaltyOutcome> SaveAsync(
        int articleId, int genreId, decimal coefficient, IReadOnlyList<ShareLine> shares, ClaimsPrincipal user,
        string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Review, Roles.Of(user)))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Royalties, cancellationToken);
        var story = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.State, a.PublishedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.StoryNotFound);
        }

        var royalty = await db.StoryRoyalties.Include(r => r.Shares).FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        if (story.PublishedAtUtc is null || (story.State != ArticleState.Published && royalty is null))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.StoryNotPublished);
        }

        if (royalty?.PaidAtUtc is not null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.AlreadyPaid);
        }

        var genre = await db.RoyaltyGenres.AsNoTracking().FirstOrDefaultAsync(g => g.Id == genreId, cancellationToken);
        if (genre is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.GenreNotFound);
        }

        if (genre.IsRetired && royalty?.GenreId != genre.Id)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.GenreRetired, genre.Name);
        }

        if (RoyaltyRules.CheckCoefficient(coefficient, genre.MinCoefficient, genre.MaxCoefficient) is { } coefficientRefusal)
        {
            return coefficientRefusal;
        }

        // An account's share carries the account's name as it is now; a typed name is kept as typed (NFC).
        var accounts = (await AccountsAsync(db, cancellationToken)).ToDictionary(a => a.Id);
        var lines = new List<ShareLine>();
        foreach (var share in shares)
        {
            if (!string.IsNullOrEmpty(share.UserId))
            {
                if (!accounts.TryGetValue(share.UserId, out var account))
                {
                    return RoyaltyOutcome.Refused(RoyaltyProblem.UnknownAccount, share.PersonName ?? "");
                }

                lines.Add(share with { PersonName = account.Name });
            }
            else
            {
                lines.Add(share with { UserId = null, PersonName = VietnameseText.Normalize((share.PersonName ?? "").Trim()) });
            }
        }

        if (RoyaltyRules.CheckShares(lines) is { } shareRefusal)
        {
            return shareRefusal;
        }

        if (royalty is null)
        {
            royalty = new StoryRoyalty { ArticleId = articleId };
            db.StoryRoyalties.Add(royalty);
        }
        else
        {
            db.RoyaltyShares.RemoveRange(royalty.Shares);
            royalty.Shares = [];
        }

        royalty.GenreId = genre.Id;
        royalty.Coefficient = coefficient;
        royalty.AssessedById = AccountIdentity.IdOf(user);
        royalty.AssessedAtUtc = clock.GetUtcNow();
        royalty.Shares.AddRange(lines.Select(l => new RoyaltyShare
        {
            ArticleId = articleId, UserId = l.UserId, PersonName = l.PersonName, Role = l.Role.ToString(), Percent = l.Percent,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var details = $"{genre.Name}, hệ số {RoyaltyText.Number(coefficient)}: "
            + string.Join("; ", lines.Select(l => $"{l.PersonName} ({(l.Role == ShareRole.Author ? "tác giả" : "ảnh")}) {RoyaltyText.Number(l.Percent)}%"));
        await audit.RecordStoryAsync(RoyaltyAudit.Assessed, user, articleId, details: details, clientAddress: clientAddress, cancellationToken: cancellationToken);
        return RoyaltyOutcome.Done;
    }

    /// <summary>The month's bounds as instants: from midnight of the 1st, Vietnam time, to midnight of the next 1st.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(RoyaltyMonth month, PortalTime time) =>
        (time.FromLocal(month.FirstDay), time.FromLocal(month.FirstDay.AddMonths(1)));

    /// <summary>Accounts that can be given a share: every account not disabled, by name.</summary>
    internal static async Task<IReadOnlyList<RoyaltyAccount>> AccountsAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled)
            .Select(u => new RoyaltyAccount(u.Id, u.FullName != "" ? u.FullName : u.UserName ?? ""))
            .ToListAsync(cancellationToken);
        return accounts.OrderBy(a => a.Name, VietnameseOrder).ToList();
    }
}
