using Microsoft.AspNetCore.Antiforgery;

namespace Editorial.Web.Features.Portal;

/// <summary>
/// The framework's antiforgery service, except that on <see cref="PortalPageAttribute"/> pages nothing is
/// stored: Blazor asks for tokens on every page it renders, which would set a cookie and
/// "Cache-Control: no-cache, no-store" on public pages that have no form to protect, and both keep the
/// output cache from storing them. Tokens are still made (not stored), so a component asking for one works.
/// </summary>
internal sealed class PortalAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsPortalPage(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        if (!IsPortalPage(httpContext))
        {
            inner.SetCookieTokenAndHeader(httpContext);
        }
    }

    // Only safe reads: a POST to a portal page (none has a form) still goes through the full checks.
    internal static bool IsPortalPage(HttpContext httpContext) =>
        (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
        && httpContext.GetEndpoint()?.Metadata.GetMetadata<PortalPageAttribute>() is not null;
}
