using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Editorial.EndToEnd.Infrastructure;

/// <summary>One demo account as the app printed it on first start.</summary>
public sealed record DemoAccount(string Role, string UserName, string Password);

/// <summary>
/// The built Editorial.Web app running as a separate process on a free port, with its own empty data
/// folder: the same thing a newcomer does with <c>dotnet run</c>, including reading the demo passwords
/// from the console.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> errorLines = new();
    private int errorContextLines;
    private readonly ConcurrentDictionary<string, DemoAccount> accounts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, Uri baseUrl, string dataFolder)
    {
        this.process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
    }

    public Uri BaseUrl { get; }

    public string DataFolder { get; }

    /// <summary>Demo accounts by user name (phongvien, bientap, quantri).</summary>
    public IReadOnlyDictionary<string, DemoAccount> DemoAccounts => accounts;

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>
    /// Every error the app logged since it started ("fail:"/"crit:" lines with the two lines after them, and
    /// any "Unhandled exception"), kept whole: <see cref="Output"/> keeps only the last 5,000 lines.
    /// </summary>
    public IReadOnlyCollection<string> ErrorLines => errorLines;

    /// <summary>The last lines of the app's output, for failure messages.</summary>
    public string Tail(int lines = 60) => string.Join(Environment.NewLine, output.TakeLast(lines));

    public static async Task<AppProcess> StartAsync()
    {
        var repoRoot = RepositoryRoot();
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectDir = Path.Combine(repoRoot, "src", "Editorial.Web");
        var appDll = Path.Combine(projectDir, "bin", configuration, "net10.0", "Editorial.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException(
                $"The app is not built: {appDll} does not exist. Build it with 'dotnet build -c {configuration}' " +
                "(dotnet test on this project does so through its ProjectReference).");
        }

        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var dataFolder = Path.Combine(Path.GetTempPath(), "editorial-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataFolder);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add($"--urls={baseUrl.ToString().TrimEnd('/')}");
        start.ArgumentList.Add($"--Editorial:DataFolder={dataFolder}");

        // Production, as deployed: the app serves its static web assets (MudBlazor's CSS/JS) itself in
        // every environment; the tests check that the stylesheets and scripts actually load.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, baseUrl, dataFolder);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data, isError: true);
        process.Exited += (_, _) => app.listening.TrySetException(new InvalidOperationException($"The app exited with code {SafeExitCode(process)} before it was ready."));

        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start 'dotnet {appDll}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch (Exception ex)
        {
            var log = app.Output;
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"Editorial.Web did not start on {baseUrl} within {StartTimeout.TotalSeconds:0} s: {ex.Message}{Environment.NewLine}" +
                $"Command: dotnet {appDll} --urls={baseUrl} --Editorial:DataFolder={dataFolder} (in {projectDir}){Environment.NewLine}" +
                $"--- app output ---{Environment.NewLine}{log}",
                ex);
        }

        return app;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await listening.Task.WaitAsync(timeout.Token);

        // "Now listening" is printed before the first request is served; ask until the home page answers.
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        HttpStatusCode? last = null;
        string? lastError = null;
        while (!timeout.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {SafeExitCode(process)}.");
            }

            try
            {
                using var response = await http.GetAsync("/", timeout.Token);
                last = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message;
            }

            await Task.Delay(200, timeout.Token);
        }

        timeout.Token.ThrowIfCancellationRequested();
        if (accounts.Count < 3)
        {
            throw new InvalidOperationException(
                $"The app answered (last status {last?.ToString() ?? lastError ?? "none"}) but did not print three DEMO-ACCOUNT lines on a fresh data folder; found {accounts.Count}.");
        }
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        var match = DemoAccountLine().Match(line);
        if (match.Success)
        {
            var account = new DemoAccount(match.Groups["role"].Value, match.Groups["user"].Value, match.Groups["password"].Value);
            accounts[account.UserName] = account;

            // Never echo the password into test logs.
            line = line.Replace(account.Password, "********", StringComparison.Ordinal);
        }

        output.Enqueue(isError ? "[stderr] " + line : line);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            errorLines.Enqueue(line);
            errorContextLines = 2; // The console logger writes the message (and exception) on the next lines.
        }
        else if (errorContextLines > 0)
        {
            errorLines.Enqueue(line);
            errorContextLines--;
        }
        else if (line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase))
        {
            errorLines.Enqueue(line);
        }

        while (output.Count > 5000 && output.TryDequeue(out _))
        {
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or never started.
        }
        finally
        {
            process.Dispose();
        }

        for (var attempt = 0; attempt < 5 && Directory.Exists(DataFolder); attempt++)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(200);
            }
            catch (UnauthorizedAccessException)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The folder holding Editorial.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Editorial.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Editorial.sln not found in any parent folder of {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"DEMO-ACCOUNT\s+(?<role>\S+)\s+(?<user>\S+)\s+(?<password>\S+)\s*$")]
    private static partial Regex DemoAccountLine();
}
