using System.Reflection;
using Editorial.Tests.Administration;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Notifications;
using Editorial.Tests.Portal;
using Editorial.Tests.Publishing;
using Editorial.Tests.Royalties;
using Editorial.Tests.Workflow;

namespace Editorial.Tests.PostgreSql;

/// <summary>
/// The service test classes written against SQLite, run again unchanged on a fresh PostgreSQL database each
/// (built by the app's PostgreSQL migrations): saving and revisions, the workflow and its race, editing leases,
/// the scheduler, notifications, accounts, categories, audit search, statistics, settings, royalties and the
/// portal's search (tsvector instead of FTS5).
/// One theory case per test method (and per InlineData row), named after it.
/// </summary>
public sealed class ProviderRerunTests
{
    public static TheoryData<string> Saving => TestsOf<ArticleEditingServiceTests>();

    public static TheoryData<string> Lists => TestsOf<ArticleListServiceTests>();

    public static TheoryData<string> Workflow => TestsOf<StoryWorkflowServiceTests>();

    public static TheoryData<string> Race => TestsOf<ConcurrentApprovalTests>();

    public static TheoryData<string> Leases => TestsOf<EditingLeaseTests>();

    public static TheoryData<string> Scheduler => TestsOf<PublicationSchedulerTests>();

    public static TheoryData<string> Schedule => TestsOf<PublishingScheduleServiceTests>();

    public static TheoryData<string> Notifications => TestsOf<NotificationServiceTests>();

    public static TheoryData<string> Accounts => TestsOf<AccountsServiceTests>();

    public static TheoryData<string> Categories => TestsOf<CategoriesServiceTests>();

    public static TheoryData<string> AuditSearch => TestsOf<AuditSearchTests>();

    public static TheoryData<string> Statistics => TestsOf<StatisticsServiceTests>();

    public static TheoryData<string> Settings => TestsOf<SettingsStoreTests>();

    public static TheoryData<string> Royalties => TestsOf<RoyaltyServiceTests>();

    public static TheoryData<string> Search => TestsOf<PortalSearchTests>();

    [PostgresTheory, MemberData(nameof(Saving))]
    public Task ArticleEditingService(string test) => RunAsync(() => new ArticleEditingServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Lists))]
    public Task ArticleListService(string test) => RunAsync(() => new ArticleListServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Workflow))]
    public Task StoryWorkflowService(string test) => RunAsync(() => new StoryWorkflowServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Race))]
    public Task ConcurrentApproval(string test) => RunAsync(() => new ConcurrentApprovalTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Leases))]
    public Task EditingLeases(string test) => RunAsync(() => new EditingLeaseTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Scheduler))]
    public Task PublicationScheduler(string test) => RunAsync(() => new PublicationSchedulerTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Schedule))]
    public Task PublishingSchedule(string test) => RunAsync(() => new PublishingScheduleServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Notifications))]
    public Task NotificationService(string test) => RunAsync(() => new NotificationServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Accounts))]
    public Task AccountAdministration(string test) => RunAsync(() => new AccountsServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Categories))]
    public Task CategoryCatalog(string test) => RunAsync(() => new CategoriesServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(AuditSearch))]
    public Task AuditTrailSearch(string test) => RunAsync(() => new AuditSearchTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Statistics))]
    public Task StatisticsService(string test) => RunAsync(() => new StatisticsServiceTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Settings))]
    public Task NewsroomSettings(string test) => RunAsync(() => new SettingsStoreTests(StoryDatabase.OnPostgreSql()), test);

    [PostgresTheory, MemberData(nameof(Royalties))]
    public Task RoyaltyServices(string test) => RunAsync(() => new RoyaltyServiceTests(new RoyaltyDatabase(StoryDatabase.OnPostgreSql())), test);

    [PostgresTheory, MemberData(nameof(Search))]
    public Task PortalSearch(string test) => RunAsync(() => new PortalSearchTests(new PortalDatabase(postgres: true)), test);

    /// <summary>"Method" for a fact, "Method#n" for the n-th InlineData row of a theory; skipped tests left out.</summary>
    private static TheoryData<string> TestsOf<T>()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            if (method.GetCustomAttribute<FactAttribute>() is not { Skip: null } fact)
            {
                continue;
            }

            var rows = method.GetCustomAttributes<InlineDataAttribute>().ToList();
            if (fact is TheoryAttribute)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    data.Add($"{method.Name}#{i}");
                }
            }
            else
            {
                data.Add(method.Name);
            }
        }

        return data;
    }

    private static async Task RunAsync<T>(Func<T> create, string test)
    {
        var (name, row) = test.Split('#') is [var n, var r] ? (n, int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)) : (test, -1);
        var method = typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no test {name}");
        object?[] arguments = row < 0 ? [] : method.GetCustomAttributes<InlineDataAttribute>().ElementAt(row).GetData(method).Single() ?? [null]; // InlineData(null) holds no array
        var parameters = method.GetParameters();
        for (var i = 0; i < arguments.Length; i++)
        {
            // InlineData holds what the attribute could hold (an int for a long, a string for a DateTimeOffset...).
            if (arguments[i] is { } value && !parameters[i].ParameterType.IsInstanceOfType(value))
            {
                var target = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
                arguments[i] = target.IsEnum ? Enum.ToObject(target, value) : Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var instance = create();
        try
        {
            if (method.Invoke(instance, arguments) is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
