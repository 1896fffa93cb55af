using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Editorial.Bench;

internal sealed record LoadResult(double RequestsPerSecond, double P50, double P99, long Requests, long Errors, long Bytes)
{
    /// <summary>CPU time the server process spent per request during the measured run (user + system), when known.</summary>
    public double? ServerCpuMilliseconds { get; init; }
}

/// <summary>A closed-loop load generator: N loops, each sending the next GET once the previous body is read.</summary>
internal static class Load
{
    public static Task<LoadResult> RunAsync(HttpClient client, string url, int concurrency, TimeSpan duration, Func<double?>? serverCpuSeconds = null)
    {
        var uri = new Uri(url);
        return RunAsync(client, _ => uri, concurrency, duration, serverCpuSeconds);
    }

    /// <summary>The address of request number n comes from <paramref name="address"/> (to spread over many pages).</summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<long, Uri> address, int concurrency, TimeSpan duration, Func<double?>? serverCpuSeconds = null)
    {
        await RunOnceAsync(client, address, concurrency, TimeSpan.FromSeconds(1));
        var cpuBefore = serverCpuSeconds?.Invoke();
        var result = await RunOnceAsync(client, address, concurrency, duration);
        var cpuAfter = serverCpuSeconds?.Invoke();
        return cpuBefore is { } before && cpuAfter is { } after && result.Requests > 0
            ? result with { ServerCpuMilliseconds = (after - before) * 1000 / result.Requests }
            : result;
    }

    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static long counter;

    private static async Task<LoadResult> RunOnceAsync(HttpClient client, Func<long, Uri> address, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(16384);
            long errors = 0, bytes = 0;
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration)
            {
                var uri = address(Interlocked.Increment(ref counter));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    long length = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer)) > 0)
                    {
                        length += read;
                    }

                    bytes = length;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, errors, bytes);
        })).ToArray();

        var results = await Task.WhenAll(loops);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.latencies).ToList();
        all.Sort();
        return new LoadResult(all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Count, results.Sum(r => r.errors), results.Max(r => r.bytes));
    }
}

/// <summary>One line of the result table.</summary>
internal sealed record Row(string Name, string Rps, string RpsRatio, string P50, string P50Ratio, string P99, string P99Ratio, string Errors, string ServerCpu = "")
{
    public string[] Cells => [Name, Rps, RpsRatio, P50, P50Ratio, P99, P99Ratio, Errors, ServerCpu];

    /// <summary>A one-off figure (a time, a size): written in the req/s column's place, spanning nothing else.</summary>
    public static Row Text(string name, string value) => new(name + ": " + value, "", "", "", "", "", "", "");

    public static Row LoadRow(string name, LoadResult result, LoadResult? ceiling) => new(
        name,
        result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
        ceiling is null ? "1.00" : (result.RequestsPerSecond / ceiling.RequestsPerSecond).ToString("F2", CultureInfo.InvariantCulture),
        result.P50.ToString("F2", CultureInfo.InvariantCulture),
        ceiling is null ? "1.00" : (result.P50 / ceiling.P50).ToString("F1", CultureInfo.InvariantCulture),
        result.P99.ToString("F2", CultureInfo.InvariantCulture),
        ceiling is null ? "1.00" : (result.P99 / ceiling.P99).ToString("F1", CultureInfo.InvariantCulture),
        $"{result.Errors} / {result.Requests:N0}",
        result.ServerCpuMilliseconds is { } cpu ? cpu.ToString("F3", CultureInfo.InvariantCulture) : "");
}
