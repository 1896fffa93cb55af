using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Editorial.Bench;

/// <summary>The newsroom side: signed-in page times over HTTP, and interactive sessions in a real browser.</summary>
internal static partial class Workstation
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>The demo editor's user name and password, printed once into the seed start's log in the data folder.</summary>
    public static (string User, string Password)? EditorAccount(string seedLog)
    {
        var line = File.Exists(seedLog) ? File.ReadLines(seedLog).FirstOrDefault(l => l.Contains("DEMO-ACCOUNT Editor", StringComparison.Ordinal)) : null;
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, var user, var password] ? (user, password) : null;
    }

    /// <summary>An HttpClient signed in through the login form, or null when the sign-in failed.</summary>
    public static async Task<HttpClient?> SignInAsync(string baseAddress, (string User, string Password) account)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var browser = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseAddress) };
        var form = await browser.GetStringAsync("/Account/Login");
        var token = Token().Match(form).Groups[1].Value;
        using var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = account.User,
            ["Input.Password"] = account.Password,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.OriginalString.Contains("/editorial", StringComparison.Ordinal) != true)
        {
            browser.Dispose();
            return null;
        }

        return browser;
    }

    /// <summary>One warm-up, then <paramref name="count"/> sequential GETs of the prerendered page (staff pages are never output-cached).</summary>
    public static async Task<(double P50, double P99, int Errors, int Count)> TimePageAsync(HttpClient browser, string path, int count = 20)
    {
        var times = new List<double>();
        var errors = 0;
        for (var i = 0; i <= count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await browser.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            if (i > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                errors += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }
        }

        times.Sort();
        return (Load.Percentile(times, 0.50), Load.Percentile(times, 0.99), errors, count);
    }

    public sealed record SessionMemory(int Sessions, double Before, double Open, double Released, double? HeapBefore, double? HeapOpen, double? HeapReleased, int Failed, double OpenSeconds);

    /// <summary>
    /// Signs the demo editor in, in <paramref name="sessions"/> browser contexts, each holding two live circuits
    /// (the dashboard and a story's editor page); reads the app's memory before, with all of them open, and after
    /// closing them, each time after a full garbage collection and a short settle.
    /// </summary>
    public static async Task<SessionMemory> SessionsAsync(
        AppProcess app, (string User, string Password) account, int sessions, int storyId, Action<string> log)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });

        // A first session opened and closed, so that what is measured is sessions, not the first JIT of the workstation.
        await using (var warm = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress }))
        {
            await OpenSessionAsync(warm, account, storyId);
        }

        var (before, heapBefore) = await app.SettledMemoryAsync();
        log($"  before: {before:N0} MB resident, GC heap {Describe(heapBefore)}");

        var contexts = new List<IBrowserContext>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sessions; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress });
            contexts.Add(context);
            try
            {
                await OpenSessionAsync(context, account, storyId);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                failed++;
                log($"  session {i + 1} failed: {e.Message.Split('\n')[0]}");
            }
        }

        clock.Stop();
        var (open, heapOpen) = await app.SettledMemoryAsync();
        log($"  {sessions} sessions open: {open:N0} MB resident, GC heap {Describe(heapOpen)}");

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        // Closed tabs end their circuits at once (the browser says goodbye); disconnected ones are kept a while.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var (released, heapReleased) = await app.SettledMemoryAsync();
        log($"  closed: {released:N0} MB resident, GC heap {Describe(heapReleased)}");
        return new SessionMemory(sessions, before, open, released, heapBefore, heapOpen, heapReleased, failed, clock.Elapsed.TotalSeconds);
    }

    private static string Describe(double? megabytes) => megabytes is { } m ? $"{m:N0} MB" : "unknown";

    private static async Task OpenSessionAsync(IBrowserContext context, (string User, string Password) account, int storyId)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input\\.UserName").FillAsync(account.User);
        await page.Locator("#Input\\.Password").FillAsync(account.Password);
        await page.Locator(".account-button").ClickAsync();
        await page.WaitForURLAsync(Dashboard(), new PageWaitForURLOptions { Timeout = 30_000 });
        await WaitForInteractiveAsync(page);

        var editor = await context.NewPageAsync();
        await editor.GotoAsync($"/editorial/stories/{storyId}");
        await WaitForInteractiveAsync(editor);
    }

    // Blazor marks the elements it holds references to with _bl_ attributes once the circuit has taken over.
    private static Task WaitForInteractiveAsync(IPage page) => page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('header button, nav a, nav button')].some(e => [...e.attributes].some(a => a.name.startsWith('_bl_')))",
        null,
        new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"/editorial/?$")]
    private static partial Regex Dashboard();
}
