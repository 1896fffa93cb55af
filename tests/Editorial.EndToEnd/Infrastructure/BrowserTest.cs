using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Editorial.EndToEnd.Infrastructure;

/// <summary>
/// Base for the browser tests: every test runs its steps through <see cref="InBrowserAsync"/>, which gives
/// it a fresh browser context, watches for broken assets and script errors, and on failure saves a
/// full-page screenshot of each open page to the screenshots folder before failing the test.
/// </summary>
public abstract class BrowserTest(EditorialAppFixture fixture, ITestOutputHelper output)
{
    public const int ViewportWidth = 1366;
    public const int ViewportHeight = 768;

    /// <summary>bin/&lt;Configuration&gt;/net10.0/screenshots (ignored by git).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Pictures from an earlier run would only mislead: start each run with an empty folder.</summary>
    static BrowserTest()
    {
        if (Directory.Exists(ScreenshotFolder))
        {
            foreach (var old in Directory.EnumerateFiles(ScreenshotFolder, "*.png"))
            {
                File.Delete(old);
            }
        }
    }

    protected EditorialAppFixture Fixture => fixture;

    protected ITestOutputHelper Output => output;

    protected Uri BaseUrl => fixture.BaseUrl;

    /// <summary>Runs browser steps; on any exception saves screenshots named after the test and fails with their paths.</summary>
    protected async Task InBrowserAsync(Func<BrowserSession, Task> steps, [CallerMemberName] string testName = "")
    {
        await using var session = new BrowserSession(fixture);
        try
        {
            await steps(session);
            session.AssertNoBrokenAssetsOrScriptErrors();
        }
        catch (Exception ex)
        {
            var shots = await session.SaveScreenshotsAsync(ScreenshotFolder, testName);
            foreach (var shot in shots)
            {
                output.WriteLine($"Screenshot: {shot}");
            }

            output.WriteLine("Browser problems seen: " + session.ProblemSummary());
            output.WriteLine("--- last lines of the app's output ---");
            output.WriteLine(fixture.App.Tail());
            throw new BrowserStepsFailedException(testName, session.Urls(), shots, ex);
        }
    }

    /// <summary>Same as <see cref="InBrowserAsync(Func{BrowserSession, Task}, string)"/> for steps that need one page.</summary>
    protected Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string testName = "") =>
        InBrowserAsync(async session => await steps(await session.NewPageAsync()), testName);

    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, Sanitize(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 15_000 });
        return path;
    }

    internal static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}

/// <summary>The browser contexts (one per signed-in person) a test opened.</summary>
public sealed class BrowserSession(EditorialAppFixture fixture) : IAsyncDisposable
{
    private readonly List<(IBrowserContext Context, IPage Page, PageWatch Watch)> pages = [];
    private readonly List<System.Text.RegularExpressions.Regex> expectedProblems = [];

    /// <summary>A new context (own cookies, like a separate computer) with one page.</summary>
    public async Task<IPage> NewPageAsync(string locale = "vi-VN")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = BrowserTest.ViewportWidth, Height = BrowserTest.ViewportHeight },
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        pages.Add((context, page, PageWatch.Attach(page, fixture.BaseUrl)));
        return page;
    }

    /// <summary>
    /// A problem the test provokes on purpose is no fault: for example the console's "Failed to load resource:
    /// the server responded with a status of 400" when an upload is rightly refused. Matched against the
    /// problem as reported ("console error on {url}: {text}"); keep the pattern narrow.
    /// </summary>
    public void ExpectProblem(System.Text.RegularExpressions.Regex pattern) => expectedProblems.Add(pattern);

    public void AssertNoBrokenAssetsOrScriptErrors()
    {
        var problems = UnexpectedProblems();
        Assert.True(problems.Count == 0, "The browser saw broken assets or script errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public string ProblemSummary()
    {
        var problems = UnexpectedProblems();
        return problems.Count == 0 ? "none" : string.Join(Environment.NewLine, problems);
    }

    private List<string> UnexpectedProblems() =>
        pages.SelectMany(p => p.Watch.Problems).Where(problem => !expectedProblems.Any(pattern => pattern.IsMatch(problem))).ToList();

    public IReadOnlyList<string> Urls() => pages.Select(p => p.Page.IsClosed ? "(closed)" : p.Page.Url).ToList();

    public async Task<IReadOnlyList<string>> SaveScreenshotsAsync(string folder, string testName)
    {
        var saved = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i].Page;
            if (page.IsClosed)
            {
                continue;
            }

            try
            {
                saved.Add(await BrowserTest.SaveScreenshotAsync(page, i == 0 ? testName : $"{testName}-{i + 1}"));
            }
            catch (PlaywrightException ex)
            {
                saved.Add($"(screenshot of page {i + 1} failed: {ex.Message})");
            }
        }

        return saved;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (context, _, _) in pages)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser may already be gone after a failure.
            }
        }
    }
}

/// <summary>Thrown when a test's browser steps fail; names the screenshots so a person can look.</summary>
public sealed class BrowserStepsFailedException(string testName, IReadOnlyList<string> urls, IReadOnlyList<string> screenshots, Exception inner)
    : Exception(
        $"{testName} failed at {string.Join(", ", urls)}: {inner.Message}{Environment.NewLine}" +
        $"Screenshot(s): {(screenshots.Count == 0 ? "none" : string.Join(", ", screenshots))}",
        inner);
