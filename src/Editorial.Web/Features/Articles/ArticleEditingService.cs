using System.Security.Claims;
using System.Text.Json;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Articles;

public enum SaveMode
{
    /// <summary>The writer pressed Save or Ctrl+S.</summary>
    Manual,

    /// <summary>A few seconds after typing stopped, or on leaving the page.</summary>
    Autosave,

    /// <summary>After a conflict the writer chose to keep their version; the other person's stays as a revision.</summary>
    KeepMine,
}

/// <summary>A story as the editor page shows it.</summary>
public sealed record ArticleDraft(
    int Id,
    ArticleContent Content,
    ArticleState State,
    int Version,
    string AuthorId,
    string UpdatedByName,
    DateTimeOffset UpdatedAtUtc,
    bool CanEdit);

public abstract record SaveResult
{
    public sealed record Saved(int Id, int Version, string Slug, int RevisionNumber, DateTimeOffset SavedAtUtc) : SaveResult;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : SaveResult;

    /// <summary>Someone else saved after the writer opened the story; nothing was written.</summary>
    public sealed record Conflict(ArticleDraft Theirs) : SaveResult;

    public sealed record Forbidden : SaveResult;

    /// <summary>
    /// Someone else (an editor who took over) now holds the story for editing. Nothing current was
    /// changed; the writer's text was kept as a set-aside revision so it is not lost.
    /// </summary>
    public sealed record TakenOver(string HolderName, DateTimeOffset SinceUtc, int SetAsideRevision) : SaveResult;

    public sealed record NotFound : SaveResult;
}

public sealed record RevisionSummary(int Number, RevisionKind Kind, int? RestoredFromNumber, string Title, string AuthorName, DateTimeOffset CreatedAtUtc, DateTimeOffset UpdatedAtUtc);

