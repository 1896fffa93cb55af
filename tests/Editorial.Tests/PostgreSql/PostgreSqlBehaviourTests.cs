using Editorial.Core.Accounts;
using Editorial.Tests.Administration;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Editorial.Tests.PostgreSql;

/// <summary>What PostgreSQL does differently from SQLite, and how the app keeps the same behaviour on it.</summary>
public sealed class PostgreSqlBehaviourTests : IDisposable
{
    private readonly StoryDatabase db = StoryDatabase.OnPostgreSql();

    public void Dispose() => db.Dispose();

    [PostgresFact]
    public async Task Audit_entries_cannot_be_updated_deleted_or_truncated()
    {
        await using (var context = db.CreateDbContext())
        {
            context.AuditEntries.Add(new AuditEntry { AtUtc = StoryDatabase.Start, UserName = "quantri", Action = "account.sign-in" });
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateDbContext();
        var update = await Assert.ThrowsAsync<PostgresException>(() => check.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, "ai-do")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => check.AuditEntries.ExecuteDeleteAsync());
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => check.Database.ExecuteSqlRawAsync("""TRUNCATE "AuditEntries" """));

        Assert.All([update, delete, truncate], ex => Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal));
        Assert.Equal("quantri", (await check.AuditEntries.SingleAsync()).UserName);
    }

    [PostgresFact]
    public async Task A_time_with_an_offset_is_stored_as_the_same_instant_in_UTC_and_compared_and_ordered_as_instants()
    {
        // 07:00 in Hà Giang is midnight UTC; Npgsql alone refuses to write an offset other than zero.
        var morningInVietnam = new DateTimeOffset(2017, 4, 20, 7, 0, 0, TimeSpan.FromHours(7));
        var laterUtc = new DateTimeOffset(2017, 4, 20, 0, 30, 0, TimeSpan.Zero);
        await using (var context = db.CreateDbContext())
        {
            context.Notifications.AddRange(
                new Notification { RecipientId = Person.Khanh.Id, Kind = "test", CreatedAtUtc = laterUtc, ArticleTitle = "sau" },
                new Notification { RecipientId = Person.Khanh.Id, Kind = "test", CreatedAtUtc = morningInVietnam, ArticleTitle = "trước" });
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateDbContext();
        var stored = await check.Notifications.AsNoTracking().Where(n => n.CreatedAtUtc == morningInVietnam).SingleAsync();
        Assert.Equal(morningInVietnam, stored.CreatedAtUtc);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAtUtc.Offset);
        Assert.Equal(["trước", "sau"], await check.Notifications.OrderBy(n => n.CreatedAtUtc).Select(n => n.ArticleTitle).ToListAsync());
        Assert.Equal(["sau"], await check.Notifications.Where(n => n.CreatedAtUtc > morningInVietnam).Select(n => n.ArticleTitle).ToListAsync());
    }

    [PostgresFact]
    public async Task Two_administrators_disabling_each_other_at_once_never_leave_zero_administrators()
    {
        var hoa = db.AddPerson("admin-hoa", "Đỗ Thị Hoa", Roles.Administrator);
        await using var services = new ServiceCollection().AddAccountServices(db).BuildServiceProvider();
        var accounts = services.GetRequiredService<AccountAdministration>();

        // Each waits, once it reads the administrators, for the other to have read them too (at most 3 s): without
        // serialisation both would see two active administrators and both would disable.
        var minhRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hoaRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Commands.BeforeCommand = async (actor, sql) =>
        {
            if (!sql.Contains("\"AspNetUserRoles\"", StringComparison.Ordinal) || sql.Contains("INSERT", StringComparison.Ordinal) || sql.Contains("DELETE", StringComparison.Ordinal))
            {
                return;
            }

            var (mine, theirs) = actor == Person.Minh.Id ? (minhRead, hoaRead) : actor == hoa.Id ? (hoaRead, minhRead) : (null, null);
            if (mine is not null && mine.TrySetResult())
            {
                await Task.WhenAny(theirs!.Task, Task.Delay(TimeSpan.FromSeconds(3)));
            }
        };

        var results = await Task.WhenAll(
            Task.Run(() =>
            {
                CommandGate.Actor = Person.Minh.Id;
                return accounts.DisableAsync(Person.Minh.Principal, hoa.Id);
            }),
            Task.Run(() =>
            {
                CommandGate.Actor = hoa.Id;
                return accounts.DisableAsync(hoa.Principal, Person.Minh.Id);
            }));
        db.Commands.BeforeCommand = null;

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(AccountRefusal.LastAdministrator, Assert.Single(results, r => !r.Succeeded).Refusal);
        Assert.Single(new[] { db.User(Person.Minh.Id), db.User(hoa.Id) }, u => !u.IsDisabled);
        Assert.Single(db.AuditEntries("account.disable"));
    }
}
