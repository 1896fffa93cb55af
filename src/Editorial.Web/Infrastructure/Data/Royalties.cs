namespace Editorial.Web.Infrastructure.Data;

/// <summary>A genre of story paid by royalty (nhuận bút), with the coefficient range an editor may choose in.</summary>
public sealed class RoyaltyGenre
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public decimal MinCoefficient { get; set; }

    public decimal MaxCoefficient { get; set; }

    public int SortOrder { get; set; }

    public bool IsRetired { get; set; }
}

/// <summary>The money one coefficient point is worth, in VND, from a date on (the one in force at publication applies).</summary>
public sealed class RoyaltyUnitValue
{
    public int Id { get; set; }

    public decimal AmountVnd { get; set; }

    public DateTimeOffset EffectiveFromUtc { get; set; }
}

/// <summary>An editor's royalty assessment of one published story.</summary>
public sealed class StoryRoyalty
{
    /// <summary>The story (one assessment per story).</summary>
    public int ArticleId { get; set; }

    public int GenreId { get; set; }

    public decimal Coefficient { get; set; }

    public string AssessedById { get; set; } = "";

    public DateTimeOffset AssessedAtUtc { get; set; }

    public DateTimeOffset? PaidAtUtc { get; set; }

    public string? PaidById { get; set; }

    public List<RoyaltyShare> Shares { get; set; } = [];
}

/// <summary>Who gets which part of a story's royalty: an author or a photographer, by account or by name.</summary>
public sealed class RoyaltyShare
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>The account, when the person has one; bylines may name outside contributors.</summary>
    public string? UserId { get; set; }

    public string PersonName { get; set; } = "";

    /// <summary>"Author" or "Photographer".</summary>
    public string Role { get; set; } = "Author";

    /// <summary>Percent of the story's royalty; a story's shares add up to 100.</summary>
    public decimal Percent { get; set; }
}
