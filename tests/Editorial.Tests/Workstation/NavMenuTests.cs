using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Accounts;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Workstation;

namespace Editorial.Tests.Workstation;

public sealed class NavMenuTests : WorkstationComponentTest
{
    private static readonly (string Text, string Href)[] ReporterLinks =
    [
        ("Tổng quan", "/editorial"),
        ("Bài của tôi", "/editorial/my-stories"),
        ("Xem cổng thông tin", "/"),
    ];

    private static readonly (string Text, string Href)[] EditorLinks =
    [
        ("Tổng quan", "/editorial"),
        ("Bài của tôi", "/editorial/my-stories"),
        ("Chờ duyệt", "/editorial/review"),
        ("Lịch xuất bản", "/editorial/schedule"),
        ("Nhuận bút", "/editorial/royalties"),
        ("Xem cổng thông tin", "/"),
    ];

    private static readonly (string Text, string Href)[] AdministratorLinks =
    [
        ("Tổng quan", "/editorial"),
        ("Bài của tôi", "/editorial/my-stories"),
        ("Chờ duyệt", "/editorial/review"),
        ("Lịch xuất bản", "/editorial/schedule"),
        ("Nhuận bút", "/editorial/royalties"),
        ("Người dùng", "/admin/users"),
        ("Chuyên mục", "/admin/categories"),
        ("Nhật ký", "/admin/audit"),
        ("Cấu hình nhuận bút", "/admin/royalties/settings"),
        ("Thống kê", "/admin/statistics"),
        ("Sao lưu", "/admin/backup"),
        ("Cấu hình", "/admin/settings"),
        ("Xem cổng thông tin", "/"),
    ];

    [Fact]
    public void Reporter_SeesDashboardAndOwnStoriesOnly()
    {
        using var _ = CultureScope.Vietnamese();
        SignIn("phongvien", Roles.Reporter);

        var menu = Render<NavMenu>();

        Assert.Equal(ReporterLinks, Links(menu));
        Assert.DoesNotContain("Biên tập", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Quản trị", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_AlsoSeesTheReviewQueueAndSchedule()
    {
        using var _ = CultureScope.Vietnamese();
        SignIn("bientap", Roles.Editor);

        var menu = Render<NavMenu>();

        Assert.Equal(EditorLinks, Links(menu));
        Assert.Contains("Biên tập", GroupTitles(menu));
        Assert.DoesNotContain("Quản trị", GroupTitles(menu));
    }

    [Fact]
    public void Administrator_AlsoSeesUsersCategoriesAndAuditLog()
    {
        using var _ = CultureScope.Vietnamese();
        SignIn("quantri", Roles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Equal(AdministratorLinks, Links(menu));
        Assert.Equal(["Biên tập", "Quản trị"], GroupTitles(menu));
    }

    [Fact]
    public void SignedInWithoutANewsroomRole_SeesNoWorkLinks()
    {
        using var _ = CultureScope.Vietnamese();
        SignIn("khach");

        var menu = Render<NavMenu>();

        Assert.Equal([("Tổng quan", "/editorial"), ("Xem cổng thông tin", "/")], Links(menu));
    }

    [Fact]
    public void PublicPortalLink_OpensInANewTab()
    {
        using var _ = CultureScope.Vietnamese();
        SignIn("phongvien", Roles.Reporter);

        var menu = Render<NavMenu>();

        var portal = menu.FindAll("a.mud-nav-link").Single(a => a.GetAttribute("href") == "/");
        Assert.Equal("_blank", portal.GetAttribute("target"));
        Assert.Contains("noopener", portal.GetAttribute("rel") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void UnderEnglish_TheMenuIsEnglish()
    {
        using var _ = CultureScope.English();
        SignIn("bientap", Roles.Editor);

        var menu = Render<NavMenu>();

        Assert.Equal(
            [("Dashboard", "/editorial"), ("My stories", "/editorial/my-stories"), ("Review queue", "/editorial/review"), ("Publishing schedule", "/editorial/schedule"), ("Royalties", "/editorial/royalties"), ("View the public portal", "/")],
            Links(menu));
    }

    private static (string Text, string Href)[] Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link")
            .Select(a => (a.QuerySelector(".mud-nav-link-text")?.TextContent.Trim() ?? a.TextContent.Trim(), a.GetAttribute("href") ?? ""))
            .ToArray();

    private static string[] GroupTitles(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll(".mud-nav-group").Select(group => group.QuerySelector("button, .mud-nav-link-text")?.TextContent.Trim() ?? "").ToArray();
}
