using Editorial.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Editorial.Web.Features.Administration.Backup;

/// <summary>
/// <c>GET /admin/backup/archives/{name}</c>: an administrator downloads an archive (audited). Anyone else signed
/// in gets 403 (not a redirect: it is a file, not a page); anonymous people meet the workstation gate. Only
/// names the backup writes are served, from the backups folder, so no other file can be reached.
/// </summary>
public static class BackupEndpoints
{
    public const string ArchivesPath = "/admin/backup/archives";

    public static string DownloadUrl(string fileName) => $"{ArchivesPath}/{Uri.EscapeDataString(fileName)}";

    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(ArchivesPath + "/{name}", [HttpMethods.Get, HttpMethods.Head], DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context,
        string name,
        [FromServices] BackupService backups,
        [FromServices] IAuthorizationService authorization,
        [FromServices] AuditTrail audit)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Challenge();
        }

        if (!(await authorization.AuthorizeAsync(context.User, Policies.Administer)).Succeeded)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var path = backups.ArchivePath(name);
        if (path is null)
        {
            return Results.NotFound();
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            await audit.RecordAsync(
                AuditActions.SystemBackupDownloaded, context.User.Identity.Name ?? "", name,
                context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, "application/zip", fileDownloadName: name, enableRangeProcessing: true);
    }
}
