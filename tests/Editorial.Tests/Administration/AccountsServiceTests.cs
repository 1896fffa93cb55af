using Editorial.Core.Accounts;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.Administration;

/// <summary>
/// Accounts and roles over a seeded SQLite database: Minh is the only administrator, Lan an editor, Khánh and
/// Ngà reporters. Every change is checked in the service, audited with who did it to whom, and never leaves
/// the newsroom without an enabled, unlocked administrator.
/// </summary>
public sealed class AccountsServiceTests : IDisposable
{
    private readonly StoryDatabase db;
    private readonly ServiceProvider services;
    private readonly CultureScope culture = CultureScope.Vietnamese();

    public AccountsServiceTests()
        : this(StoryDatabase.InMemory())
    {
    }

    /// <summary>The same tests on another database: PostgreSql/ProviderRerunTests runs them on PostgreSQL.</summary>
    internal AccountsServiceTests(StoryDatabase database)
    {
        db = database;
        services = new ServiceCollection().AddAccountServices(db).BuildServiceProvider();
        Accounts = services.GetRequiredService<AccountAdministration>();
    }

    private AccountAdministration Accounts { get; }

    private static System.Security.Claims.ClaimsPrincipal Minh => Person.Minh.Principal;

    [Fact]
    public async Task Create_WithAGeneratedPassword_MakesAnAccountThatMustChangeIt_AndAudits()
    {
        var result = await Accounts.CreateAsync(Minh, new NewAccount(" Hoàng Thu Hà ", "hoangha", "ha@hagiang.gov.vn", [Roles.Reporter], Password: null));

        Assert.True(result.Succeeded, result.Refusal?.ToString());
        Assert.NotNull(result.Password);
        Assert.True(result.Password!.Length >= 10);
        var user = db.UserNamed("hoangha");
        Assert.NotNull(user);
        Assert.Equal(result.UserId, user!.Id);
        Assert.Equal("Hoàng Thu Hà", user.FullName);
        Assert.Equal("ha@hagiang.gov.vn", user.Email);
        Assert.True(user.MustChangePassword);
        Assert.True(user.LockoutEnabled);
        Assert.False(user.IsDisabled);
        Assert.Equal(StoryDatabase.Start, user.CreatedAtUtc);
        Assert.Equal([Roles.Reporter], db.RolesOf(user.Id));
        Assert.True(await CheckPasswordAsync(user.Id, result.Password));

        var entry = Assert.Single(db.AuditEntries(), e => e.Action == AuditActions.AccountCreated);
        Assert.Equal(Person.Minh.Id, entry.UserName);
        Assert.Equal(Person.Minh.Id, entry.UserId);
        Assert.Equal("hoangha (Hoàng Thu Hà): Reporter", entry.Details);
        Assert.Equal(StoryDatabase.Start, entry.AtUtc);
    }

    [Fact]
    public async Task Create_WithATypedPassword_UsesIt()
    {
        var result = await Accounts.CreateAsync(Minh, new NewAccount("Lò Văn Sình", "losinh", null, [Roles.Editor, Roles.Reporter], "mat-khau-du-dai"));

        Assert.True(result.Succeeded);
        Assert.Equal("mat-khau-du-dai", result.Password);
        var user = db.UserNamed("losinh")!;
        Assert.True(await CheckPasswordAsync(user.Id, "mat-khau-du-dai"));
        Assert.Equal([Roles.Reporter, Roles.Editor], db.RolesOf(user.Id));
    }

    [Fact]
    public async Task Create_WithATooShortTypedPassword_IsRefusedInVietnamese_AndCreatesNothing()
    {
        var result = await Accounts.CreateAsync(Minh, new NewAccount("Lò Văn Sình", "losinh", null, [Roles.Reporter], "ngan"));

        Assert.Equal(AccountRefusal.PasswordInvalid, result.Refusal);
        Assert.Contains(result.Errors, e => e.Contains("ít nhất 10 ký tự", StringComparison.Ordinal));
        Assert.Null(db.UserNamed("losinh"));
        Assert.Empty(db.AuditEntries());
    }

