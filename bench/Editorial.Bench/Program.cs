using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Editorial.Bench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

// The benchmark command of issue 7.
//   dotnet run -c Release --project bench/Editorial.Bench -- [--stories 100000] [--seconds 10] [--concurrency 16]
//       [--sessions 20] [--scheduled 1000]
if (args is ["--serve-static", var serveFolder, var servePort])
{
    // Child-process mode: the ceiling host, in its own process like the app.
    var host = StaticHost(serveFolder, int.Parse(servePort, CultureInfo.InvariantCulture));
    await host.RunAsync();
    return 0;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var stories = IntOption(args, "--stories", 100_000);
var seconds = IntOption(args, "--seconds", 10);
var concurrency = IntOption(args, "--concurrency", 16);
var sessions = IntOption(args, "--sessions", 20);
var scheduled = IntOption(args, "--scheduled", 1000);
var repo = FindRepository();
var dataFolder = Path.Combine(repo, "bench", "data");
var command = "dotnet run -c Release --project bench/Editorial.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
var rows = new List<Row>();
var loadAtStart = LoadAverage();
var notes = new List<string>();

Log($"Editorial benchmark: {stories:N0} stories, {seconds} s per load, {concurrency} concurrent loops");

// 0. The app, in Release.
var webDll = Path.Combine(repo, "src", "Editorial.Web", "bin", "Release", "net10.0", "Editorial.Web.dll");
Log("Building src/Editorial.Web in Release …");
var build = Run("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(repo, "src", "Editorial.Web")], repo);
if (build != 0)
{
    if (!File.Exists(webDll))
    {
        Log("The Release build failed and no earlier build exists.");
        return 1;
    }

    Log("WARNING: the Release build failed; measuring the previous build.");
    notes.Add("The Release build of the app failed during this run; the previous Release build was measured.");
}

// 1. The data folder: reused when it already holds the same number of generated stories.
var marker = Path.Combine(dataFolder, "bench-stories.txt");
var database = Path.Combine(dataFolder, "editorial.db");
var reuse = File.Exists(marker) && File.Exists(database) && File.ReadAllText(marker).Trim() == stories.ToString(CultureInfo.InvariantCulture);
if (reuse)
{
    Log($"Reusing {dataFolder} ({stories:N0} stories).");
    rows.Add(Row.Text("Data folder", $"reused ({stories:N0} generated stories)"));
    var generation = Path.Combine(dataFolder, "bench-generation.txt");
    if (File.Exists(generation))
    {
        // The one-off figures of the run that built the folder.
        rows.AddRange(File.ReadAllLines(generation).Where(l => l.Length > 0).Select(l => new Row(l + " (when the folder was built)", "", "", "", "", "", "", "")));
    }
}
else
{
    if (Directory.Exists(dataFolder))
    {
        Directory.Delete(dataFolder, recursive: true);
    }

    Directory.CreateDirectory(dataFolder);
    Log("First start on an empty folder: migrations, roles, demo accounts, seed stories …");
    await using (var seedApp = await AppProcess.StartAsync(webDll, dataFolder, "seed"))
    {
        Log($"  served its first page after {seedApp.FirstPage.TotalSeconds:F1} s");
        rows.Add(Row.Text("Start on an empty folder (migrate + seed) to first page", $"{seedApp.FirstPage.TotalSeconds:F1} s"));
    }

    Log($"Inserting {stories:N0} published stories (one transaction, prepared command) …");
    var insertClock = Stopwatch.StartNew();
    StoryGenerator.Fill(database, stories, Log);
    insertClock.Stop();
    Log($"  {insertClock.Elapsed.TotalSeconds:F1} s ({stories / insertClock.Elapsed.TotalSeconds:N0} stories/s)");
    rows.Add(Row.Text($"Generate {stories:N0} stories (raw SQL insert)", $"{insertClock.Elapsed.TotalSeconds:F1} s"));

    Log("Start that indexes them for search (PortalSearchIndex.ReconcileAsync at start-up) …");
    await using (var indexApp = await AppProcess.StartAsync(webDll, dataFolder, "index", TimeSpan.FromMinutes(30)))
    {
        Log($"  served its first page after {indexApp.FirstPage.TotalSeconds:F1} s");
        rows.Add(Row.Text($"Start that search-indexes {stories:N0} stories, to first page", $"{indexApp.FirstPage.TotalSeconds:F1} s"));
    }

    File.WriteAllLines(Path.Combine(dataFolder, "bench-generation.txt"), rows.Select(r => r.Name));
    File.WriteAllText(marker, stories.ToString(CultureInfo.InvariantCulture));
}

// The scheduler measurement's stories of an earlier run go; the review queue is brought to its size.
var removed = BenchStories.DeleteSchedulerStories(database);
var addedToQueue = BenchStories.TopUpReviewQueue(database);
Log($"Review queue: {addedToQueue} stories added (bench keeps {BenchStories.ReviewQueueSize} waiting); {removed} scheduler stories of an earlier run deleted.");

var (storySlug, categorySlug, storyCount, indexed, databaseBytes) = Inspect(database);
rows.Add(Row.Text("Published stories / search index rows / database size", $"{storyCount:N0} / {indexed:N0} / {databaseBytes / 1024.0 / 1024.0:N0} MB"));

// 2. Start to first served page, on the ready folder.
Log("Starting the app in Release …");
await using var app = await AppProcess.StartAsync(webDll, dataFolder, "bench");
Log($"  first page after {app.FirstPage.TotalMilliseconds:N0} ms");
rows.Add(Row.Text("Process start to first served page (/)", $"{app.FirstPage.TotalMilliseconds:N0} ms"));

using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = concurrency * 2,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    AllowAutoRedirect = false,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

var storyPath = "/tin/" + Uri.EscapeDataString(storySlug);
var categoryPath = "/chuyen-muc/" + Uri.EscapeDataString(categorySlug);
var storyBytes = await client.GetByteArrayAsync(app.BaseAddress + storyPath);

// 3. The ceiling: the same bytes as a static file from a Kestrel host inside the bench.
var staticFolder = Path.Combine(dataFolder, "static");
Directory.CreateDirectory(staticFolder);
await File.WriteAllBytesAsync(Path.Combine(staticFolder, "story.html"), storyBytes);
var staticPort = FreePort();
using var staticHost = StartStaticHost(staticFolder, staticPort);
await WaitForAsync(client, $"http://127.0.0.1:{staticPort}/story.html");

var duration = TimeSpan.FromSeconds(seconds);
Log($"Load: static ceiling ({storyBytes.Length:N0} bytes) …");
var ceiling = await Load.RunAsync(client, $"http://127.0.0.1:{staticPort}/story.html", concurrency, duration);
rows.Add(Row.LoadRow($"Static file, same bytes as the story page ({storyBytes.Length:N0} B) — ceiling", ceiling, null));

foreach (var (name, path) in new[]
{
    ($"Story page {storyPath[..Math.Min(storyPath.Length, 40)]}…", storyPath),
    ("Home page /", "/"),
    ($"Category page {categoryPath}", categoryPath),
})
{
    Log($"Load: {path} …");
    var result = await Load.RunAsync(client, app.BaseAddress + path, concurrency, duration, app.CpuSeconds);
    rows.Add(Row.LoadRow(name + $" ({result.Bytes:N0} B)", result, ceiling));
}

// Every public page is output-cached; spreading the story requests over all stories measures rendering.
var slugs = AllSlugs(database);
Log($"Load: story pages rotating over all {slugs.Length:N0} stories (mostly output-cache misses) …");
var rotating = await Load.RunAsync(client, n => new Uri(app.BaseAddress + "/tin/" + Uri.EscapeDataString(slugs[n % slugs.Length])), concurrency, duration, app.CpuSeconds);
rows.Add(Row.LoadRow($"Story pages rotating over all {slugs.Length:N0} stories", rotating, ceiling));

staticHost.Kill(entireProcessTree: true);
await staticHost.WaitForExitAsync();

// 4. Search: single requests, one at a time.
string[] queries =
[
    "hoi nghi", "nong thon moi", "cai cach hanh chinh", "giam ngheo", "chuyen doi so", "du lich cong dong", "yen minh", "dong van",
    "meo vac", "thien tai", "ngan sach", "cu tri", "tham tra", "bao ve rung", "an toan giao thong", "y te", "giao duc", "dau tu cong",
    "xay dung dang", "khau vai",
];
// The output cache keys on the whole query string: an extra unused parameter (&n=…) makes every request a miss, so
// "uncached" is the search itself; "repeated" is the same address again, served from the cache.
Log("Search: 20 diacritic-free queries × 5 rounds, one request at a time, uncached then repeated …");
var uncached = new List<double>();
var repeated = new List<double>();
var uncachedErrors = 0;
var repeatedErrors = 0;
var searchCounter = 0;
for (var round = 0; round < 5; round++)
{
    foreach (var q in queries)
    {
        var fresh = app.BaseAddress + "/tim-kiem?q=" + Uri.EscapeDataString(q) + "&n=" + (++searchCounter).ToString(CultureInfo.InvariantCulture);
        var (ms, ok) = await TimeSingleAsync(client, fresh);
        uncached.Add(ms);
        uncachedErrors += ok ? 0 : 1;
        (ms, ok) = await TimeSingleAsync(client, app.BaseAddress + "/tim-kiem?q=" + Uri.EscapeDataString(q));
        if (round > 0)
        {
            repeated.Add(ms);
            repeatedErrors += ok ? 0 : 1;
        }
    }
}

uncached.Sort();
repeated.Sort();
rows.Add(new Row("Search /tim-kiem?q=…, uncached (20 queries × 5, sequential)", "", "", $"{Load.Percentile(uncached, 0.50):F1}", "",
    $"{Load.Percentile(uncached, 0.99):F1}", "", $"{uncachedErrors} / {uncached.Count}"));
rows.Add(new Row("Search /tim-kiem?q=…, repeated address (output cache)", "", "", $"{Load.Percentile(repeated, 0.50):F2}", "",
    $"{Load.Percentile(repeated, 0.99):F2}", "", $"{repeatedErrors} / {repeated.Count}"));

// The workstation, signed in as the demo editor (its password was printed once, into the seed start's log in the
// git-ignored data folder): single GETs of the prerendered pages an editor opens most, the review queue with stories waiting.
var editor = Workstation.EditorAccount(Path.Combine(dataFolder, "app-seed.log"));
using var signedIn = editor is { } account ? await Workstation.SignInAsync(app.BaseAddress, account) : null;
if (signedIn is not null)
{
    var waiting = Count(database, """SELECT COUNT(*) FROM "Articles" WHERE "State" = 'InReview'""");
    foreach (var (name, path) in new[]
    {
        ($"Editor queue /editorial/review, signed in ({waiting:N0} waiting)", "/editorial/review"),
        ("Publication schedule /editorial/schedule, signed in", "/editorial/schedule"),
        ("Dashboard /editorial, signed in", "/editorial"),
    })
    {
        Log($"Workstation: {path} …");
        var timed = await Workstation.TimePageAsync(signedIn, path);
        rows.Add(new Row($"{name} (20 sequential)", "", "", $"{timed.P50:F1}", "", $"{timed.P99:F1}", "", $"{timed.Errors} / {timed.Count}"));
    }
}
else
{
    rows.Add(Row.Text("Workstation pages", "not measured (no demo editor password in app-seed.log, or sign-in failed)"));
}

var rss = app.ResidentMegabytes();
rows.Add(Row.Text("App resident memory after the page runs", rss is null ? "unknown" : $"{rss:N0} MB"));

// Memory per interactive workstation session: N browser contexts, each signed in with two live circuits.
if (editor is { } sessionAccount && File.Exists(Workstation.ChromiumPath))
{
    Log($"Workstation sessions: {sessions} signed-in browser contexts (dashboard + story editor each) …");
    try
    {
        var reviewStory = Column(database, """SELECT "Id" FROM "Articles" WHERE "State" = 'InReview' ORDER BY "Id" LIMIT 1""")[0];
        var memory = await Workstation.SessionsAsync(app, sessionAccount, sessions, int.Parse(reviewStory, CultureInfo.InvariantCulture), Log);
        var perSession = (memory.Open - memory.Before) / Math.Max(1, memory.Sessions - memory.Failed);
        var heapPerSession = memory.HeapOpen - memory.HeapBefore is { } heapGrowth ? heapGrowth / Math.Max(1, memory.Sessions - memory.Failed) : (double?)null;
        rows.Add(Row.Text(
            $"Interactive sessions ({memory.Sessions} × dashboard + story editor, {memory.Failed} failed; opened in {memory.OpenSeconds:F0} s)",
            $"{perSession:N1} MB resident per session ({memory.Before:N0} → {memory.Open:N0} MB)"
                + (heapPerSession is { } h ? $", GC heap {h:N2} MB per session ({memory.HeapBefore:N0} → {memory.HeapOpen:N0} MB)" : ", GC heap not reachable")));
        rows.Add(Row.Text(
            "Memory after closing them (full GC, 5 s settle)",
            $"{memory.Released:N0} MB resident" + (memory.HeapReleased is { } released ? $", GC heap {released:N0} MB" : "")));
    }
    catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or InvalidOperationException or TimeoutException)
    {
        Log($"  sessions not measured: {e.Message.Split('\n')[0]}");
        rows.Add(Row.Text("Interactive sessions", "not measured: " + e.Message.Split('\n')[0]));
    }
}
else
{
    rows.Add(Row.Text("Interactive sessions", $"not measured (no demo editor password, or no {Workstation.ChromiumPath})"));
}

// The scheduler: N stories "Scheduled" inserted into the running app's database, due over one minute from 30 s on.
Log($"Scheduler: {scheduled:N0} stories due within one minute, first one 30 s from now …");
var firstDue = DateTimeOffset.UtcNow.AddSeconds(30);
var scheduledIds = BenchStories.InsertScheduled(database, scheduled, firstDue, TimeSpan.FromMinutes(1));
var schedulerDeadline = firstDue.AddMinutes(1) + TimeSpan.FromMinutes(3);
while (DateTimeOffset.UtcNow < schedulerDeadline)
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    var left = Count(database, $"""SELECT COUNT(*) FROM "Articles" WHERE "State" = 'Scheduled' AND "Id" IN ({string.Join(',', scheduledIds)})""");
    if (left == 0)
    {
        break;
    }
}

