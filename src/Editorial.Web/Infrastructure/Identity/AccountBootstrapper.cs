using Editorial.Core.Accounts;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Editorial.Web.Infrastructure.Identity;

/// <summary>
/// Makes sure the roles exist and that somebody can sign in to a fresh database: demo accounts for a
/// trial run, or an administrator from configuration for production. Passwords are never hard-coded.
/// </summary>
public sealed class AccountBootstrapper(
    IServiceScopeFactory scopeFactory,
    EditorialSettings settings,
    TimeProvider clock,
    IBootstrapConsole console,
    AuditTrail audit,
    ILogger<AccountBootstrapper> logger)
{
    /// <summary>One demo account per role: user name, full name, role.</summary>
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role)> DemoAccounts =
    [
        ("phongvien", "Phóng viên Demo", Roles.Reporter),
        ("bientap", "Biên tập viên Demo", Roles.Editor),
        ("quantri", "Quản trị viên Demo", Roles.Administrator),
    ];

    public async Task EnsureRolesAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    public async Task EnsureBootstrapAccountsAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var bootstrap = settings.Options.Bootstrap;

        if (!string.IsNullOrWhiteSpace(bootstrap.AdminUserName))
        {
            await EnsureConfiguredAdministratorAsync(users);
        }

        if (bootstrap.DemoAccounts && !users.Users.Any())
        {
            await CreateDemoAccountsAsync(users);
        }
    }

    private async Task EnsureConfiguredAdministratorAsync(UserManager<ApplicationUser> users)
    {
        var bootstrap = settings.Options.Bootstrap;
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var existing = await users.FindByNameAsync(bootstrap.AdminUserName);
        if (existing is null)
        {
            existing = NewUser(bootstrap.AdminUserName, string.IsNullOrWhiteSpace(bootstrap.AdminFullName) ? bootstrap.AdminUserName : bootstrap.AdminFullName);
            existing.Email = string.IsNullOrWhiteSpace(bootstrap.AdminEmail) ? null : bootstrap.AdminEmail;
            EnsureSucceeded(await users.CreateAsync(existing, bootstrap.AdminPassword), $"administrator {bootstrap.AdminUserName}");
        }

        EnsureSucceeded(await users.AddToRoleAsync(existing, Roles.Administrator), $"administrator role for {bootstrap.AdminUserName}");
        await audit.RecordAsync(AuditActions.AccountCreated, "system", $"{bootstrap.AdminUserName}: {Roles.Administrator} (appsettings)");
        logger.LogWarning("Created administrator account {UserName} from configuration", bootstrap.AdminUserName);
    }

    private async Task CreateDemoAccountsAsync(UserManager<ApplicationUser> users)
    {
        var created = new List<(string UserName, string Password, string Role)>();
        foreach (var (userName, fullName, role) in DemoAccounts)
        {
            var password = PasswordGenerator.Generate();
            var user = NewUser(userName, fullName);
            EnsureSucceeded(await users.CreateAsync(user, password), $"demo account {userName}");
            EnsureSucceeded(await users.AddToRoleAsync(user, role), $"role {role} for {userName}");
            created.Add((userName, password, role));
            await audit.RecordAsync(AuditActions.AccountCreated, "system", $"{userName}: {role} (demo)");
        }

        console.PrintDemoAccounts(created);
    }

    private ApplicationUser NewUser(string userName, string fullName) => new()
    {
        UserName = userName,
        FullName = fullName,
        EmailConfirmed = true,
        LockoutEnabled = true,
        CreatedAtUtc = clock.GetUtcNow(),
    };

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Where demo passwords are shown, once. A seam so tests can read them.</summary>
public interface IBootstrapConsole
{
    void PrintDemoAccounts(IReadOnlyList<(string UserName, string Password, string Role)> accounts);
}

public sealed class StandardOutputBootstrapConsole : IBootstrapConsole
{
    public void PrintDemoAccounts(IReadOnlyList<(string UserName, string Password, string Role)> accounts)
    {
        // Printed straight to stdout, not through logging: shown once, never stored in log files.
        var lines = new List<string>
        {
            "",
            "==================================================================",
            " Tài khoản demo (mật khẩu chỉ hiển thị một lần / shown only once):",
        };
        lines.AddRange(accounts.Select(a => $"   DEMO-ACCOUNT {a.Role,-13} {a.UserName,-12} {a.Password}"));
        lines.Add("==================================================================");
        lines.Add("");
        Console.Out.Write(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        Console.Out.Flush();
    }
}
