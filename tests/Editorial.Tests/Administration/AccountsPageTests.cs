using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Tests.Articles.Form;
using Editorial.Tests.Articles.Saving;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Editorial.Tests.Administration;

/// <summary>"Người dùng" as the administrator Minh sees it, over the real account services and a seeded SQLite database.</summary>
public sealed class AccountsPageTests : StoryPageTest
{
    private IRenderedComponent<MudDialogProvider>? dialogs;
    private IRenderedComponent<MudPopoverProvider>? popovers;

    public AccountsPageTests()
    {
        Services.AddAccountServices(Database);
        SignIn(Person.Minh);
    }

    private IRenderedComponent<MudDialogProvider> Dialogs => dialogs ?? throw new InvalidOperationException("Render the page first.");

    private IRenderedComponent<MudPopoverProvider> Popovers => popovers ?? throw new InvalidOperationException("Render the page first.");

    private IRenderedComponent<Users> RenderUsers()
    {
        popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        dialogs = Render<MudDialogProvider>();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal(Person.Everyone.Length, Rows(page).Count), Patience);
        return page;
    }

    [Fact]
    public async Task TheList_ShowsEveryAccountWithRolesAndState_AndSearchIgnoresDiacritics()
    {
        Database.AddPerson("bi-khoa", "Phạm Bị Khóa", Roles.Reporter, lockedUntil: AccountAdministration.LockedIndefinitely);
        Database.AddPerson("da-nghi", "Hà Đã Nghỉ", Roles.Editor, disabled: true);
        popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        dialogs = Render<MudDialogProvider>();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal(Person.Everyone.Length + 2, Rows(page).Count), Patience);

        Assert.Contains("Đã khóa", Row(page, "bi-khoa").TextContent);
        Assert.DoesNotContain("Đang hoạt động", Row(page, "bi-khoa").TextContent);
        Assert.Contains("Đã vô hiệu hóa", Row(page, "da-nghi").TextContent);
        Assert.Contains("Biên tập viên", Row(page, "da-nghi").TextContent);
        Assert.Contains("Đang hoạt động", Row(page, "admin-minh").TextContent);
        Assert.Contains("Quản trị viên", Row(page, "admin-minh").TextContent);
        Assert.Contains("Tài khoản không bao giờ bị xóa", page.Markup);

        await page.InvokeAsync(() => page.Find("#user-search").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "tran khanh" }));
        Database.Clock.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's debounce runs on the app's TimeProvider
        page.WaitForAssertion(() => Assert.Equal(["reporter-khanh"], Rows(page).Select(UserName)), Patience);
    }

    [Fact]
    public void Creating_ShowsTheInitialPasswordOnce_AndTheAccountMustChangeIt()
    {
        var page = RenderUsers();

        Click(page, "[data-testid=create-account]");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#account-full-name"), Patience);
        Change(Dialogs, "#account-full-name", "Hoàng Thu Hà");
        Change(Dialogs, "#account-user-name", "hoangha");
        Change(Dialogs, "[data-testid=create-role-Editor] input", true);
        Click(Dialogs, "[data-testid=create-submit]");

        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=new-password]"), Patience);
        var password = Dialogs.Find("[data-testid=new-password]").TextContent.Trim();
        Assert.True(password.Length >= 10, password);
        Assert.Contains("Mật khẩu chỉ hiển thị một lần", Dialogs.Markup);
        Assert.NotNull(Dialogs.Find("[data-testid=copy-password]"));
        Assert.Empty(Dialogs.FindAll("#account-full-name")); // the create dialog is gone

        var user = Database.UserNamed("hoangha");
        Assert.NotNull(user);
        Assert.True(user!.MustChangePassword);
        Assert.Equal([Roles.Reporter, Roles.Editor], Database.RolesOf(user.Id));
        Assert.True(CheckPassword(user.Id, password));
        page.WaitForAssertion(() => Assert.Contains("Phải đổi mật khẩu", Row(page, "hoangha").TextContent), Patience);

        // Copy goes to the clipboard through the browser.
        Click(Dialogs, "[data-testid=copy-password]");
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText" && (string?)i.Arguments[0] == password);

        Click(Dialogs, "[data-testid=password-done]");
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=new-password]")), Patience);
        Assert.DoesNotContain(password, Dialogs.Markup);
        Assert.DoesNotContain(password, page.Markup);

        // Opening the create dialog again shows nothing of the last one.
        Click(page, "[data-testid=create-account]");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#account-full-name"), Patience);
        Assert.DoesNotContain(password, Dialogs.Markup);
        Assert.DoesNotContain("hoangha", Dialogs.Markup);
    }

    [Fact]
    public void BadInput_IsRefusedInVietnamese_AndCreatesNothing()
    {
        var page = RenderUsers();
        Click(page, "[data-testid=create-account]");
        Dialogs.WaitForAssertion(() => Dialogs.Find("#account-full-name"), Patience);

        Click(Dialogs, "[data-testid=create-submit]");
        Dialogs.WaitForAssertion(() => Assert.Equal("Vui lòng nhập họ và tên.", Dialogs.Find("[data-testid=create-error]").TextContent.Trim()), Patience);

        Change(Dialogs, "#account-full-name", "Hoàng Thu Hà");
        Change(Dialogs, "#account-user-name", "hoàng hà");
        Click(Dialogs, "[data-testid=create-submit]");
        Dialogs.WaitForAssertion(() => Assert.StartsWith("Tên đăng nhập chỉ gồm chữ không dấu", Dialogs.Find("[data-testid=create-error]").TextContent.Trim()), Patience);

        Change(Dialogs, "#account-user-name", "reporter-khanh");
        Click(Dialogs, "[data-testid=create-submit]");
        Dialogs.WaitForAssertion(() => Assert.Equal("Tên đăng nhập này đã có người dùng.", Dialogs.Find("[data-testid=create-error]").TextContent.Trim()), Patience);

        Change(Dialogs, "#account-user-name", "hoangha");
        Change(Dialogs, "#account-password", "ngan");
        Click(Dialogs, "[data-testid=create-submit]");
        Dialogs.WaitForAssertion(() => Assert.Contains("ít nhất 10 ký tự", Dialogs.Find("[data-testid=create-error]").TextContent), Patience);

        Change(Dialogs, "#account-password", "");
        Change(Dialogs, "[data-testid=create-role-Reporter] input", false);
        Click(Dialogs, "[data-testid=create-submit]");
        Dialogs.WaitForAssertion(() => Assert.StartsWith("Hãy chọn ít nhất một vai trò.", Dialogs.Find("[data-testid=create-error]").TextContent.Trim()), Patience);

        Assert.Null(Database.UserNamed("hoangha"));
        Assert.Empty(Dialogs.FindAll("[data-testid=new-password]"));
        Assert.Equal(Person.Everyone.Length, Rows(page).Count);
    }

    [Fact]
    public void TheLastAdministrator_IsToldWhyTheyCannotGiveUpTheRole()
    {
        var page = RenderUsers();

        OpenActions(page, "admin-minh");
        Click(Popovers, "[data-testid=action-roles]");
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=roles-save]"), Patience);
        Change(Dialogs, "[data-testid=roles-role-Administrator] input", false);
        Change(Dialogs, "[data-testid=roles-role-Editor] input", true);
        Click(Dialogs, "[data-testid=roles-save]");

        Dialogs.WaitForAssertion(() => Assert.StartsWith("Không thể thực hiện: hệ thống phải luôn còn ít nhất một quản trị viên", Dialogs.Find("[data-testid=roles-error]").TextContent.Trim()), Patience);
        Assert.Equal([Roles.Administrator], Database.RolesOf(Person.Minh.Id));
    }

    [Fact]
    public void Locking_AfterConfirmation_ShowsTheAccountLocked_AndUnlockingFreesIt()
    {
        var page = RenderUsers();

        OpenActions(page, "reporter-nga");
        Click(Popovers, "[data-testid=action-lock]");
        Dialogs.WaitForAssertion(() => Assert.Contains("Khóa tài khoản reporter-nga?", Dialogs.Markup), Patience);
        Click(Dialogs, "[data-testid=confirm-submit]");

        page.WaitForAssertion(() => Assert.Contains("Đã khóa", Row(page, "reporter-nga").TextContent), Patience);
        Assert.Equal(AccountAdministration.LockedIndefinitely, Database.User(Person.Nga.Id).LockoutEnd);

        OpenActions(page, "reporter-nga");
        Click(Popovers, "[data-testid=action-unlock]");
        page.WaitForAssertion(() => Assert.Contains("Đang hoạt động", Row(page, "reporter-nga").TextContent), Patience);
        Assert.Null(Database.User(Person.Nga.Id).LockoutEnd);
        Assert.Equal([AuditActions.AccountLocked, AuditActions.AccountUnlocked], Database.AuditEntries().Select(e => e.Action));
    }

    [Fact]
    public void LockingYourself_IsRefusedInTheDialog()
    {
        var page = RenderUsers();

        OpenActions(page, "admin-minh");
        Click(Popovers, "[data-testid=action-lock]");
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=confirm-submit]"), Patience);
        Click(Dialogs, "[data-testid=confirm-submit]");

        Dialogs.WaitForAssertion(() => Assert.Equal("Bạn không thể tự khóa hoặc vô hiệu hóa tài khoản của chính mình.", Dialogs.Find("[data-testid=confirm-error]").TextContent.Trim()), Patience);
        Assert.Null(Database.User(Person.Minh.Id).LockoutEnd);
    }

    private void OpenActions(IRenderedComponent<Users> page, string userName)
    {
        Click(page, () => Row(page, userName).QuerySelector("[data-testid=user-actions] button")!);
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open [data-testid^=action-]")), Patience);
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<Users> page) =>
        page.FindAll("[data-testid=user-table] tbody tr").Where(r => r.QuerySelector("[data-testid=user-name]") is not null).ToList();

    private static IElement Row(IRenderedComponent<Users> page, string userName) =>
        Rows(page).Single(r => UserName(r) == userName);

    private static string UserName(IElement row) => row.QuerySelector("[data-testid=user-name]")!.TextContent.Trim();

    private bool CheckPassword(string id, string password)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return users.CheckPasswordAsync(users.FindByIdAsync(id).GetAwaiter().GetResult()!, password).GetAwaiter().GetResult();
    }
}
