using System.Collections.Concurrent;
using Editorial.Tests.TestSupport;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Editorial.Tests.Http;

/// <summary>
/// Hosts the real application on a fresh data folder (never the repository's data/) and captures the demo
/// passwords it prints on first start. One factory per test class.
/// </summary>
public class EditorialAppFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder? _ownedFolder;

    public EditorialAppFactory()
    {
        _ownedFolder = new TemporaryFolder();
        DataFolder = _ownedFolder.Path;
    }

    /// <summary>Shares <paramref name="dataFolder"/> with an earlier start; the caller deletes it.</summary>
    internal EditorialAppFactory(string dataFolder)
    {
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    /// <summary>More settings for the app (e.g. Editorial:Database:Provider), as command-line overrides; set before start.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public CapturingBootstrapConsole BootstrapConsole { get; } = new();

    /// <summary>The demo password of <paramref name="userName"/>, as printed on first start.</summary>
    public string PasswordOf(string userName)
    {
        _ = Server; // start the app: the accounts are made during start-up
        return BootstrapConsole.Accounts.Single(a => a.UserName == userName).Password;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches WebApplication.CreateBuilder as a command-line argument, which the app reads
        // after the top-level appsettings.json: so it overrides the file, as an operator's override would.
        builder.UseSetting("Editorial:DataFolder", DataFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddSingleton<IBootstrapConsole>(BootstrapConsole));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedFolder?.Dispose();
        }
    }
}

/// <summary>Remembers what the app would have printed to the operator's console.</summary>
public sealed class CapturingBootstrapConsole : IBootstrapConsole
{
    private readonly ConcurrentQueue<(string UserName, string Password, string Role)> _accounts = new();

    public int Calls { get; private set; }

    public IReadOnlyList<(string UserName, string Password, string Role)> Accounts => _accounts.ToList();

    public void PrintDemoAccounts(IReadOnlyList<(string UserName, string Password, string Role)> accounts)
    {
        Calls++;
        foreach (var account in accounts)
        {
            _accounts.Enqueue(account);
        }
    }
}
