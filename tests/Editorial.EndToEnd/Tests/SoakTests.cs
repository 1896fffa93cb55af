using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Editorial.EndToEnd.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Editorial.EndToEnd.Tests;

/// <summary>An app of its own for the soak: its minute of load must not slow the other collections' apps' data.</summary>
public sealed class SoakAppFixture : EditorialAppFixture;

[CollectionDefinition(Name)]
public sealed class SoakCollection : ICollectionFixture<SoakAppFixture>
{
    public const string Name = "Soak";
}

/// <summary>
/// Load and soak: for a minute (<c>EDITORIAL_SOAK_SECONDS</c> shortens it for a local run) readers without
/// cookies read every kind of public page while the reporter, the editor and the administrator keep writing
/// and saving their own stories in the browser and an editor unpublishes and republishes a story through the
/// workflow API (evicting the cached pages under load). Afterwards: no server error or broken connection seen
/// by a reader, no error logged by the app, and every save the UI acknowledged is in the database.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed partial class SoakTests(SoakAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Unsaved = "Có thay đổi chưa lưu";
    private const int Readers = 4;

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("EDITORIAL_SOAK_SECONDS"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 60);

    [Fact]
    public Task Readers_and_three_people_saving_for_a_minute_meet_no_server_error_and_every_acknowledged_save_is_stored() => InBrowserAsync(async session =>
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Set-up, before the clock: what readers read, the story that is unpublished and republished, and
        // three signed-in people each with a story of their own (editing leases are per story).
        var toggled = PublishedStoryWithoutPicture();
        var targets = await ReaderTargetsAsync(http);
        var writers = new List<Writer>();
        foreach (var account in new[] { Fixture.Reporter, Fixture.Editor, Fixture.Administrator })
        {
            writers.Add(await StartWriterAsync(await session.NewPageAsync(), account, withToken: account == Fixture.Editor));
        }

        Output.WriteLine($"Soak for {Duration.TotalSeconds:0} s: {targets.Count} reader addresses, stories {string.Join(", ", writers.Select(w => $"{w.Name} #{w.StoryId}"))}, toggled #{toggled.Id} /tin/{toggled.Slug}");

        var readings = new ConcurrentQueue<Reading>();
        var toggles = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var work = new List<Task>();
        for (var i = 0; i < Readers; i++)
        {
            var random = new Random(i);
            work.Add(Task.Run(() => ReadAsync(http, targets, toggled.Slug, random, clock, readings)));
        }

        work.AddRange(writers.Select(writer => WriteAsync(writer, clock)));
        work.Add(ToggleAsync(writers[1].Page.Context.APIRequest, toggled.Id, writers[1].Token, clock, toggles));
        await Task.WhenAll(work);
        var elapsed = clock.Elapsed;

        Output.WriteLine(Summary(elapsed, readings, writers, toggles));

        // Readers: no 5xx, no broken connection, nothing but 200 (and 404 for the story while it is unpublished).
        var failures = readings.Where(r => !r.Expected).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {readings.Count} reader requests went wrong, e.g.:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures.Take(15).Select(f => $"{f.Kind} {f.Path} → {f.Outcome}")));
        Assert.All(targets.Select(t => t.Kind).Distinct(), kind => Assert.Contains(readings, r => r.Kind == kind && r.Status == 200));

        // The app: nothing logged as an error or an unhandled exception during the whole run.
        Assert.True(Fixture.App.ErrorLines.Count == 0, "the app logged errors:" + Environment.NewLine + string.Join(Environment.NewLine, Fixture.App.ErrorLines.Take(40)));

        // The database: every acknowledged marker in its story's body, the last acknowledged lead, and the
        // revision history intact (numbered 1..n, the newest revision is the story as stored).
        foreach (var writer in writers)
        {
            // A save takes a second or two by hand and about five by autosave: a minute holds far more than four.
            var enough = Math.Max(1, (int)(Duration.TotalSeconds / 15));
            Assert.True(writer.Acknowledged.Count >= enough, $"{writer.Name}: only {writer.Acknowledged.Count} saves acknowledged in {elapsed.TotalSeconds:0} s");
            var stored = ReadStory(writer.StoryId);
            var found = MarkerPattern().Matches(stored.BodyHtml).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var lost = writer.Acknowledged.Where(marker => !found.Contains(marker)).ToList();
            Assert.True(lost.Count == 0, $"{writer.Name}, story #{writer.StoryId}: acknowledged saves missing from the database: {string.Join(", ", lost)}{Environment.NewLine}stored body: {stored.BodyHtml}");
            var invented = found.Where(marker => !writer.Typed.Contains(marker)).ToList();
            Assert.True(invented.Count == 0, $"{writer.Name}: markers nobody typed in story #{writer.StoryId}: {string.Join(", ", invented)}");
            Assert.Equal(writer.AcknowledgedLead, stored.Lead);

            Assert.Equal(Enumerable.Range(1, stored.Revisions.Count), stored.Revisions.Select(r => r.Number));
            var newest = stored.Revisions[^1];
            Assert.NotEqual("SetAside", newest.Kind);
            Assert.Equal(stored.BodyHtml, newest.BodyHtml);
            Assert.Equal(stored.Lead, newest.Lead);
            Assert.Equal(stored.Title, newest.Title);
        }
    });

    /// <summary>One reader: random public addresses, one after the other, every answer timed and counted.</summary>
    private async Task ReadAsync(HttpClient http, IReadOnlyList<ReaderTarget> targets, string toggledSlug, Random random, Stopwatch clock, ConcurrentQueue<Reading> readings)
    {
        var toggledStory = "/tin/" + toggledSlug;
        while (clock.Elapsed < Duration)
        {
            var target = targets[random.Next(targets.Count)];
            var mayBeGone = target.Path == toggledStory || target.Path == toggledStory + "/in";
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(target.Path, HttpCompletionOption.ResponseContentRead);
                var status = (int)response.StatusCode;
                var expected = response.StatusCode == HttpStatusCode.OK || (mayBeGone && response.StatusCode == HttpStatusCode.NotFound);
                readings.Enqueue(new Reading(target.Kind, target.Path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, expected, status.ToString(CultureInfo.InvariantCulture)));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                readings.Enqueue(new Reading(target.Kind, target.Path, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, $"{ex.GetType().Name}: {ex.Message}"));
            }

            // A few milliseconds between requests: hundreds a second, yet CPU left on two cores for the other
            // end-to-end collections that CI runs alongside (their saves must show "Đã lưu" within 3.5 s).
            await Task.Delay(random.Next(2, 10));
        }
    }

    /// <summary>
    /// One person saving: a unique marker paragraph at the end of the body (sometimes a new lead too), saved
    /// with Ctrl+S or left to autosave; recorded only once the page says "Đã lưu lúc …" for it.
    /// </summary>
    private async Task WriteAsync(Writer writer, Stopwatch clock)
    {
        var page = writer.Page;
        var status = page.GetByTestId("save-status");
        for (var n = 1; clock.Elapsed < Duration; n++)
        {
            var marker = $"soak-{writer.Name}-{n}";
            var autosave = n % 4 == 0;
            string? lead = n % 5 == 2 ? $"CTTĐT – Sapo lần {n} của {writer.Name} trong lúc thử tải." : null;
            try
            {
                if (lead is not null)
                {
                    await page.FillFieldAsync("#story-lead", lead);
                }

                writer.Typed.Add(marker);
                await page.StoryBody().ClickAsync();
                await page.Keyboard.PressAsync("Control+End");
                await page.Keyboard.PressAsync("Enter");
                await page.Keyboard.TypeAsync(marker);

                // The server has heard of the change (so "Đã lưu" from here on is about a save that has it)…
                await Expect(status).ToHaveTextAsync(Unsaved, new() { Timeout = 15_000 });
                if (!autosave)
                {
                    await page.Keyboard.PressAsync("Control+s");
                }

                // …and saved it: by hand at once, by autosave about 4 s after typing stopped.
                await Expect(status).ToHaveTextAsync(SavedAt(), new() { Timeout = autosave ? 30_000 : 15_000 });
                await Expect(page.GetByTestId("save-errors")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("taken-over")).ToHaveCountAsync(0);
            }
            catch (Exception ex)
            {
                var shown = await ShownStatusAsync(status);
                throw new InvalidOperationException($"{writer.Name}, story #{writer.StoryId}, save {n} ({(autosave ? "autosave" : "Ctrl+S")}) at {clock.Elapsed.TotalSeconds:0.0} s, status \"{shown}\": {ex.Message}", ex);
            }

            writer.Acknowledged.Add(marker);
            if (autosave)
            {
                writer.Autosaves++;
            }

            if (lead is not null)
            {
                writer.AcknowledgedLead = lead;
                writer.LeadChanges++;
            }
        }
    }

    private static async Task<string> ShownStatusAsync(ILocator status)
    {
        try
        {
            return await status.TextContentAsync(new() { Timeout = 2_000 }) ?? "";
        }
        catch (PlaywrightException)
        {
            return "?";
        }
    }

    /// <summary>An editor unpublishes and republishes a story through POST /api/stories/{id}/workflow every few seconds.</summary>
    private async Task ToggleAsync(IAPIRequestContext api, int storyId, string token, Stopwatch clock, ConcurrentQueue<string> toggles)
    {
        var published = true;
        while (clock.Elapsed < Duration || !published)
        {
            await Task.Delay(published ? 3_000 : 2_000);
            object body = published
                ? new { action = "Unpublish", note = "Gỡ tạm trong lúc thử tải." }
                : new { action = "Republish", acceptWarnings = true };
            var response = await api.PostAsync($"/api/stories/{storyId}/workflow", new APIRequestContextOptions
            {
                DataObject = body,
                Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token },
            });
            var text = await response.TextAsync();
            Assert.True(response.Status == 200, $"{(published ? "Unpublish" : "Republish")} of story #{storyId} answered {response.Status}: {text}");
            toggles.Enqueue(published ? "unpublish" : "republish");
            published = !published;
        }
    }

    /// <summary>
    /// Signs in (and takes the antiforgery token for the workflow API if asked), writes a new story with a
    /// title, a lead and a first paragraph, saves it with the button.
    /// </summary>
    private async Task<Writer> StartWriterAsync(IPage page, DemoAccount account, bool withToken)
    {
        page.AcceptLeavePagePrompts();
        await page.SignInAsync(account);
        var token = withToken ? await TokenFromUserMenuAsync(page) : "";
        await page.OpenNewStoryAsync();
        var lead = $"CTTĐT – Bài thử tải của {account.UserName}.";
        await page.FillFieldAsync("#story-title", $"Bài thử tải của {account.UserName}: đọc và lưu cùng lúc");
        await page.FillFieldAsync("#story-lead", lead);
        await page.StoryBody().ClickAsync();
        await page.Keyboard.TypeAsync("Đoạn đầu tiên của bài, viết trước khi thử tải.");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("save-status")).ToHaveTextAsync(SavedAt(), new() { Timeout = 15_000 });
        var id = await page.StoryIdFromUrlAsync();
        return new Writer(account.UserName, page, id, token) { AcknowledgedLead = lead };
    }

    /// <summary>The antiforgery token the app rendered for this person: the sign-out form in the user menu carries it.</summary>
    private static async Task<string> TokenFromUserMenuAsync(IPage page)
    {
        await page.WaitForInteractiveAsync();
        await page.OpenUserMenuAsync();
        var token = await page.Locator(".mud-popover-open form input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token in the sign-out form");
        return token!;
    }

    /// <summary>
    /// Every kind of public address, found as a reader finds them: the home page, the sitemap, the links of
    /// the story pages (categories, print view, pictures), the feeds and searches with and without diacritics.
    /// </summary>
    private static async Task<IReadOnlyList<ReaderTarget>> ReaderTargetsAsync(HttpClient http)
    {
        var home = await http.GetStringAsync("/");
        var sitemap = await http.GetStringAsync("/sitemap.xml");
        var origin = http.BaseAddress!.ToString().TrimEnd('/');
        var paths = new HashSet<string>(StringComparer.Ordinal) { "/", "/sitemap.xml", "/rss.xml" };
        paths.UnionWith(SitemapLocation().Matches(sitemap).Select(m => m.Groups["loc"].Value.Replace(origin, "", StringComparison.Ordinal)));
        paths.UnionWith(LocalLink().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups["path"].Value)));
        foreach (var story in paths.Where(p => p.StartsWith("/tin/", StringComparison.Ordinal)).ToList())
        {
            paths.UnionWith(LocalLink().Matches(await http.GetStringAsync(story)).Select(m => WebUtility.HtmlDecode(m.Groups["path"].Value)));
        }

        var targets = paths.Select(p => new ReaderTarget(KindOf(p), p)).Where(t => t.Kind != "other").ToList();
        targets.AddRange(
        [
            new("search", "/tim-kiem?q=hoi+nghi+truc+tuyen"),
            new("search", "/tim-kiem?q=" + Uri.EscapeDataString("Hội nghị trực tuyến")),
            new("search", "/tim-kiem?q=thao+hong+son"),
            new("search", "/tim-kiem?q=" + Uri.EscapeDataString("Khâu Vai")),
        ]);
        foreach (var kind in new[] { "home", "category", "story", "print", "search", "rss", "sitemap", "media" })
        {
            Assert.True(targets.Any(t => t.Kind == kind), $"no {kind} address found for readers among: {string.Join(" ", paths)}");
        }

        return targets;
    }

    private static string KindOf(string path) => path switch
    {
        "/" => "home",
        "/sitemap.xml" => "sitemap",
        _ when path.EndsWith("rss.xml", StringComparison.Ordinal) => "rss",
        _ when path.StartsWith("/chuyen-muc/", StringComparison.Ordinal) => "category",
        _ when path.StartsWith("/tin/", StringComparison.Ordinal) && path.EndsWith("/in", StringComparison.Ordinal) => "print",
        _ when path.StartsWith("/tin/", StringComparison.Ordinal) => "story",
        _ when path.StartsWith("/media/", StringComparison.Ordinal) => "media",
        _ => "other",
    };

    private (int Id, string Slug) PublishedStoryWithoutPicture()
    {
        using var db = OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT Id, Slug FROM Articles WHERE State = 'Published' AND FeaturedImageId IS NULL ORDER BY Id LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the demo database has no published story without a picture");
        return (reader.GetInt32(0), reader.GetString(1));
    }

    /// <summary>The story as stored, read from the SQLite file directly (read-only), with its revisions oldest first.</summary>
    private StoredStory ReadStory(int id)
    {
        using var db = OpenDatabase();
        using var article = db.CreateCommand();
        article.CommandText = "SELECT Title, Lead, BodyHtml FROM Articles WHERE Id = $id";
        article.Parameters.AddWithValue("$id", id);
        StoredStory story;
        using (var reader = article.ExecuteReader())
        {
            Assert.True(reader.Read(), $"story #{id} is not in the database");
            story = new StoredStory(reader.GetString(0), reader.GetString(1), reader.GetString(2), []);
        }

        using var revisions = db.CreateCommand();
        revisions.CommandText = "SELECT Number, Kind, ContentJson FROM ArticleRevisions WHERE ArticleId = $id ORDER BY Number";
        revisions.Parameters.AddWithValue("$id", id);
        using var rows = revisions.ExecuteReader();
        while (rows.Read())
        {
            using var content = JsonDocument.Parse(rows.GetString(2));
            string Field(string name) => content.RootElement.EnumerateObject()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
                ? value.GetString()!
                : "";
            story.Revisions.Add(new StoredRevision(rows.GetInt32(0), rows.GetString(1), Field("title"), Field("lead"), Field("bodyHtml")));
        }

        return story;
    }

    private SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Fixture.App.DataFolder, "editorial.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string Summary(TimeSpan elapsed, ConcurrentQueue<Reading> readings, List<Writer> writers, ConcurrentQueue<string> toggles)
    {
        var times = readings.Select(r => r.Milliseconds).Order().ToArray();
        double Percentile(double p) => times.Length == 0 ? 0 : times[Math.Min(times.Length - 1, (int)Math.Ceiling(p * times.Length) - 1)];
        var byKind = string.Join(", ", readings.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var byStatus = string.Join(", ", readings.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        var saves = string.Join(", ", writers.Select(w => $"{w.Name} {w.Acknowledged.Count} ({w.Autosaves} by autosave, {w.LeadChanges} with a new lead)"));
        return string.Create(CultureInfo.InvariantCulture,
            $"SOAK {elapsed.TotalSeconds:0.0} s: reader requests {readings.Count} ({readings.Count / elapsed.TotalSeconds:0} /s; {byKind}); "
            + $"statuses {byStatus}; p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {(times.Length == 0 ? 0 : times[^1]):0} ms; "
            + $"saves acknowledged {writers.Sum(w => w.Acknowledged.Count)} ({saves}); "
            + $"workflow toggles {toggles.Count(t => t == "unpublish")} unpublish + {toggles.Count(t => t == "republish")} republish");
    }

    private static Regex SavedAt() => SavedAtPattern();

    [GeneratedRegex(@"^Đã lưu lúc \d{2}:\d{2}:\d{2}$")]
    private static partial Regex SavedAtPattern();

    [GeneratedRegex(@"soak-[a-z]+-\d+")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<loc>(?<loc>[^<]+)</loc>")]
    private static partial Regex SitemapLocation();

    [GeneratedRegex("(?:href|src)=\"(?<path>/(?!/)[^\"#]*)\"")]
    private static partial Regex LocalLink();

    private sealed record ReaderTarget(string Kind, string Path);

    private sealed record Reading(string Kind, string Path, int Status, double Milliseconds, bool Expected, string Outcome);

    private sealed record StoredRevision(int Number, string Kind, string Title, string Lead, string BodyHtml);

    private sealed record StoredStory(string Title, string Lead, string BodyHtml, List<StoredRevision> Revisions);

    /// <summary>One signed-in person and their story; what they typed and what the page acknowledged.</summary>
    private sealed class Writer(string name, IPage page, int storyId, string token)
    {
        public string Name => name;

        public IPage Page => page;

        public int StoryId => storyId;

        public string Token => token;

        public HashSet<string> Typed { get; } = new(StringComparer.Ordinal);

        public List<string> Acknowledged { get; } = [];

        public string AcknowledgedLead { get; set; } = "";

        public int Autosaves { get; set; }

        public int LeadChanges { get; set; }
    }
}
