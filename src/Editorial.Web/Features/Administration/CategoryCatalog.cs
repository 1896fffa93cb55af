using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Text;
using Editorial.Web.Features.Portal;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Administration;

/// <summary>
/// A category as lists show it. <see cref="ParentId"/> names the parent of a sub-category (one level only);
/// <see cref="ChildCount"/> how many sub-categories a parent has.
/// </summary>
public sealed record CategoryRow(int Id, string Name, string Slug, int SortOrder, bool IsHidden, int StoryCount, int? ParentId = null, int ChildCount = 0)
{
    public bool IsChild => ParentId is not null;
}

/// <summary>What an administrator typed for a category: the slug may be empty (made from the name).</summary>
public sealed record CategoryInput(string? Name, string? Slug, int? ParentId);

/// <summary>
/// The outcome of a change: done (with the category's id), or refused with a <c>Categories.Error.*</c> text
/// key and its arguments. A refusal changes nothing.
/// </summary>
public sealed record CategoryChange(bool Succeeded, int? Id, string? ErrorKey, params object[] Arguments)
{
    public static CategoryChange Done(int id) => new(true, id, null);

    public static CategoryChange Refused(string errorKey, params object[] arguments) => new(false, null, errorKey, arguments);
}

public enum CategoryMove
{
    Up,
    Down,
}

