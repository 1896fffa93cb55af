using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Editorial.Bench;

/// <summary>The app, started from its Release output as a child process on a free 127.0.0.1 port.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private AppProcess(Process process, StreamWriter log, string baseAddress)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    /// <summary>Process start to the first 200 for "/".</summary>
    public TimeSpan FirstPage { get; private set; }

    public static async Task<AppProcess> StartAsync(string webDll, string dataFolder, string name, TimeSpan? timeout = null)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var baseAddress = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(webDll);
        info.ArgumentList.Add($"--urls={baseAddress}");
        info.ArgumentList.Add($"--Editorial:DataFolder={dataFolder}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var log = new StreamWriter(Path.Combine(dataFolder, $"app-{name}.log"), append: false) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, baseAddress);

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = timeout ?? TimeSpan.FromMinutes(2);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}; see {Path.Combine(dataFolder, $"app-{name}.log")}.");
            }

            try
            {
                using var response = await probe.GetAsync(baseAddress + "/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    app.FirstPage = clock.Elapsed;
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > deadline)
            {
                await app.DisposeAsync();
                throw new TimeoutException($"The app served no page within {deadline}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>User + system CPU time the app's process has used, in seconds (Linux), or null.</summary>
    public double? CpuSeconds()
    {
        var stat = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>VmRSS of the app's process, in MB (Linux).</summary>
    public double? ResidentMegabytes()
    {
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, ..] ? long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0 : null;
    }

    /// <summary>
    /// Resident memory and GC heap (MB) after a full, blocking garbage collection of the app, induced the way
    /// dotnet-gcdump does it (an EventPipe session with the GCHeapCollect keyword), and a short settle.
    /// The heap is null when the diagnostics port could not be reached.
    /// </summary>
    public async Task<(double Resident, double? Heap)> SettledMemoryAsync()
    {
        double? heap = null;
        try
        {
            var client = new DiagnosticsClient(process.Id);
            var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
            using var session = client.StartEventPipeSession(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
            using var source = new EventPipeEventSource(session.EventStream);
            var collected = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fullCollection = false;
            source.Clr.GCStart += e => fullCollection |= e.Depth == 2;
            source.Clr.GCHeapStats += e =>
            {
                if (fullCollection)
                {
                    collected.TrySetResult(e.TotalHeapSize / 1024.0 / 1024.0);
                }
            };
            var processing = Task.Run(source.Process);
            var done = await Task.WhenAny(collected.Task, Task.Delay(TimeSpan.FromSeconds(15)));
            if (done == collected.Task)
            {
                heap = collected.Task.Result;
            }

            await session.StopAsync(CancellationToken.None);
            await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        return (ResidentMegabytes() ?? double.NaN, heap);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
