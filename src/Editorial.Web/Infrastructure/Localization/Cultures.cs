using Editorial.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Localization;

namespace Editorial.Web.Infrastructure.Localization;

/// <summary>The UI languages offered, and the endpoint that switches between them.</summary>
public static class Cultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Vietnamese, English];

    public static IServiceCollection AddEditorialLocalization(this IServiceCollection services, string defaultCulture)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(defaultCulture)
                .AddSupportedCultures(Supported)
                .AddSupportedUICultures(Supported);

            // Only an explicit choice (cookie, or ?culture= for links) changes the language: a browser's
            // Accept-Language must not turn a Vietnamese newsroom's screens English.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>GET /culture/set?culture=en-US&amp;returnUrl=/editorial remembers the choice for a year.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Vietnamese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }
}
