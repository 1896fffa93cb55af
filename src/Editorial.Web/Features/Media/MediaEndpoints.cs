using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Editorial.Core.Accounts;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Features.Media;

/// <summary>What the upload endpoint answers when it stored an image; TinyMCE inserts <see cref="Location"/>.</summary>
public sealed record MediaUploadResponse(string Id, string Location, string Thumbnail, int Width, int Height);

/// <summary>What it answers otherwise: one Vietnamese sentence.</summary>
public sealed record MediaErrorResponse(string Error);

/// <summary>
/// <c>POST /api/media</c> takes one image (multipart field <c>file</c>) from a signed-in writer, with the page's
/// antiforgery token in the <c>RequestVerificationToken</c> header or the <c>__RequestVerificationToken</c> field.
/// <c>GET /media/...</c> serves the stored copies. The API answers 401/403 itself instead of redirecting to
/// the sign-in page, because its callers are scripts, not people.
/// </summary>
public static class MediaEndpoints
{
    public const string UploadPath = "/api/media";
    public const string FileField = "file";
    public const string AntiforgeryHeader = "RequestVerificationToken";
    public const string AntiforgeryField = "__RequestVerificationToken";

    // Names are random and never reused, so a stored file never changes.
    private const string ForeverCache = "public, max-age=31536000, immutable";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese stays readable in the answer instead of \u1EA3 escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(UploadPath, UploadAsync)
            .WithMetadata(new UploadSizeLimit(MediaSettings.AbsoluteRequestBodyCeiling));

        endpoints.MapMethods(MediaPaths.UrlPrefix + "/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeFile);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context,
        [FromServices] MediaStore store,
        [FromServices] IAntiforgery antiforgery,
        [FromServices] IAuthorizationService authorization,
        [FromServices] UserManager<ApplicationUser> users,
        [FromServices] ILoggerFactory loggers,
        [FromServices] IStringLocalizer<UiText> text)
    {
        var settings = store.Settings;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Error(StatusCodes.Status401Unauthorized, text["Media.SignInRequired"]);
        }

        var userId = users.GetUserId(context.User);
        if (userId is null || !(await authorization.AuthorizeAsync(context.User, Policies.Write)).Succeeded)
        {
            return Error(StatusCodes.Status403Forbidden, text["Media.NotAllowed"]);
        }

        // The server's own limit (also set by the endpoint's metadata) leaves room to drain a refused body;
        // the counting stream below enforces the real limit, on any server.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = settings.RequestBodyCeiling;
        }

        var body = context.Request.Body;
        if (context.Request.ContentLength > settings.MaxRequestBytes)
        {
            return await TooLargeAsync(context, body, settings, text);
        }

        context.Request.Body = new BodyLengthLimit(body, settings.MaxRequestBytes);
        try
        {
            // The endpoint binds no form parameter, so the antiforgery middleware would not check it: do it here.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Error(StatusCodes.Status400BadRequest, text["Media.BadToken"]);
            }

            if (!context.Request.HasFormContentType)
            {
                return Error(StatusCodes.Status400BadRequest, text["Media.NotMultipart"]);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile(FileField);
            if (file is null)
            {
                return Error(StatusCodes.Status400BadRequest, text["Media.NoFile"]);
            }

            await using var content = file.OpenReadStream();
            var result = await store.SaveAsync(content, file.FileName, file.ContentType, userId, context.RequestAborted);
            if (!result.Succeeded)
            {
                var status = result.Refusal == MediaRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return Error(status, text[$"Media.{result.Refusal}", settings.MaxUploadText]);
            }

            var asset = result.Asset!;
            var prefix = context.Request.PathBase + MediaPaths.UrlPrefix + "/";
            return Results.Json(
                new MediaUploadResponse(asset.Id.ToString(), prefix + asset.WebPath, prefix + asset.ThumbnailPath, result.WebWidth, result.WebHeight),
                Json);
        }
        catch (Exception ex) when (ex is BodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return await TooLargeAsync(context, body, settings, text);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // A malformed multipart body.
            return Error(StatusCodes.Status400BadRequest, text["Media.NotMultipart"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbUpdateException && !context.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger("Editorial.Media").LogError(ex, "An upload could not be stored");
            return Error(StatusCodes.Status500InternalServerError, text["Media.StorageFailed"]);
        }
    }

    /// <summary>Reads the rest of an over-long body (up to the server's ceiling) so the browser receives the answer.</summary>
    private static async Task<IResult> TooLargeAsync(HttpContext context, Stream body, MediaSettings settings, IStringLocalizer<UiText> text)
    {
        if (context.Request.ContentLength is not { } length || length <= settings.RequestBodyCeiling)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (await body.ReadAsync(buffer, context.RequestAborted) > 0)
                {
                }
            }
            catch (BadHttpRequestException)
            {
                // Past the ceiling: the server closes the connection after answering.
            }
        }

        return Error(StatusCodes.Status413PayloadTooLarge, text["Media.TooLarge", settings.MaxUploadText]);
    }

    private static IResult ServeFile(string path, HttpContext context, [FromServices] MediaStore store)
    {
        // Only names the store writes: "..", other folders of the data folder and temporary files never match.
        var physical = store.PhysicalPath(path);
        if (physical is null || !File.Exists(physical))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = ForeverCache;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'";
        return Results.File(physical, MediaPaths.ContentTypeOf(path), lastModified: File.GetLastWriteTimeUtc(physical), enableRangeProcessing: true);
    }

    private static IResult Error(int statusCode, string message) =>
        Results.Json(new MediaErrorResponse(message), Json, statusCode: statusCode);

    private sealed class UploadSizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