var outcome = BenchStories.SchedulerOutcome(database, scheduledIds);
var lags = outcome.Where(o => o.Published.Count > 0).Select(o => (o.Published.Min() - o.Due).TotalSeconds).ToList();
lags.Sort();
var once = outcome.Count(o => o.Published.Count == 1);
var twice = outcome.Count(o => o.Published.Count > 1);
var missed = outcome.Count(o => o.Published.Count == 0);
Log($"  published {lags.Count:N0}, lag p50 {Load.Percentile(lags, 0.5):F2} s, p99 {Load.Percentile(lags, 0.99):F2} s, max {(lags.Count > 0 ? lags[^1] : double.NaN):F2} s");
rows.Add(new Row(
    $"Scheduler lag, {scheduled:N0} stories due in one minute (s, audit time − scheduled time)",
    "", "", $"{Load.Percentile(lags, 0.50):F2}", "", $"{Load.Percentile(lags, 0.99):F2}", "", $"{missed} missed"));
rows.Add(Row.Text(
    "Scheduler outcome",
    $"max lag {(lags.Count > 0 ? lags[^1] : double.NaN):F2} s; published exactly once {once:N0}, more than once {twice}, missed {missed} (of {outcome.Count:N0})"));


// 5. The table, and docs/benchmarks.md.
var table = Table(rows);
Console.WriteLine();
Console.WriteLine(table);
notes.Add($"1-minute load average of the machine: {loadAtStart} when the run started, {LoadAverage()} when it ended. Other work on the"
    + " machine (builds, test runs) takes cores from the client, the app and the ceiling alike; consecutive runs can differ by tens of"
    + " per cent in req/s, so compare the ratios within one run.");