    public static TheoryData<string?, string?, string?, string[], AccountRefusal> BadInput => new()
    {
        { "", "hoangha", null, [Roles.Reporter], AccountRefusal.FullNameRequired },
        { "   ", "hoangha", null, [Roles.Reporter], AccountRefusal.FullNameRequired },
        { new string('a', 201), "hoangha", null, [Roles.Reporter], AccountRefusal.FullNameTooLong },
        { "Hoàng Thu Hà", "", null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Hoàng Thu Hà", "hà", null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Hoàng Thu Hà", "hoang ha", null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Hoàng Thu Hà", "ab", null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Hoàng Thu Hà", ".hoangha", null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Hoàng Thu Hà", new string('h', 65), null, [Roles.Reporter], AccountRefusal.UserNameInvalid },
        { "Trần Khánh", "reporter-khanh", null, [Roles.Reporter], AccountRefusal.UserNameTaken },
        { "Trần Khánh", "REPORTER-KHANH", null, [Roles.Reporter], AccountRefusal.UserNameTaken },
        { "Hoàng Thu Hà", "hoangha", "khong-phai-email", [Roles.Reporter], AccountRefusal.EmailInvalid },
        { "Hoàng Thu Hà", "hoangha", "ha@localhost", [Roles.Reporter], AccountRefusal.EmailInvalid },
        { "Hoàng Thu Hà", "hoangha", null, [], AccountRefusal.RolesRequired },
        { "Hoàng Thu Hà", "hoangha", null, ["Superuser"], AccountRefusal.RoleUnknown },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_RefusesBadInput_AndChangesNothing(string? fullName, string? userName, string? email, string[] roles, AccountRefusal expected)
    {
        var before = db.Counts();
        var usersBefore = UserCount();

        var result = await Accounts.CreateAsync(Minh, new NewAccount(fullName, userName, email, roles, null));

        Assert.Equal(expected, result.Refusal);
        Assert.Null(result.Password);
        Assert.Equal(usersBefore, UserCount());
        Assert.Equal(before, db.Counts());
        Assert.Empty(db.AuditEntries());
    }

    [Fact]
    public async Task OnlyAdministrators_ManageAccounts()
    {
        foreach (var person in new[] { Person.Lan, Person.Khanh, Person.Nobody })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Accounts.CreateAsync(person.Principal, new NewAccount("X Y", "xyxyxy", null, [Roles.Administrator], null)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Accounts.SetRolesAsync(person.Principal, person.Id, [Roles.Administrator]));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Accounts.LockAsync(person.Principal, Person.Minh.Id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Accounts.DisableAsync(person.Principal, Person.Minh.Id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => services.GetRequiredService<UserDirectory>().ListAsync(person.Principal, null));
        }

        Assert.Equal([Roles.Administrator], db.RolesOf(Person.Minh.Id));
        Assert.Null(db.User(Person.Minh.Id).LockoutEnd);
        Assert.Empty(db.AuditEntries());
    }

    [Fact]
    public async Task TheLastAdministrator_CannotRemoveTheirOwnAdministratorRole()
    {
        var stamp = db.User(Person.Minh.Id).SecurityStamp;

        var result = await Accounts.SetRolesAsync(Minh, Person.Minh.Id, [Roles.Editor]);

        Assert.Equal(AccountRefusal.LastAdministrator, result.Refusal);
        Assert.Equal([Roles.Administrator], db.RolesOf(Person.Minh.Id));
        Assert.Equal(stamp, db.User(Person.Minh.Id).SecurityStamp);
        Assert.Empty(db.AuditEntries());
    }

    [Fact]
    public async Task AnAdministrator_CannotLockOrDisableThemselves()
    {
        db.AddPerson("admin-hoa", "Đỗ Thị Hoa", Roles.Administrator);

        Assert.Equal(AccountRefusal.NotYourself, (await Accounts.LockAsync(Minh, Person.Minh.Id)).Refusal);
        Assert.Equal(AccountRefusal.NotYourself, (await Accounts.DisableAsync(Minh, Person.Minh.Id)).Refusal);

        var me = db.User(Person.Minh.Id);
        Assert.Null(me.LockoutEnd);
        Assert.False(me.IsDisabled);
        Assert.Empty(db.AuditEntries());
    }

    [Fact]
    public async Task WithASecondAdministrator_RemovingYourOwnAdministratorRole_Works_AndEndsYourSessions()
    {
        db.AddPerson("admin-hoa", "Đỗ Thị Hoa", Roles.Administrator);
        var stamp = db.User(Person.Minh.Id).SecurityStamp;

        var result = await Accounts.SetRolesAsync(Minh, Person.Minh.Id, [Roles.Editor]);

        Assert.True(result.Succeeded);
        Assert.Equal([Roles.Editor], db.RolesOf(Person.Minh.Id));
        Assert.NotEqual(stamp, db.User(Person.Minh.Id).SecurityStamp);
        var entry = Assert.Single(db.AuditEntries());
        Assert.Equal(AuditActions.AccountRolesChanged, entry.Action);
        Assert.Equal(Person.Minh.Id, entry.UserName);
        Assert.Equal("admin-minh: Administrator → Editor", entry.Details);
    }

    [Fact]
    public async Task NobodyCanLeaveTheNewsroom_WithoutAnEnabledUnlockedAdministrator()
    {
        // Hoa acts; Tuấn is an administrator too, but disabled, and Phương is locked: they do not count.
        var hoa = db.AddPerson("admin-hoa", "Đỗ Thị Hoa", Roles.Administrator);
        db.AddPerson("admin-tuan", "Vàng Văn Tuấn", Roles.Administrator, disabled: true);
        db.AddPerson("admin-phuong", "Lý Thị Phương", Roles.Administrator, lockedUntil: StoryDatabase.Start.AddHours(1));

        Assert.True((await Accounts.LockAsync(hoa.Principal, Person.Minh.Id)).Succeeded);

        // Now Hoa is the only active administrator: she cannot give up the role, and Minh cannot take it away,
        // lock or disable her, even with the Administrator claim still in his (old) cookie.
        Assert.Equal(AccountRefusal.LastAdministrator, (await Accounts.SetRolesAsync(hoa.Principal, hoa.Id, [Roles.Reporter])).Refusal);
        Assert.Equal(AccountRefusal.LastAdministrator, (await Accounts.SetRolesAsync(Minh, hoa.Id, [Roles.Editor])).Refusal);
        Assert.Equal(AccountRefusal.LastAdministrator, (await Accounts.LockAsync(Minh, hoa.Id)).Refusal);
        Assert.Equal(AccountRefusal.LastAdministrator, (await Accounts.DisableAsync(Minh, hoa.Id)).Refusal);
        Assert.Equal([Roles.Administrator], db.RolesOf(hoa.Id));

        // Once Phương's lock runs out she counts again, and Hoa may step down.
        db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await Accounts.SetRolesAsync(hoa.Principal, hoa.Id, [Roles.Editor])).Succeeded);
        Assert.Equal([Roles.Editor], db.RolesOf(hoa.Id));
    }