/// <summary>
/// The portal's categories (chuyên mục): listed for every page that offers them, and changed by administrators
/// only (checked here again, whatever the page shows). Every change is audited and evicts the public pages.
/// </summary>
/// <remarks>
/// The audit trail and the portal cache are optional so that pages which only list categories can use this
/// service without them (tests register it alone); changing a category without them is a programming error.
/// </remarks>
public sealed class CategoryCatalog(IDbContextFactory<EditorialDbContext> contextFactory, AuditTrail? audit = null, PortalCache? cache = null)
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 100;

    /// <summary>
    /// Every category, hidden ones included: parents in their order, each followed by its sub-categories in
    /// theirs. Pages that offer a choice of category for new work leave out <see cref="CategoryRow.IsHidden"/> ones.
    /// </summary>
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new CategoryRow(
                c.Id, c.Name, c.Slug, c.SortOrder, c.IsHidden,
                db.Articles.Count(a => a.CategoryId == c.Id),
                c.ParentId,
                db.Categories.Count(child => child.ParentId == c.Id)))
            .ToListAsync(cancellationToken);
        return InTreeOrder(rows);
    }

    public async Task<CategoryChange> CreateAsync(ClaimsPrincipal caller, CategoryInput input, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        if (Validate(input.Name, input.Slug) is { } refusal)
        {
            return refusal;
        }

        var name = CleanName(input.Name!);
        var slug = SlugOf(input.Name!, input.Slug);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.SlugTaken", slug);
        }

        if (input.ParentId is { } parentId && await CheckParentAsync(db, null, parentId, cancellationToken) is { } parentRefusal)
        {
            return parentRefusal;
        }

        var category = new Category
        {
            Name = name,
            Slug = slug,
            ParentId = input.ParentId,
            SortOrder = await NextSortOrderAsync(db, input.ParentId, cancellationToken),
        };
        db.Categories.Add(category);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.SlugTaken", slug);
        }

        await AfterChangeAsync(AuditActions.CategoryCreated, caller, $"{name} ({slug})", clientAddress, cancellationToken);
        return CategoryChange.Done(category.Id);
    }

    /// <summary>Changes the name and the slug (an empty slug is made from the new name).</summary>
    public async Task<CategoryChange> RenameAsync(ClaimsPrincipal caller, int id, string? name, string? slug, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        if (Validate(name, slug) is { } refusal)
        {
            return refusal;
        }

        var newName = CleanName(name!);
        var newSlug = SlugOf(name!, slug);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChange.Refused("Categories.Error.NotFound");
        }

        if (category.Name == newName && category.Slug == newSlug)
        {
            return CategoryChange.Done(id);
        }

        if (await db.Categories.AnyAsync(c => c.Slug == newSlug && c.Id != id, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.SlugTaken", newSlug);
        }

        var before = $"{category.Name} ({category.Slug})";
        category.Name = newName;
        category.Slug = newSlug;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.SlugTaken", newSlug);
        }

        await AfterChangeAsync(AuditActions.CategoryRenamed, caller, $"{before} → {newName} ({newSlug})", clientAddress, cancellationToken);
        return CategoryChange.Done(id);
    }

    /// <summary>Moves a category one place up or down among its siblings (same parent, or top level).</summary>
    public async Task<CategoryChange> MoveAsync(ClaimsPrincipal caller, int id, CategoryMove direction, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChange.Refused("Categories.Error.NotFound");
        }

        var siblings = await db.Categories.Where(c => c.ParentId == category.ParentId).ToListAsync(cancellationToken);
        siblings = siblings.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
        var index = siblings.FindIndex(c => c.Id == id);
        var target = direction == CategoryMove.Up ? index - 1 : index + 1;
        if (target < 0 || target >= siblings.Count)
        {
            return CategoryChange.Done(id); // already first or last: nothing to do
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        var details = $"{category.Name} ({category.Slug}): {(direction == CategoryMove.Up ? "↑" : "↓")} {index + 1} → {target + 1}";
        await AfterChangeAsync(AuditActions.CategoryMoved, caller, details, clientAddress, cancellationToken);
        return CategoryChange.Done(id);
    }

    /// <summary>
    /// Puts a category under a parent, or back to the top level (<paramref name="parentId"/> null). One level
    /// only: the parent must be a top-level category, and a category with sub-categories cannot become one.
    /// </summary>
    public async Task<CategoryChange> SetParentAsync(ClaimsPrincipal caller, int id, int? parentId, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChange.Refused("Categories.Error.NotFound");
        }

        if (category.ParentId == parentId)
        {
            return CategoryChange.Done(id);
        }

        string? parentName = null;
        if (parentId is { } newParent)
        {
            if (await CheckParentAsync(db, category, newParent, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            parentName = await db.Categories.Where(c => c.Id == newParent).Select(c => c.Name).SingleAsync(cancellationToken);
        }

        category.ParentId = parentId;
        category.SortOrder = await NextSortOrderAsync(db, parentId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var details = $"{category.Name} ({category.Slug}) → {parentName ?? "/"}";
        await AfterChangeAsync(AuditActions.CategoryMoved, caller, details, clientAddress, cancellationToken);
        return CategoryChange.Done(id);
    }

    /// <summary>Hides a category from the portal's navigation and home page and from new stories; its stories keep it.</summary>
    public async Task<CategoryChange> SetHiddenAsync(ClaimsPrincipal caller, int id, bool hidden, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChange.Refused("Categories.Error.NotFound");
        }

        if (category.IsHidden == hidden)
        {
            return CategoryChange.Done(id);
        }

        category.IsHidden = hidden;
        await db.SaveChangesAsync(cancellationToken);
        await AfterChangeAsync(hidden ? AuditActions.CategoryHidden : AuditActions.CategoryShown, caller, $"{category.Name} ({category.Slug})", clientAddress, cancellationToken);
        return CategoryChange.Done(id);
    }

    /// <summary>Deletes a category that no story (in any state) uses and that has no sub-categories; otherwise refuses.</summary>
    public async Task<CategoryChange> DeleteAsync(ClaimsPrincipal caller, int id, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChange.Refused("Categories.Error.NotFound");
        }

        var stories = await db.Articles.CountAsync(a => a.CategoryId == id, cancellationToken);
        if (stories > 0)
        {
            return CategoryChange.Refused("Categories.Error.HasStories", category.Name, stories);
        }

        if (await db.Categories.AnyAsync(c => c.ParentId == id, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.HasChildren", category.Name);
        }

        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A story was given this category between the check and the delete (the foreign key refuses).
            return CategoryChange.Refused("Categories.Error.HasStories", category.Name, 1);
        }

        await AfterChangeAsync(AuditActions.CategoryDeleted, caller, $"{category.Name} ({category.Slug})", clientAddress, cancellationToken);
        return CategoryChange.Done(id);
    }

    /// <summary>The slug a name gives, as the page proposes it while typing.</summary>
    public static string ProposeSlug(string? name) => VietnameseText.Slugify(name ?? "", SlugMaxLength);

    internal static IReadOnlyList<CategoryRow> InTreeOrder(IReadOnlyList<CategoryRow> rows)
    {
        static IOrderedEnumerable<CategoryRow> Ordered(IEnumerable<CategoryRow> items) =>
            items.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id);

        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);
        var result = new List<CategoryRow>(rows.Count);
        foreach (var parent in Ordered(rows.Where(r => r.ParentId is null || !ids.Contains(r.ParentId.Value))))
        {
            result.Add(parent);
            result.AddRange(Ordered(children[parent.Id]));
        }

        return result;
    }

    private static CategoryChange? Validate(string? name, string? slug)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CategoryChange.Refused("Categories.Error.NameRequired");
        }

        if (CleanName(name).Length > NameMaxLength)
        {
            return CategoryChange.Refused("Categories.Error.NameTooLong", NameMaxLength);
        }

        if (!string.IsNullOrWhiteSpace(slug) && slug.Trim().Length > SlugMaxLength * 2)
        {
            return CategoryChange.Refused("Categories.Error.SlugTooLong", SlugMaxLength);
        }

        if (SlugOf(name, slug).Length == 0)
        {
            return CategoryChange.Refused("Categories.Error.SlugEmpty");
        }

        return null;
    }

    private static string CleanName(string name) => string.Join(' ', VietnameseText.Normalize(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The typed slug made URL-safe (so "Tin Kinh Tế" becomes "tin-kinh-te"), or the name's when none was typed.</summary>
    private static string SlugOf(string name, string? slug) =>
        VietnameseText.Slugify(string.IsNullOrWhiteSpace(slug) ? name : slug, SlugMaxLength);

    private static async Task<CategoryChange?> CheckParentAsync(EditorialDbContext db, Category? category, int parentId, CancellationToken cancellationToken)
    {
        if (category is not null && category.Id == parentId)
        {
            return CategoryChange.Refused("Categories.Error.OwnParent");
        }

        var parent = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        if (parent is null)
        {
            return CategoryChange.Refused("Categories.Error.ParentNotFound");
        }

        if (parent.ParentId is not null)
        {
            return CategoryChange.Refused("Categories.Error.ParentIsChild", parent.Name);
        }

        if (category is not null && await db.Categories.AnyAsync(c => c.ParentId == category.Id, cancellationToken))
        {
            return CategoryChange.Refused("Categories.Error.HasChildrenCannotNest", category.Name);
        }

        return null;
    }

    private static async Task<int> NextSortOrderAsync(EditorialDbContext db, int? parentId, CancellationToken cancellationToken) =>
        (await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1;

    private static async Task<bool> TrySaveAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index on the slug: someone took it between the check and the save.
            return false;
        }
    }

    private void Demand(ClaimsPrincipal caller)
    {
        if (!Policies.IsGranted(Policies.Administer, Roles.Of(caller)))
        {
            throw new UnauthorizedAccessException("Only administrators can change categories.");
        }

        if (audit is null || cache is null)
        {
            throw new InvalidOperationException("CategoryCatalog needs the audit trail and the portal cache to change categories.");
        }
    }

    private async Task AfterChangeAsync(string action, ClaimsPrincipal caller, string details, string? clientAddress, CancellationToken cancellationToken)
    {
        await audit!.RecordAsync(action, caller, details, clientAddress, cancellationToken);
        await cache!.EvictAsync(cancellationToken);
    }
}