var markdown = Markdown(table, command, stories, seconds, concurrency, sessions, scheduled, notes);
Directory.CreateDirectory(Path.Combine(repo, "docs"));
await File.WriteAllTextAsync(Path.Combine(repo, "docs", "benchmarks.md"), markdown);
Log("Wrote docs/benchmarks.md");
return 0;

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

static int IntOption(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

static string FindRepository()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Editorial.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Editorial.sln not found above the current directory.");
}

static int Run(string file, string[] arguments, string workingDirectory)
{
    var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in arguments)
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine(output.Result);
        Console.Error.WriteLine(error.Result);
    }

    return process.ExitCode;
}

static async Task<(double Milliseconds, bool Ok)> TimeSingleAsync(HttpClient client, string url)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await client.GetAsync(url);
    await response.Content.ReadAsByteArrayAsync();
    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
}

static async Task WaitForAsync(HttpClient client, string url)
{
    for (var i = 0; i < 1000; i++)
    {
        try
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(20);
    }

    throw new TimeoutException($"{url} never answered.");
}

static Process StartStaticHost(string folder, int port)
{
    // This same program in --serve-static mode, as a separate process (the app is one too).
    var self = Environment.ProcessPath!;
    var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        info.ArgumentList.Add(typeof(StoryGenerator).Assembly.Location);
    }

    info.ArgumentList.Add("--serve-static");
    info.ArgumentList.Add(folder);
    info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static string[] AllSlugs(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = """SELECT "Slug" FROM "Articles" WHERE "State" = 'Published' ORDER BY "Id" """;
    using var reader = command.ExecuteReader();
    var slugs = new List<string>();
    while (reader.Read())
    {
        slugs.Add(reader.GetString(0));
    }

    return [.. slugs];
}

