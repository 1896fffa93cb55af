using System.Security.Claims;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Text;
using Editorial.Tests.PostgreSql;
using Editorial.Tests.TestSupport;
using Editorial.Core.Configuration;
using Editorial.Core.Time;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using System.Data.Common;

namespace Editorial.Tests.Articles.Saving;

/// <summary>The newsroom's people, as the services see them: an id, a full name and one role.</summary>
internal sealed record Person(string Id, string FullName, string? Role)
{
    public static readonly Person Khanh = new("reporter-khanh", "Trần Khánh", Roles.Reporter);
    public static readonly Person Nga = new("reporter-nga", "Thu Ngà", Roles.Reporter);
    public static readonly Person Lan = new("editor-lan", "Nguyễn Thị Lan", Roles.Editor);
    public static readonly Person Minh = new("admin-minh", "Lê Văn Minh", Roles.Administrator);
    public static readonly Person Nobody = new("no-role", "Vũ Không Quyền", null);

    public static readonly Person[] Everyone = [Khanh, Nga, Lan, Minh, Nobody];

    /// <summary>Signed in as ASP.NET Core Identity signs people in: roles as <see cref="ClaimTypes.Role"/> claims.</summary>
    public ClaimsPrincipal Principal
    {
        get
        {
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Id), new(ClaimTypes.Name, Id) };
            if (Role is not null)
            {
                claims.Add(new Claim(ClaimTypes.Role, Role));
            }

            return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test", ClaimTypes.Name, ClaimTypes.Role));
        }
    }
}

/// <summary>
/// A real database with the newsroom's people and two categories, and the story services over it: SQLite in
/// memory (one shared connection), SQLite in a temporary file (a connection per context, so that two saves
/// really race), or a new PostgreSQL database built by the app's migrations (<see cref="OnPostgreSql"/>).
/// </summary>
internal sealed class StoryDatabase : IDbContextFactory<EditorialDbContext>, IDisposable
{
    /// <summary>07:00 on 20/04/2017 in Hà Giang.</summary>
    public static readonly DateTimeOffset Start = new(2017, 4, 20, 0, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection? _memory;
    private readonly TemporaryFolder? _folder;
    private readonly DbContextOptions<EditorialDbContext>? _options;
    private readonly PostgresDatabase? _postgres;

    private StoryDatabase(bool onDisk, bool postgres = false)
    {
        if (postgres)
        {
            _postgres = PostgresDatabase.Create(configure: options => options.AddInterceptors(Commands));
        }
        else if (onDisk)
        {
            _folder = new TemporaryFolder();
            _options = new DbContextOptionsBuilder<EditorialDbContext>()
                .UseSqlite($"Data Source={Path.Combine(_folder.Path, "editorial.db")}")
                .AddInterceptors(Commands)
                .Options;
        }
        else
        {
            _memory = new SqliteConnection("Data Source=:memory:");
            _memory.Open();
            _options = new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite(_memory).Options;
        }

        using var db = CreateDbContext();
        if (_postgres is null)
        {
            db.Database.EnsureCreated();
        }

        if (onDisk && _postgres is null)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); // as the app runs it
        }

        Seed(db);

