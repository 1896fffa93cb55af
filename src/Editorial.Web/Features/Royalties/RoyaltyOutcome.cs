using Editorial.Core.Royalties;

namespace Editorial.Web.Features.Royalties;

/// <summary>What a royalty change came to: done, or refused with a reason the page words (<c>Royalty.Problem.*</c>).</summary>
public sealed record RoyaltyOutcome(RoyaltyRefusal? Refusal)
{
    public static readonly RoyaltyOutcome Done = new((RoyaltyRefusal?)null);

    public bool Succeeded => Refusal is null;

    public static RoyaltyOutcome Refused(RoyaltyProblem problem, params object[] args) => new(new RoyaltyRefusal(problem, args));

    public static implicit operator RoyaltyOutcome(RoyaltyRefusal? refusal) => refusal is null ? Done : new(refusal);
}