static long Count(string database, string sql) =>
    long.Parse(Column(database, sql)[0], CultureInfo.InvariantCulture);

static List<string> Column(string database, string sql)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    return BenchStories.Column(connection, sql);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static WebApplication StaticHost(string folder, int port)
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, WebRootPath = folder });
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var host = builder.Build();
    host.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
    return host;
}

static (string StorySlug, string CategorySlug, long Stories, long Indexed, long Bytes) Inspect(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();

    string Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    // The newest story (what readers open most) and the busiest visible category.
    var story = Scalar("""SELECT "Slug" FROM "Articles" WHERE "State" = 'Published' ORDER BY "PublishedAtUtc" DESC LIMIT 1""");
    var category = Scalar("""
        SELECT c."Slug" FROM "Categories" c JOIN "Articles" a ON a."CategoryId" = c."Id"
        WHERE c."IsHidden" = 0 AND a."State" = 'Published' GROUP BY c."Id" ORDER BY COUNT(*) DESC LIMIT 1
        """);
    var count = long.Parse(Scalar("""SELECT COUNT(*) FROM "Articles" WHERE "State" = 'Published'"""), CultureInfo.InvariantCulture);
    var indexed = long.Parse(Scalar("""SELECT COUNT(*) FROM "StorySearch" """), CultureInfo.InvariantCulture);
    var bytes = new FileInfo(database).Length + (File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0);
    return (story, category, count, indexed, bytes);
}

