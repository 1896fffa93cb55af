using System.Globalization;
using System.Text;
using Editorial.Core.Accounts;
using Editorial.Core.Time;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Administration;

/// <summary>
/// <c>GET /admin/audit/export.csv?user=&amp;story=&amp;action=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: the audit
/// entries the log's filters select, as CSV for Excel — UTF-8 with a byte-order mark (or Excel reads Vietnamese
/// as mojibake), RFC 4180 quoting, and cells that would start a formula made inert.
/// </summary>
public static class AuditExport
{
    public const string Route = "/admin/audit/export.csv";

    private static readonly string[] FormulaStarts = ["=", "+", "-", "@", "\t", "\r"];

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ExportAsync);
        return endpoints;
    }

    /// <summary>The export's address for a filter, as the log's button links to it.</summary>
    public static string UrlFor(AuditFilter filter)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("user", filter.User);
        Add("story", filter.Story);
        Add("action", filter.Action);
        Add("from", filter.From?.ToString(AuditFilter.DateFormat, CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString(AuditFilter.DateFormat, CultureInfo.InvariantCulture));
        return query.Count == 0 ? Route : Route + "?" + string.Join('&', query);
    }

    /// <summary>One CSV field: quoted when it holds a comma, quote or line break (quotes doubled), and prefixed
    /// with ' when a spreadsheet would read it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Any(start => value.StartsWith(start, StringComparison.Ordinal)))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static async Task ExportAsync(
        HttpContext context,
        [FromServices] AuditTrail trail,
        [FromServices] PortalTime time,
        [FromServices] IAuthorizationService authorization,
        [FromServices] IStringLocalizer<UiText> text)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await PlainAsync(response, StatusCodes.Status401Unauthorized, text["Workflow.SignInRequired"]);
            return;
        }

        // Answered here rather than by the cookie handler, which would redirect a script to the access-denied page.
        if (!(await authorization.AuthorizeAsync(context.User, Policies.Administer)).Succeeded)
        {
            await PlainAsync(response, StatusCodes.Status403Forbidden, text["Audit.Export.Forbidden"]);
            return;
        }

        var query = context.Request.Query;
        if (!TryDate(query["from"], out var from) || !TryDate(query["to"], out var to))
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, text["Audit.Filter.BadDate"]);
            return;
        }

        if (from is { } start && to is { } end && start > end)
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, text["Audit.Filter.FromAfterTo"]);
            return;
        }

        var filter = new AuditFilter(query["user"], query["story"], query["action"], from, to);
        response.ContentType = "text/csv; charset=utf-8";
        var fileName = $"nhat-ky-{time.Now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteAsync('\uFEFF'); // the byte-order mark Excel needs to read UTF-8
        await WriteLineAsync(writer,
        [
            text["Audit.Column.At"], text["Audit.Column.User"], text["Audit.Export.ActionCode"], text["Audit.Column.Action"],
            text["Audit.Export.StoryId"], text["Audit.Export.StoryTitle"], text["Audit.Export.From"], text["Audit.Export.To"],
            text["Audit.Export.Note"], text["Audit.Column.Details"], text["Audit.Column.Client"],
        ]);

        await foreach (var row in trail.ExportAsync(context.User, filter, context.RequestAborted))
        {
            var refused = row.Action == WorkflowAudit.Refused;
            await WriteLineAsync(writer,
            [
                time.Format(row.AtUtc),
                row.UserName,
                row.Action,
                Label(text, "Audit.Action.", row.Action),
                row.ArticleId?.ToString(CultureInfo.InvariantCulture),
                row.StoryTitle,
                row.FromState is { } fromState ? Label(text, "State.", fromState) : null,
                row.ToState is { } toState ? Label(text, "State.", toState) : null,
                refused && row.Note is { } reason ? Label(text, "Workflow.Refusal.", reason) : row.Note,
                refused && row.Details is { } tried ? Label(text, "Audit.Action.", tried) : row.Details,
                row.ClientAddress,
            ]);
        }
    }

    /// <summary>The text for <c>prefix + code</c>, or the code itself for one nobody has given a text yet.</summary>
    private static string Label(IStringLocalizer text, string prefix, string code)
    {
        var label = text[prefix + code];
        return label.ResourceNotFound ? code : label.Value;
    }

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> fields) =>
        writer.WriteAsync(string.Join(',', fields.Select(Field)) + "\r\n");

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), [AuditFilter.DateFormat, PortalTime.DateFormat], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static async Task PlainAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(message);
    }
}
