using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Editorial.EndToEnd.Infrastructure;

/// <summary>
/// Records what a person would notice as "the page looks broken": a stylesheet, script, font or image
/// of the app that fails to load, an uncaught script error, or an error the Blazor runtime logs to the
/// console (a crashed circuit, for example).
/// </summary>
public sealed class PageWatch
{
    private static readonly HashSet<string> AssetTypes = ["stylesheet", "script", "font", "image"];

    private readonly ConcurrentQueue<string> problems = new();
    private readonly string origin;

    private PageWatch(string origin) => this.origin = origin;

    public IReadOnlyCollection<string> Problems => problems;

    public static PageWatch Attach(IPage page, Uri baseUrl)
    {
        var watch = new PageWatch(baseUrl.GetLeftPart(UriPartial.Authority));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && watch.IsOwnAsset(response.Request))
            {
                watch.problems.Enqueue($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // A full page load cancels what the previous page was still fetching; that is not a fault.
            if (watch.IsOwnAsset(request) && request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                watch.problems.Enqueue($"{request.ResourceType} {request.Url} failed: {failure}");
            }
        };
        page.PageError += (_, error) => watch.problems.Enqueue($"uncaught script error on {SafeUrl(page)}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch.problems.Enqueue($"console error on {SafeUrl(page)}: {message.Text}");
            }
        };
        return watch;
    }

    private bool IsOwnAsset(IRequest request) =>
        AssetTypes.Contains(request.ResourceType) && request.Url.StartsWith(origin, StringComparison.OrdinalIgnoreCase);

    private static string SafeUrl(IPage page)
    {
        try
        {
            return page.Url;
        }
        catch (PlaywrightException)
        {
            return "?";
        }
    }
}
