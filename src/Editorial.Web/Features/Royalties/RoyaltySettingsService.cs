using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Royalties;
using Editorial.Core.Time;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Royalties;

/// <summary>A genre as the settings page lists it, with how many assessments use it.</summary>
public sealed record GenreRow(int Id, string Name, decimal MinCoefficient, decimal MaxCoefficient, int SortOrder, bool IsRetired, int Assessments);

/// <summary>A unit value with the paid stories it was the one in force for (then it can no longer change).</summary>
public sealed record UnitValueRow(int Id, decimal AmountVnd, DateTimeOffset EffectiveFromUtc, int PaidStories);

/// <summary>
/// The royalty configuration (administrators): genres with their coefficient ranges and the unit value in VND
/// over time. A change that would alter what a paid story was worth is refused.
/// </summary>
public sealed class RoyaltySettingsService(IDbContextFactory<EditorialDbContext> contextFactory, AuditTrail audit, PortalTime time)
{
    public async Task<IReadOnlyList<GenreRow>> GenresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RoyaltyGenres.AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.MinCoefficient, g.MaxCoefficient, g.SortOrder, g.IsRetired, Uses = db.StoryRoyalties.Count(r => r.GenreId == g.Id) })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new GenreRow(g.Id, g.Name, g.MinCoefficient, g.MaxCoefficient, g.SortOrder, g.IsRetired, g.Uses))
            .ToList();
    }

    public async Task<IReadOnlyList<UnitValueRow>> UnitValuesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var values = await LoadUnitValuesAsync(db, cancellationToken);
        var paid = await PaidPublicationTimesAsync(db, cancellationToken);
        var all = values.Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).ToList();
        return values
            .OrderByDescending(v => v.EffectiveFromUtc)
            .Select(v => new UnitValueRow(v.Id, v.AmountVnd, v.EffectiveFromUtc,
                paid.Count(p => RoyaltyRules.InForceAt(all, p)?.EffectiveFromUtc == v.EffectiveFromUtc)))
            .ToList();
    }

    /// <summary>Adds a genre (<paramref name="id"/> null) or renames it / changes its range.</summary>
    public async Task<RoyaltyOutcome> SaveGenreAsync(
        int? id, string? name, decimal min, decimal max, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed(user))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var genres = await db.RoyaltyGenres.ToListAsync(cancellationToken);
        var genre = id is null ? null : genres.FirstOrDefault(g => g.Id == id);
        if (id is not null && genre is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.GenreNotFound);
        }

        var refusal = RoyaltyRules.CheckGenre(name, min, max, genres.Where(g => g.Id != id).Select(g => g.Name));
        if (refusal is not null)
        {
            return refusal;
        }

        var trimmed = Editorial.Core.Text.VietnameseText.Normalize(name!.Trim());
        string before = "";
        if (genre is null)
        {
            genre = new RoyaltyGenre { SortOrder = genres.Count == 0 ? 1 : genres.Max(g => g.SortOrder) + 1 };
            db.RoyaltyGenres.Add(genre);
        }
        else
        {
            before = Describe(genre) + " → ";
        }

        genre.Name = trimmed;
        genre.MinCoefficient = min;
        genre.MaxCoefficient = max;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(id is null ? RoyaltyAudit.GenreAdded : RoyaltyAudit.GenreChanged, user.Identity?.Name ?? "",
            before + Describe(genre), clientAddress, cancellationToken);
        return RoyaltyOutcome.Done;
    }

    /// <summary>Retires a genre (no longer offered; stories assessed with it keep it) or brings it back.</summary>
    public async Task<RoyaltyOutcome> SetRetiredAsync(int id, bool retired, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed(user))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var genre = await db.RoyaltyGenres.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (genre is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.GenreNotFound);
        }

        if (genre.IsRetired != retired)
        {
            genre.IsRetired = retired;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(retired ? RoyaltyAudit.GenreRetired : RoyaltyAudit.GenreRestored, user.Identity?.Name ?? "",
                Describe(genre), clientAddress, cancellationToken);
        }

        return RoyaltyOutcome.Done;
    }

    /// <summary>
    /// Adds a unit value (<paramref name="id"/> null) or corrects one, effective from midnight Vietnam time of
    /// <paramref name="effectiveDate"/>. Refused when a paid story would then have been worth something else.
    /// </summary>
    public async Task<RoyaltyOutcome> SaveUnitValueAsync(
        int? id, decimal amountVnd, DateOnly effectiveDate, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed(user))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        if (RoyaltyRules.CheckUnitValue(amountVnd) is { } refusal)
        {
            return refusal;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Royalties, cancellationToken);
        var values = await db.RoyaltyUnitValues.ToListAsync(cancellationToken);
        var value = id is null ? null : values.FirstOrDefault(v => v.Id == id);
        if (id is not null && value is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.UnitValueNotFound);
        }

        var from = time.FromLocal(effectiveDate.ToDateTime(TimeOnly.MinValue));
        if (values.Any(v => v.Id != id && v.EffectiveFromUtc == from))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.UnitValueDateTaken, time.FormatDate(from));
        }

        var before = values.Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).ToList();
        var after = values.Where(v => v.Id != id).Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).Append(new UnitValue(amountVnd, from));
        if (RoyaltyRules.ChangesPaidStories(before, after, await PaidPublicationTimesAsync(db, cancellationToken)))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.UnitValueUsedByPaidStory);
        }

        var old = value is null ? "" : Describe(value) + " → ";
        if (value is null)
        {
            value = new RoyaltyUnitValue();
            db.RoyaltyUnitValues.Add(value);
        }

        value.AmountVnd = amountVnd;
        value.EffectiveFromUtc = from;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(id is null ? RoyaltyAudit.UnitValueAdded : RoyaltyAudit.UnitValueChanged, user.Identity?.Name ?? "",
            old + Describe(value), clientAddress, cancellationToken);
        return RoyaltyOutcome.Done;
    }

    /// <summary>Removes a unit value entered by mistake, unless a paid story would then have been worth something else.</summary>
    public async Task<RoyaltyOutcome> DeleteUnitValueAsync(int id, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed(user))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Royalties, cancellationToken);
        var values = await db.RoyaltyUnitValues.ToListAsync(cancellationToken);
        var value = values.FirstOrDefault(v => v.Id == id);
        if (value is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.UnitValueNotFound);
        }

        var before = values.Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).ToList();
        var after = values.Where(v => v.Id != id).Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc));
        if (RoyaltyRules.ChangesPaidStories(before, after, await PaidPublicationTimesAsync(db, cancellationToken)))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.UnitValueUsedByPaidStory);
        }

        db.RoyaltyUnitValues.Remove(value);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(RoyaltyAudit.UnitValueDeleted, user.Identity?.Name ?? "", Describe(value), clientAddress, cancellationToken);
        return RoyaltyOutcome.Done;
    }

    internal static async Task<List<RoyaltyUnitValue>> LoadUnitValuesAsync(EditorialDbContext db, CancellationToken cancellationToken) =>
        await db.RoyaltyUnitValues.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>When each paid story was published: the unit values in force then are frozen.</summary>
    private static async Task<List<DateTimeOffset>> PaidPublicationTimesAsync(EditorialDbContext db, CancellationToken cancellationToken) =>
        await (from royalty in db.StoryRoyalties
               join article in db.Articles on royalty.ArticleId equals article.Id
               where royalty.PaidAtUtc != null && article.PublishedAtUtc != null
               select article.PublishedAtUtc!.Value).ToListAsync(cancellationToken);

    private static bool Allowed(ClaimsPrincipal user) => Policies.IsGranted(Policies.Administer, Roles.Of(user));

    private static string Describe(RoyaltyGenre genre) =>
        $"{genre.Name} ({RoyaltyText.Number(genre.MinCoefficient)}–{RoyaltyText.Number(genre.MaxCoefficient)})";

    private string Describe(RoyaltyUnitValue value) => $"{RoyaltyText.Vnd(value.AmountVnd)} từ {time.FormatDate(value.EffectiveFromUtc)}";
}