/// <summary>
/// Saves stories without ever losing an edit: every text is stored NFC and sanitised, every save makes
/// a revision (one person's consecutive autosaves fold into one), and a save based on an older version
/// than the stored one is refused as a conflict instead of overwriting someone else's work.
/// </summary>
public sealed class ArticleEditingService(
    IDbContextFactory<EditorialDbContext> contextFactory,
    StoryBodySanitizer sanitizer,
    TimeProvider clock,
    IEnumerable<IPublicStoryListener>? publicListeners = null)
{
    // Stored, never embedded in HTML: keep Vietnamese letters and markup readable (and 2–4× smaller).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<ArticleDraft?> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || !ArticlePermissions.CanView(AccountIdentity.IdOf(user), RolesOf(user), article.CreatedById, article.State))
        {
            return null;
        }

        return await ToDraftAsync(db, article, user, cancellationToken);
    }

    public async Task<SaveResult> SaveAsync(int? id, ArticleContent content, int baseVersion, SaveMode mode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var result = await SaveCoreAsync(id, content, baseVersion, mode, restoredFrom: null, user, cancellationToken);

        // Two new stories with the same title at the same moment: the unique index refused the slug the
        // second one derived from its title. Derive it again; only a slug the writer typed is "taken".
        if (result is SaveResult.Invalid { Errors: [{ Code: "taken" }] } && string.IsNullOrWhiteSpace(content.Slug))
        {
            result = await SaveCoreAsync(id, content, baseVersion, mode, restoredFrom: null, user, cancellationToken);
        }

        return result;
    }

    private async Task<SaveResult> SaveCoreAsync(
        int? id, ArticleContent content, int baseVersion, SaveMode mode, int? restoredFrom, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = AccountIdentity.IdOf(user);
        var roles = RolesOf(user);
        if (!Policies.IsGranted(Policies.Write, roles))
        {
            return new SaveResult.Forbidden();
        }

        content = Prepare(content);
        var errors = ArticleValidation.Validate(content).ToList();
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();

        Article article;
        if (id is null)
        {
            article = new Article { CreatedById = userId, CreatedAtUtc = now, State = ArticleState.Draft, Kind = content.Kind };
            db.Articles.Add(article);
        }
        else
        {
            var found = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (found is null)
            {
                return new SaveResult.NotFound();
            }

            if (!ArticlePermissions.CanEdit(userId, roles, found.CreatedById, found.State))
            {
                return new SaveResult.Forbidden();
            }

            // An editor took the story over: the writer's text goes aside as a revision, never over theirs.
            if (await EditingLeaseService.OtherHolderAsync(db, found.Id, userId, now, cancellationToken) is { } holder)
            {
                var setAside = await SetAsideAsync(db, found.Id, content, userId, now, cancellationToken);
                return new SaveResult.TakenOver(holder.Name, holder.Since, setAside);
            }

            if (found.Version != baseVersion && mode != SaveMode.KeepMine)
            {
                return new SaveResult.Conflict((await ToDraftAsync(db, found, user, cancellationToken))!);
            }

            article = found;
        }

        var slug = await ResolveSlugAsync(db, article.Id, content, cancellationToken);
        if (slug is null)
        {
            return new SaveResult.Invalid([new ValidationError(nameof(ArticleContent.Slug), "taken")]);
        }

        content = content with { Slug = slug };
        Apply(article, content, userId, now);
        var expectedVersion = article.Version;
        article.Version = expectedVersion + 1;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the stored version wins, ours is refused.
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Articles.AsNoTracking().FirstAsync(a => a.Id == article.Id, cancellationToken);
            return new SaveResult.Conflict((await ToDraftAsync(fresh, theirs, user, cancellationToken))!);
        }
        catch (DbUpdateException)
        {
            // Two writers raced for the same slug: the unique index refused the second one.
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await SlugTakenAsync(fresh, id ?? 0, slug, cancellationToken))
            {
                return new SaveResult.Invalid([new ValidationError(nameof(ArticleContent.Slug), "taken")]);
            }

            throw;
        }

        var revision = await RecordRevisionAsync(db, article.Id, content, mode, restoredFrom, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Readers see the edit of a published story at once: cached pages and the search index follow.
        if (article.State == ArticleState.Published)
        {
            foreach (var listener in publicListeners ?? [])
            {
                await listener.StoryChangedAsync(article.Id, cancellationToken);
            }
        }

        return new SaveResult.Saved(article.Id, article.Version, slug, revision.Number, now);
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MaySeeRevisionsAsync(id, user, cancellationToken))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(
                r.Number, r.Kind, r.RestoredFromNumber, r.Title,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.FullName).FirstOrDefault() ?? "",
                r.CreatedAtUtc, r.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    public async Task<ArticleContent?> GetRevisionAsync(int id, int number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MaySeeRevisionsAsync(id, user, cancellationToken))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && r.Number == number)
            .Select(r => r.ContentJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ArticleContent>(json, Json);
    }

    /// <summary>Makes an old revision current again, as a new revision: nothing is deleted.</summary>
    public async Task<SaveResult> RestoreAsync(int id, int number, int baseVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var old = await GetRevisionAsync(id, number, user, cancellationToken);
        return old is null
            ? new SaveResult.NotFound()
            : await SaveCoreAsync(id, old, baseVersion, SaveMode.Manual, restoredFrom: number, user, cancellationToken);
    }

    /// <summary>A story's history is for its author and editors, not for every reader of the published story.</summary>
    private async Task<bool> MaySeeRevisionsAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await LoadAsync(id, user, cancellationToken) is { } draft && (draft.CanEdit || draft.AuthorId == AccountIdentity.IdOf(user));

    private ArticleContent Prepare(ArticleContent content)
    {
        content = ArticleContentNormalizer.Normalize(content);
        return content with { BodyHtml = sanitizer.Sanitize(content.BodyHtml) };
    }

    private static void Apply(Article article, ArticleContent content, string userId, DateTimeOffset now)
    {
        article.Title = content.Title;
        article.TitleFolded = VietnameseText.Fold(content.Title);
        article.Slug = content.Slug;
        article.Kind = content.Kind;
        article.CategoryId = content.CategoryId;
        article.Lead = content.Lead;
        article.BodyHtml = content.BodyHtml;
        article.FeaturedImageId = content.FeaturedImageId;
        article.FeaturedImageCaption = content.FeaturedImageCaption;
        article.Byline = content.Byline;
        article.Tags = content.Tags.ToList();
        article.EventAtUtc = content.EventAtUtc;
        article.MeetingJson = content.Meeting is null ? null : JsonSerializer.Serialize(content.Meeting, Json);
        article.UpdatedById = userId;
        article.UpdatedAtUtc = now;
    }

    private static async Task<ArticleRevision> RecordRevisionAsync(
        EditorialDbContext db, int articleId, ArticleContent content, SaveMode mode, int? restoredFrom, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(content, Json);
        var latest = await db.ArticleRevisions
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);

        // One person's run of autosaves (and the save that ends it) is one revision, not hundreds.
        // A restore never folds: the autosaved text it replaces stays as its own revision.
        if (latest is { Kind: RevisionKind.Autosave } && latest.AuthorId == userId && mode != SaveMode.KeepMine && restoredFrom is null)
        {
            latest.ContentJson = json;
            latest.Title = content.Title;
            latest.Kind = mode == SaveMode.Autosave ? RevisionKind.Autosave : RevisionKind.Save;
            latest.UpdatedAtUtc = now;
            return latest;
        }

        var revision = new ArticleRevision
        {
            ArticleId = articleId,
            Number = (latest?.Number ?? 0) + 1,
            Kind = restoredFrom is not null ? RevisionKind.Restore : mode switch
            {
                SaveMode.Autosave => RevisionKind.Autosave,
                SaveMode.KeepMine => RevisionKind.KeptAfterConflict,
                _ => RevisionKind.Save,
            },
            RestoredFromNumber = restoredFrom,
            ContentJson = json,
            Title = content.Title,
            AuthorId = userId,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.ArticleRevisions.Add(revision);
        return revision;
    }

    /// <summary>Keeps a writer's refused text as a revision that is not current; consecutive ones fold together.</summary>
    private static async Task<int> SetAsideAsync(EditorialDbContext db, int articleId, ArticleContent content, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(content, Json);
        var latest = await db.ArticleRevisions
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is { Kind: RevisionKind.SetAside } && latest.AuthorId == userId)
        {
            latest.ContentJson = json;
            latest.Title = content.Title;
            latest.UpdatedAtUtc = now;
        }
        else
        {
            latest = new ArticleRevision
            {
                ArticleId = articleId,
                Number = (latest?.Number ?? 0) + 1,
                Kind = RevisionKind.SetAside,
                ContentJson = json,
                Title = content.Title,
                AuthorId = userId,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            db.ArticleRevisions.Add(latest);
        }

        await db.SaveChangesAsync(cancellationToken);
        return latest.Number;
    }

    /// <summary>The writer's slug (folded) or one made from the title; null when the writer's is taken.</summary>
    private static async Task<string?> ResolveSlugAsync(EditorialDbContext db, int articleId, ArticleContent content, CancellationToken cancellationToken)
    {
        var requested = VietnameseText.Slugify(content.Slug, ArticleLimits.SlugMaxLength);
        if (requested.Length > 0)
        {
            return await SlugTakenAsync(db, articleId, requested, cancellationToken) ? null : requested;
        }

        var fromTitle = VietnameseText.Slugify(content.Title, ArticleLimits.SlugMaxLength - 6);
        if (fromTitle.Length == 0)
        {
            fromTitle = "bai-viet";
        }

        var candidate = fromTitle;
        for (var n = 2; await SlugTakenAsync(db, articleId, candidate, cancellationToken); n++)
        {
            candidate = $"{fromTitle}-{n}";
        }

        return candidate;
    }

    private static Task<bool> SlugTakenAsync(EditorialDbContext db, int articleId, string slug, CancellationToken cancellationToken) =>
        db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken);

    private static async Task<ArticleDraft?> ToDraftAsync(EditorialDbContext db, Article article, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var updatedBy = await db.Users.Where(u => u.Id == article.UpdatedById).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var content = new ArticleContent
        {
            Title = article.Title,
            Slug = article.Slug,
            CategoryId = article.CategoryId,
            Lead = article.Lead,
            BodyHtml = article.BodyHtml,
            FeaturedImageId = article.FeaturedImageId,
            FeaturedImageCaption = article.FeaturedImageCaption,
            Byline = article.Byline,
            Tags = article.Tags,
            EventAtUtc = article.EventAtUtc,
            Kind = article.Kind,
            Meeting = article.MeetingJson is null ? null : JsonSerializer.Deserialize<MeetingDetails>(article.MeetingJson, Json),
        };
        var canEdit = ArticlePermissions.CanEdit(AccountIdentity.IdOf(user), RolesOf(user), article.CreatedById, article.State);
        return new ArticleDraft(article.Id, content, article.State, article.Version, article.CreatedById, updatedBy, article.UpdatedAtUtc, canEdit);
    }

    private static IReadOnlyCollection<string> RolesOf(ClaimsPrincipal user) => Roles.Of(user);
}
