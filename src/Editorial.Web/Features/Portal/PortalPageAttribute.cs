namespace Editorial.Web.Features.Portal;

/// <summary>
/// Marks a public page that is the same for every reader and holds no form: it is served without an
/// antiforgery cookie or "no-store" headers (<see cref="PortalAntiforgery"/>) and without Blazor's
/// persisted component state (<see cref="PortalRegistration.WithStaticPortalPages"/>), so that the output
/// cache may keep it and the HTML carries nothing per visitor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PortalPageAttribute : Attribute;
