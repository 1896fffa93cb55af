using System.Globalization;
using System.Security.Claims;
using System.Text;
using Editorial.Core.Accounts;
using Editorial.Core.Royalties;
using Editorial.Core.Text;
using Editorial.Core.Time;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Royalties;

/// <summary>One person's part of one story; Amount is null when no unit value was in force at publication.</summary>
public sealed record ReportLine(
    int ArticleId, string Title, DateTimeOffset PublishedAtUtc, string Genre, decimal Coefficient, ShareRole Role, decimal Percent,
    decimal? UnitValueVnd, decimal? Amount, DateTimeOffset? PaidAtUtc, bool Overdue);

/// <summary>A person (an account, or a typed name) with their lines and total.</summary>
public sealed record ReportPerson(string Key, string Name, bool HasAccount, IReadOnlyList<ReportLine> Lines, decimal Total);

/// <summary>The month's royalties per person.</summary>
public sealed record RoyaltyReport(
    RoyaltyMonth Month,
    IReadOnlyList<ReportPerson> People,
    decimal Total,
    decimal UnpaidTotal,
    IReadOnlyList<int> UnpaidStoryIds,
    int AssessedStories,
    int UnassessedStories,
    int StoriesWithoutUnitValue);

/// <summary>
/// The monthly report per author: coefficient × share × the unit value in force at the story's publication,
/// payment marks (audited; only an administrator takes one back) and the CSV export.
/// </summary>
public sealed class RoyaltyReportService(IDbContextFactory<EditorialDbContext> contextFactory, AuditTrail audit, TimeProvider clock, PortalTime time)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new CultureInfo("vi-VN"), ignoreCase: true);

    public async Task<RoyaltyReport> ReportAsync(RoyaltyMonth month, bool onlyUnpaid = false, CancellationToken cancellationToken = default)
    {
        var (from, to) = RoyaltyAssessmentService.Bounds(month, time);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stories = await db.Articles.AsNoTracking()
            .Where(a => a.PublishedAtUtc >= from && a.PublishedAtUtc < to)
            .Select(a => new { a.Id, a.Title, a.State, PublishedAtUtc = a.PublishedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var ids = stories.Select(s => s.Id).ToList();
        var royalties = await db.StoryRoyalties.AsNoTracking().Include(r => r.Shares)
            .Where(r => ids.Contains(r.ArticleId))
            .ToListAsync(cancellationToken);
        var genres = await db.RoyaltyGenres.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var unitValues = (await RoyaltySettingsService.LoadUnitValuesAsync(db, cancellationToken))
            .Select(v => new UnitValue(v.AmountVnd, v.EffectiveFromUtc)).ToList();
        var accountIds = royalties.SelectMany(r => r.Shares).Where(s => s.UserId != null).Select(s => s.UserId!).Distinct().ToList();
        var accountNames = await db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName != "" ? u.FullName : u.UserName ?? "", cancellationToken);

        var now = clock.GetUtcNow();
        var storyById = stories.ToDictionary(s => s.Id);
        var shown = royalties.Where(r => !onlyUnpaid || r.PaidAtUtc is null).ToList();
        var lines = new List<(string Key, string Name, bool HasAccount, ReportLine Line)>();
        var withoutUnit = 0;
        foreach (var royalty in shown)
        {
            var story = storyById[royalty.ArticleId];
            var unit = RoyaltyRules.InForceAt(unitValues, story.PublishedAtUtc);
            if (unit is null)
            {
                withoutUnit++;
            }

            foreach (var share in royalty.Shares)
            {
                var hasAccount = share.UserId is not null;
                var key = hasAccount ? "user:" + share.UserId : "name:" + VietnameseText.Fold(share.PersonName);
                var name = hasAccount && accountNames.TryGetValue(share.UserId!, out var current) ? current : share.PersonName;
                lines.Add((key, name, hasAccount, new ReportLine(
                    story.Id, story.Title, story.PublishedAtUtc, genres.GetValueOrDefault(royalty.GenreId) ?? "",
                    royalty.Coefficient, Enum.TryParse<ShareRole>(share.Role, out var role) ? role : ShareRole.Author, share.Percent,
                    unit?.AmountVnd, unit is null ? null : RoyaltyRules.Amount(royalty.Coefficient, unit.AmountVnd, share.Percent),
                    royalty.PaidAtUtc, RoyaltyRules.IsOverdue(story.PublishedAtUtc, royalty.PaidAtUtc is not null, now))));
            }
        }

        var people = lines
            .GroupBy(l => l.Key)
            .Select(g =>
            {
                var personLines = g.Select(l => l.Line).OrderBy(l => l.PublishedAtUtc).ThenBy(l => l.ArticleId).ToList();
                return new ReportPerson(g.Key, g.First().Name, g.First().HasAccount, personLines, personLines.Sum(l => l.Amount ?? 0m));
            })
            .OrderBy(p => p.Name, VietnameseOrder)
            .ToList();
        var all = people.SelectMany(p => p.Lines).ToList();
        var published = stories.Count(s => s.State == Editorial.Core.Articles.ArticleState.Published);
        return new RoyaltyReport(
            month,
            people,
            all.Sum(l => l.Amount ?? 0m),
            all.Where(l => l.PaidAtUtc is null).Sum(l => l.Amount ?? 0m),
            shown.Where(r => r.PaidAtUtc is null).Select(r => r.ArticleId).Order().ToList(),
            royalties.Count,
            stories.Count(s => s.State == Editorial.Core.Articles.ArticleState.Published && royalties.All(r => r.ArticleId != s.Id)),
            withoutUnit);
    }

    /// <summary>Marks assessed, unpaid stories as paid now (one audit entry each); returns how many it marked.</summary>
    public async Task<int> MarkPaidAsync(IReadOnlyCollection<int> articleIds, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Review, Roles.Of(user)))
        {
            return 0;
        }

        var userId = AccountIdentity.IdOf(user);
        var marked = 0;
        foreach (var id in articleIds.Distinct())
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            // Conditional: of two editors pressing at once, one marks it and one is told nothing changed. Serialised
            // with assessments and unit-value edits, whose rules read which stories are paid.
            int changed;
            await using (var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Royalties, cancellationToken))
            {
                changed = await db.StoryRoyalties
                    .Where(r => r.ArticleId == id && r.PaidAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.PaidAtUtc, now).SetProperty(r => r.PaidById, userId), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (changed > 0)
            {
                marked++;
                await audit.RecordStoryAsync(RoyaltyAudit.Paid, user, id, details: $"Đã trả lúc {time.Format(now)}", clientAddress: clientAddress, cancellationToken: cancellationToken);
            }
        }

        return marked;
    }

    /// <summary>Takes a payment mark back (a mistake): administrators only, audited.</summary>
    public async Task<RoyaltyOutcome> MarkUnpaidAsync(int articleId, ClaimsPrincipal user, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(user)))
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAllowed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginSerializedTransactionAsync(SerializedWrites.Royalties, cancellationToken);
        var royalty = await db.StoryRoyalties.FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        if (royalty is null)
        {
            return RoyaltyOutcome.Refused(RoyaltyProblem.NotAssessed);
        }

        if (royalty.PaidAtUtc is { } paidAt)
        {
            royalty.PaidAtUtc = null;
            royalty.PaidById = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await audit.RecordStoryAsync(RoyaltyAudit.Unpaid, user, articleId, details: $"Bỏ đánh dấu đã trả lúc {time.Format(paidAt)}", clientAddress: clientAddress, cancellationToken: cancellationToken);
        }

        return RoyaltyOutcome.Done;
    }

    /// <summary>
    /// The report as CSV: UTF-8 with a byte order mark (Excel shows Vietnamese), RFC 4180 quoting, text that
    /// could start a formula neutralised; amounts as plain whole numbers so a spreadsheet adds them.
    /// </summary>
    public async Task<byte[]> CsvAsync(RoyaltyMonth month, Func<string, string> text, CancellationToken cancellationToken = default)
    {
        var report = await ReportAsync(month, cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        csv.Append(CsvText.Line(new[]
        {
            "Csv.Person", "Csv.Story", "Csv.StoryId", "Csv.PublishedAt", "Csv.Genre", "Csv.Role", "Csv.Coefficient", "Csv.Percent",
            "Csv.UnitValue", "Csv.Amount", "Csv.Status",
        }.Select(key => CsvText.Field(text("Royalty." + key)))));
        foreach (var person in report.People)
        {
            foreach (var line in person.Lines)
            {
                var status = line.PaidAtUtc is { } paid ? text("Royalty.Csv.Paid") + " " + time.FormatDate(paid)
                    : line.Overdue ? text("Royalty.Csv.Overdue")
                    : text("Royalty.Csv.Unpaid");
                csv.Append(CsvText.Line(
                [
                    CsvText.Field(person.Name),
                    CsvText.Field(line.Title),
                    line.ArticleId.ToString(CultureInfo.InvariantCulture),
                    CsvText.Field(time.Format(line.PublishedAtUtc)),
                    CsvText.Field(line.Genre),
                    CsvText.Field(text($"Royalty.Role.{line.Role}")),
                    CsvText.Field(line.Coefficient),
                    CsvText.Field(line.Percent),
                    line.UnitValueVnd is { } unit ? CsvText.Field(unit) : "",
                    line.Amount is { } amount ? CsvText.Field(amount) : "",
                    CsvText.Field(status),
                ]));
            }

            csv.Append(CsvText.Line([CsvText.Field(person.Name), CsvText.Field(text("Royalty.Csv.PersonTotal")), "", "", "", "", "", "", "", CsvText.Field(person.Total), ""]));
        }

        csv.Append(CsvText.Line(["", CsvText.Field(text("Royalty.Csv.GrandTotal")), "", "", "", "", "", "", "", CsvText.Field(report.Total), ""]));
        return CsvText.Encode(csv.ToString());
    }
}
