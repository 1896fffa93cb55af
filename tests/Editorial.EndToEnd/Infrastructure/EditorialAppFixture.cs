using Microsoft.Playwright;

namespace Editorial.EndToEnd.Infrastructure;

/// <summary>
/// One running app (fresh data folder, demo accounts) and one headless Chromium, shared by the tests
/// of a collection. Tests get their own browser context each, so cookies never leak between them.
/// </summary>
public class EditorialAppFixture : IAsyncLifetime
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

    private AppProcess? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public AppProcess App => app ?? throw new InvalidOperationException("The app is not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public Uri BaseUrl => App.BaseUrl;

    public DemoAccount Reporter => Account("phongvien");

    public DemoAccount Editor => Account("bientap");

    public DemoAccount Administrator => Account("quantri");

    public DemoAccount Account(string userName) =>
        App.DemoAccounts.TryGetValue(userName, out var account)
            ? account
            : throw new InvalidOperationException($"No demo account '{userName}' was printed by the app. Output:{Environment.NewLine}{App.Output}");

    public async Task InitializeAsync()
    {
        // Checked first: without a browser there is no point starting the app.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}: apt-get install -y chromium (CI's .ci/run does this)");
        }

        try
        {
            app = await AppProcess.StartAsync();

            // Playwright drives the system Chromium; `playwright install` is neither needed nor possible here.
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        // The machine is small (2 cores, app + browser + build); give auto-waiting room before failing.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }
}

/// <summary>A second, separate app for tests that change accounts (lock-out, password change).</summary>
public sealed class AccountChangesAppFixture : EditorialAppFixture;

[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<EditorialAppFixture>
{
    public const string Name = "Shared app";
}

[CollectionDefinition(Name)]
public sealed class AccountChangesCollection : ICollectionFixture<AccountChangesAppFixture>
{
    public const string Name = "Account changes";
}