static string Table(List<Row> rows)
{
    var header = new Row("Measurement", "req/s", "× ceiling", "p50 ms", "× ceiling", "p99 ms", "× ceiling", "errors", "app CPU ms/req");
    var all = new List<Row> { header };
    all.AddRange(rows);
    var cells = all.Select(r => r.Cells).ToList();
    var widths = Enumerable.Range(0, header.Cells.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
    var text = new StringBuilder();
    for (var r = 0; r < cells.Count; r++)
    {
        text.Append('|');
        for (var c = 0; c < widths.Length; c++)
        {
            text.Append(' ').Append(c == 0 ? cells[r][c].PadRight(widths[c]) : cells[r][c].PadLeft(widths[c])).Append(" |");
        }

        text.AppendLine();
        if (r == 0)
        {
            text.Append('|');
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(c == 0 ? ":" + new string('-', widths[c] + 1) : new string('-', widths[c] + 1) + ":").Append('|');
            }

            text.AppendLine();
        }
    }

    return text.ToString();
}

static string Markdown(string table, string command, int stories, int seconds, int concurrency, int sessions, int scheduled, List<string> notes)
{
    var memory = File.Exists("/proc/meminfo")
        ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, ..]
            ? $"{long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB"
            : "unknown"
        : "unknown";
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : "unknown";
    var os = File.Exists("/etc/os-release")
        ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
        : RuntimeInformation.OSDescription;

    var text = new StringBuilder();
    text.AppendLine("# Benchmarks");
    text.AppendLine();
    text.AppendLine("The benchmark command of issue 7. The file is written by the command itself; run it again to refresh it.");
    text.AppendLine();
    text.AppendLine("```bash");
    text.AppendLine(command);
    text.AppendLine("```");
    text.AppendLine();
    text.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    text.AppendLine($"- Machine: {Environment.ProcessorCount} logical CPUs ({cpu}), {memory} memory, {os} ({RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture})");
    text.AppendLine($"- .NET: {RuntimeInformation.FrameworkDescription}");
    text.AppendLine($"- Stories: {stories:N0}; load: {concurrency} concurrent loops for {seconds} s per page after a 1 s warm-up;");
    text.AppendLine($"  {sessions} interactive sessions; {scheduled:N0} stories scheduled within one minute");
    text.AppendLine();
    text.AppendLine(table);
    text.AppendLine("## How it is measured");
    text.AppendLine();
    text.AppendLine("- **Data.** `bench/data` (git-ignored) is built once per story count and reused: the real app starts on an empty folder");
    text.AppendLine("  (migrations, roles, demo accounts, the seed stories), then the bench inserts the stories with one prepared `INSERT` in one");
    text.AppendLine("  transaction — Vietnamese titles, leads and 4–7 paragraph bodies from word lists and sentence templates in the style of the");
    text.AppendLine("  seed story, slugs from `VietnameseText.Slugify` plus a number, spread over the visible categories, published from 2017 to");
    text.AppendLine("  yesterday. The next start of the app fills the FTS5 table `StorySearch` (`PortalSearchIndex.ReconcileAsync`); that start is timed.");
    text.AppendLine($"  Every run then tops the review queue up to {BenchStories.ReviewQueueSize} stories \"InReview\" (slugs `{BenchStories.ReviewSlugPrefix}…`, spread over");
    text.AppendLine("  the seeded accounts and visible categories, submitted over the last three days) and deletes the scheduler stories of an");
    text.AppendLine($"  earlier run (hidden category `{BenchStories.SchedulerCategorySlug}`; their audit entries stay, the trail is append-only), so");
    text.AppendLine("  story counts and slugs stay the same from run to run.");
    text.AppendLine("- **App.** `dotnet build -c Release src/Editorial.Web`, then `dotnet Editorial.Web.dll --urls=http://127.0.0.1:<free port>");
    text.AppendLine("  --Editorial:DataFolder=bench/data` as a child process; start-up time is process start to the first `200` for `/`.");
    text.AppendLine("- **Load.** A .NET load generator in the bench process: one `HttpClient` on `SocketsHttpHandler`, N concurrent loops each");
    text.AppendLine("  sending the next GET when the previous response has been read completely (closed loop, like `wrk`), for a fixed time,");
    text.AppendLine("  after a 1 s warm-up. Latency is per request, client side; an error is any status other than 200 or an exception.");
    text.AppendLine("  Client, app and ceiling host share the machine's cores, so every figure includes the client's own cost.");
    text.AppendLine("  *app CPU ms/req* is the app process's user + system CPU time (`/proc/<pid>/stat`) over the measured run divided by the");
    text.AppendLine("  requests: it depends far less on what else the machine is doing than req/s does.");
    text.AppendLine("- **Ceiling.** The story page's HTML, byte for byte, written to a file and served by a minimal Kestrel host with the");
    text.AppendLine("  static-file middleware (this program in `--serve-static` mode, a separate process like the app). Ratios are figure ÷ ceiling");
    text.AppendLine("  (for req/s higher is better, for latency lower). The static-file middleware looks the file up and reads it on every");
    text.AppendLine("  request, while an output-cache hit is served from memory, so a cached page can beat this \"ceiling\" (ratio above 1).");
    text.AppendLine("- **Output cache.** Every public page is output-cached, so the fixed-address rows measure the cache hit path. The");
    text.AppendLine("  *rotating* row spreads the story requests over every story (request n opens story n mod N), so with many stories almost");
    text.AppendLine("  every request renders the page from the database. Behind the output cache, `PortalCache` also keeps the category");
    text.AppendLine("  navigation and each category's newest stories (\"Tin khác\") in memory until the same evictions, so such a miss is one query.");
    text.AppendLine("- **Search.** 20 diacritic-free queries on `/tim-kiem?q=…`, 5 rounds of single sequential requests. *Uncached* adds an");
    text.AppendLine("  unused `&n=<counter>` so the output cache misses and the FTS5 query and render run every time; *repeated* is the same");
    text.AppendLine("  address again (cache hit; first round not counted).");
    text.AppendLine("- **Workstation pages.** Signed in as the demo editor (password from the seed start's log in `bench/data`), one warm-up");
    text.AppendLine("  then 20 sequential GETs of each prerendered page (staff pages are never output-cached): the review queue with the");
    text.AppendLine("  stories waiting, the publication schedule, the dashboard. Client-side times over loopback (server time plus well under 1 ms).");
    text.AppendLine("- **Interactive sessions.** Microsoft.Playwright driving `/usr/bin/chromium` (headless, `--no-sandbox`): one session opened");
    text.AppendLine("  and closed first (JIT, caches), then N browser contexts each sign the demo editor in and keep two live circuits, the");
    text.AppendLine("  dashboard and a waiting story's editor page. The app's resident memory (VmRSS) and GC heap are read before, with all");
    text.AppendLine("  open, and 5 s after closing them, each time after a full blocking garbage collection induced through the runtime's");
    text.AppendLine("  diagnostics port (as `dotnet-gcdump` does) and a 2 s settle. Per session = growth ÷ sessions opened. Closed tabs");
    text.AppendLine("  disconnect their circuits, which Blazor keeps for `DisconnectedCircuitRetentionPeriod` (3 minutes by default) in case");
    text.AppendLine("  the reader comes back, so memory after closing is not yet memory after release of the circuits.");
    text.AppendLine("- **Scheduler.** N stories \"Scheduled\" (raw `INSERT` into the running app's database, in one transaction; `ScheduledForUtc`");
    text.AppendLine("  in UTC ticks as the app stores it) due at equal steps over one minute, the first 30 s after the insert; the bench waits");
    text.AppendLine("  until none is left \"Scheduled\" (at most 3 minutes after the last is due). Lag = time of the story's audit transition to");
    text.AppendLine("  Published − its scheduled time (the story's `PublishedAtUtc` is set to the scheduled time by design, so it cannot show");
    text.AppendLine("  lag). *Exactly once*: one audit transition to Published per story; *missed*: still not published at the end. The");
    text.AppendLine("  scheduler sleeps until the next due story and looks at least every 20 s (`PublicationScheduler.MaxSleep`); a story");
    text.AppendLine("  inserted behind the app's back more than 20 s ahead of its time is therefore always seen in time. Each publication");
    text.AppendLine("  also evicts the portal's output cache and updates the search index, as a publication by an editor does.");
    text.AppendLine("- The story page is the newest published story; the category page is the visible category with the most stories.");
    foreach (var note in notes)
    {
        text.AppendLine($"- {note}");
    }

    text.AppendLine();
    text.AppendLine("## Not yet measured");
    text.AppendLine();
    text.AppendLine("- Workstation page times as the server logs them (the figures above are client-side, over loopback).");
    text.AppendLine("- Memory once disconnected circuits have been released (after Blazor's 3-minute retention).");
    text.AppendLine("- `wrk` from Debian's packages as a second, independent load generator.");
    text.AppendLine();
    text.AppendLine("## Targets of issue 7");
    text.AppendLine();
    text.AppendLine("Story page at least 3,000 requests/s and at least half the static-file ceiling; search p50 at most 50 ms with");
    text.AppendLine("100,000 stories; scheduler lag p99 at most 2 s; editor queue under 200 ms.");
    return text.ToString();
}