    [Fact]
    public async Task Lock_LocksUntilUnlocked_AndUnlock_AlsoForgetsTheFailures()
    {
        var stamp = db.User(Person.Khanh.Id).SecurityStamp;

        Assert.True((await Accounts.LockAsync(Minh, Person.Khanh.Id)).Succeeded);

        var locked = db.User(Person.Khanh.Id);
        Assert.True(locked.LockoutEnabled);
        Assert.Equal(AccountAdministration.LockedIndefinitely, locked.LockoutEnd);
        Assert.NotEqual(stamp, locked.SecurityStamp);
        Assert.True(await IsLockedOutAsync(Person.Khanh.Id));
        var row = (await services.GetRequiredService<UserDirectory>().ListAsync(Minh, "khanh")).Single();
        Assert.True(row.LockedIndefinitely);

        await SetFailuresAsync(Person.Khanh.Id, 3);
        Assert.True((await Accounts.UnlockAsync(Minh, Person.Khanh.Id)).Succeeded);

        var unlocked = db.User(Person.Khanh.Id);
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(0, unlocked.AccessFailedCount);
        Assert.False(await IsLockedOutAsync(Person.Khanh.Id));
        Assert.Equal(
            [(AuditActions.AccountLocked, "reporter-khanh"), (AuditActions.AccountUnlocked, "reporter-khanh")],
            db.AuditEntries().Select(e => (e.Action, e.Details)));
        Assert.All(db.AuditEntries(), e => Assert.Equal(Person.Minh.Id, e.UserName));
    }

