namespace Editorial.Web.Infrastructure.Data;

/// <summary>A section of the portal (chuyên mục), such as "Hoạt động của tỉnh".</summary>
public sealed class Category
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsHidden { get; set; }

    /// <summary>One level of nesting: a sub-category names its parent; a parent has none.</summary>
    public int? ParentId { get; set; }
}
