using System.Globalization;
using Editorial.Core.Accounts;
using Editorial.Core.Royalties;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Royalties;

/// <summary>Royalties (nhuận bút): services, the start-up example seeding and the CSV export endpoint.</summary>
public static class RoyaltyRegistration
{
    public const string CsvRoute = "/editorial/royalties/report.csv";

    public static IServiceCollection AddEditorialRoyalties(this IServiceCollection services)
    {
        services.AddScoped<RoyaltySettingsService>();
        services.AddScoped<RoyaltyAssessmentService>();
        services.AddScoped<RoyaltyReportService>();
        services.AddSingleton<RoyaltySeed>();
        services.AddHostedService(sp => sp.GetRequiredService<RoyaltySeed>());
        return services;
    }

    public static IEndpointRouteBuilder MapRoyaltyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, ExportAsync);
        return endpoints;
    }

    /// <summary>GET /editorial/royalties/report.csv?month=2017-04: editors and administrators; others get 403 with a Vietnamese reason.</summary>
    private static async Task<IResult> ExportAsync(
        HttpContext context,
        string? month,
        [FromServices] RoyaltyReportService reports,
        [FromServices] IAuthorizationService authorization,
        [FromServices] IStringLocalizer<UiText> text)
    {
        // The workstation gate has already sent anonymous visitors to the sign-in page.
        if (!(await authorization.AuthorizeAsync(context.User, Policies.Review)).Succeeded)
        {
            return Results.Text(text["Royalty.Problem.NotAllowed"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!RoyaltyMonth.TryParse(month, out var parsed))
        {
            return Results.Text(text["Royalty.BadMonth"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var bytes = await reports.CsvAsync(parsed, key => text[key], context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(bytes, "text/csv; charset=utf-8", $"nhuan-but-{parsed}.csv");
    }
}