    [Fact]
    public async Task Unlock_EndsALockoutAfterWrongPasswords()
    {
        await SetFailuresAsync(Person.Nga.Id, 5, lockedUntil: StoryDatabase.Start.AddMinutes(15));
        var row = (await services.GetRequiredService<UserDirectory>().ListAsync(Minh, "nga")).Single();
        Assert.NotNull(row.LockedUntil);
        Assert.False(row.LockedIndefinitely);

        Assert.True((await Accounts.UnlockAsync(Minh, Person.Nga.Id)).Succeeded);

        Assert.Null(db.User(Person.Nga.Id).LockoutEnd);
        Assert.Equal(0, db.User(Person.Nga.Id).AccessFailedCount);
    }

    [Fact]
    public async Task Disable_AndEnable_AreRecorded_AndDisablingEndsSessions()
    {
        var stamp = db.User(Person.Lan.Id).SecurityStamp;

        Assert.True((await Accounts.DisableAsync(Minh, Person.Lan.Id)).Succeeded);
        var disabled = db.User(Person.Lan.Id);
        Assert.True(disabled.IsDisabled);
        Assert.NotEqual(stamp, disabled.SecurityStamp);
        Assert.Equal([Roles.Editor], db.RolesOf(Person.Lan.Id)); // nothing else changes: bylines and history stay

        Assert.True((await Accounts.EnableAsync(Minh, Person.Lan.Id)).Succeeded);
        Assert.False(db.User(Person.Lan.Id).IsDisabled);

        Assert.Equal(
            [(AuditActions.AccountDisabled, "editor-lan"), (AuditActions.AccountEnabled, "editor-lan")],
            db.AuditEntries().Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task RequirePasswordChange_SetsTheMark_AndIsRecorded()
    {
        Assert.True((await Accounts.RequirePasswordChangeAsync(Minh, Person.Nga.Id)).Succeeded);

        Assert.True(db.User(Person.Nga.Id).MustChangePassword);
        var entry = Assert.Single(db.AuditEntries());
        Assert.Equal(AuditActions.AccountPasswordResetRequired, entry.Action);
        Assert.Equal("reporter-nga", entry.Details);
    }

    [Fact]
    public async Task ChangingRoles_ReplacesThem_AndAnUnchangedSetIsNotRecorded()
    {
        Assert.True((await Accounts.SetRolesAsync(Minh, Person.Khanh.Id, [Roles.Editor, Roles.Reporter])).Succeeded);
        Assert.True((await Accounts.SetRolesAsync(Minh, Person.Khanh.Id, [Roles.Reporter, Roles.Editor])).Succeeded);

        Assert.Equal([Roles.Reporter, Roles.Editor], db.RolesOf(Person.Khanh.Id));
        var entry = Assert.Single(db.AuditEntries());
        Assert.Equal("reporter-khanh: Reporter → Reporter, Editor", entry.Details);

        Assert.Equal(AccountRefusal.RolesRequired, (await Accounts.SetRolesAsync(Minh, Person.Khanh.Id, [])).Refusal);
        Assert.Equal(AccountRefusal.NotFound, (await Accounts.LockAsync(Minh, "no-such-id")).Refusal);
        Assert.Equal([Roles.Reporter, Roles.Editor], db.RolesOf(Person.Khanh.Id));
    }

    [Theory]
    [InlineData("tran khanh", "reporter-khanh")]
    [InlineData("TRẦN", "reporter-khanh")]
    [InlineData("thu nga", "reporter-nga")]
    [InlineData("editor", "editor-lan")]
    public async Task TheDirectory_SearchesIgnoringDiacriticsAndCase(string search, string expected)
    {
        var rows = await services.GetRequiredService<UserDirectory>().ListAsync(Minh, search);

        Assert.Equal(expected, Assert.Single(rows).UserName);
    }

    private int UserCount()
    {
        using var context = db.CreateDbContext();
        return context.Users.Count();
    }

    private async Task<bool> CheckPasswordAsync(string id, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(id))!, password);
    }

    private async Task<bool> IsLockedOutAsync(string id)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(id))!);
    }

    private Task SetFailuresAsync(string id, int count, DateTimeOffset? lockedUntil = null)
    {
        using var context = db.CreateDbContext();
        var user = context.Users.Single(u => u.Id == id);
        user.AccessFailedCount = count;
        user.LockoutEnabled = true;
        if (lockedUntil is not null)
        {
            user.LockoutEnd = lockedUntil;
        }

        context.SaveChanges();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        services.Dispose();
        db.Dispose();
        culture.Dispose();
    }
}