        Sanitizer = new StoryBodySanitizer();
        Editing = new ArticleEditingService(this, Sanitizer, Clock, [PublicListener]);
        Lists = new ArticleListService(this);

        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var vietnam));
        Time = new PortalTime(Clock, vietnam);
        Settings = new EditorialSettings
        {
            Options = new EditorialOptions { PortalName = "Cổng Thông tin điện tử tỉnh Hà Giang", DatelinePrefix = "CTTĐT", TimeZone = "Asia/Ho_Chi_Minh" },
            DataFolder = Path.GetTempPath(),
            ConnectionString = "Data Source=:memory:",
            TimeZone = vietnam,
        };
        Events = new WorkstationEvents(NullLogger<WorkstationEvents>.Instance);
        Audit = new AuditTrail(this, Clock);
        Workflow = new StoryWorkflowService(this, Settings, Clock, Time, Events, [PublicListener], NullLogger<StoryWorkflowService>.Instance);
        Leases = new EditingLeaseService(this, Clock, Events, Audit);
        Timeline = new StoryTimelineService(this, Clock, Events);
        Notifications = new NotificationService(this, Clock);
    }

    public PortalTime Time { get; }

    /// <summary>The settings the workflow reads (four-eyes, checklist); tests may change them.</summary>
    public EditorialSettings Settings { get; }

    public WorkstationEvents Events { get; }

    public AuditTrail Audit { get; }

    public StoryWorkflowService Workflow { get; }

    public EditingLeaseService Leases { get; }

    public StoryTimelineService Timeline { get; }

    public NotificationService Notifications { get; }

    /// <summary>Records which stories the public pages were told about.</summary>
    public RecordingPublicListener PublicListener { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Lets a test hold one writer's SQL until another has got somewhere (on-disk databases only).</summary>
    public CommandGate Commands { get; } = new();

    public StoryBodySanitizer Sanitizer { get; }

    public ArticleEditingService Editing { get; }

    public ArticleListService Lists { get; }

    /// <summary>"Hoạt động của tỉnh", the seed story's category.</summary>
    public int ProvinceNews { get; private set; }

    /// <summary>"Tin kinh tế".</summary>
    public int EconomyNews { get; private set; }

    public static StoryDatabase InMemory() => new(onDisk: false);

    public static StoryDatabase OnDisk() => new(onDisk: true);

    /// <summary>On the test PostgreSQL server (tests using it are <c>[PostgresFact]</c>); dropped on dispose.</summary>
    public static StoryDatabase OnPostgreSql() => new(onDisk: true, postgres: true);

    /// <summary>The kinds a theory runs a test on: "sqlite" (a file) and "postgresql".</summary>
    public static StoryDatabase On(string provider) => provider switch
    {
        "sqlite" => OnDisk(),
        "postgresql" => OnPostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public bool IsPostgreSql => _postgres is not null;

    public EditorialDbContext CreateDbContext() => _postgres?.CreateDbContext() ?? new EditorialDbContext(_options!);

    /// <summary>The body as the service must store it: composed, then through the sanitiser.</summary>
    public string Stored(string bodyHtml) => Sanitizer.Sanitize(VietnameseText.Normalize(bodyHtml));

    public (int Articles, int Revisions) Counts()
    {
        using var db = CreateDbContext();
        return (db.Articles.Count(), db.ArticleRevisions.Count());
    }

    public Article Row(int id)
    {
        using var db = CreateDbContext();
        return db.Articles.AsNoTracking().Single(a => a.Id == id);
    }

    public List<ArticleRevision> Revisions(int id)
    {
        using var db = CreateDbContext();
        return db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToList();
    }

    public void SetState(int id, ArticleState state)
    {
        using var db = CreateDbContext();
        db.Articles.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.State, state));
    }

    public void SetCategory(int id, int? categoryId)
    {
        using var db = CreateDbContext();
        db.Articles.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.CategoryId, categoryId));
    }

    /// <summary>Saves a new story and returns what the service reported; fails the test if it was not saved.</summary>
    public async Task<SaveResult.Saved> CreateAsync(Person author, ArticleContent content, SaveMode mode = SaveMode.Manual)
    {
        var result = await Editing.SaveAsync(null, content, 0, mode, author.Principal);
        return Assert.IsType<SaveResult.Saved>(result);
    }

    public async Task<SaveResult.Saved> SaveAsync(Person user, int id, ArticleContent content, int baseVersion, SaveMode mode = SaveMode.Manual)
    {
        var result = await Editing.SaveAsync(id, content, baseVersion, mode, user.Principal);
        return Assert.IsType<SaveResult.Saved>(result);
    }

    public void Dispose()
    {
        _memory?.Dispose();
        _folder?.Dispose();
        _postgres?.Dispose();
    }

    private void Seed(EditorialDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        foreach (var person in Person.Everyone)
        {
            db.Users.Add(new ApplicationUser
            {
                Id = person.Id,
                UserName = person.Id,
                NormalizedUserName = person.Id.ToUpperInvariant(),
                FullName = person.FullName,
                CreatedAtUtc = Start.AddDays(-30),
            });
            if (person.Role is not null)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roles[person.Role].Id });
            }
        }

        var province = new Category { Name = "Hoạt động của tỉnh", Slug = "hoat-dong-cua-tinh", SortOrder = 1 };
        var economy = new Category { Name = "Tin kinh tế", Slug = "tin-kinh-te", SortOrder = 2 };
        db.Categories.AddRange(province, economy);
        db.SaveChanges();
        ProvinceNews = province.Id;
        EconomyNews = economy.Id;
    }
}

/// <summary>Stands in for the portal's cache and search index: remembers which stories changed for readers.</summary>
public sealed class RecordingPublicListener : IPublicStoryListener
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> changed = new();

    public IReadOnlyList<int> Changed => changed.ToList();

    public Task StoryChangedAsync(int articleId, CancellationToken cancellationToken)
    {
        changed.Enqueue(articleId);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Runs a test's callback before each SQL command, told who is running it (<see cref="Actor"/> flows with
/// the async call) and what the command is, so that two saves can be interleaved at a chosen point.
/// </summary>
internal sealed class CommandGate : DbCommandInterceptor
{
    private static readonly AsyncLocal<string?> CurrentActor = new();

    public static string? Actor
    {
        get => CurrentActor.Value;
        set => CurrentActor.Value = value;
    }

    public Func<string?, string, Task>? BeforeCommand { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await Before(command);
        return result;
    }

    private Task Before(DbCommand command) => BeforeCommand?.Invoke(Actor, command.CommandText) ?? Task.CompletedTask;
}
