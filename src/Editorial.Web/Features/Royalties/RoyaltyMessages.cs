using Editorial.Core.Royalties;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Royalties;

/// <summary>Words a refusal in the interface language: <c>Royalty.Problem.{name}</c> with its values (1,5 — 100.000 đ).</summary>
public static class RoyaltyMessages
{
    public static string Describe(IStringLocalizer<UiText> text, RoyaltyRefusal refusal) =>
        text[$"Royalty.Problem.{refusal.Problem}", refusal.Args.Select(a => a is decimal d ? RoyaltyText.Number(d) : a).ToArray()];
}
