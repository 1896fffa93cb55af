using Bunit;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Workstation;
using MudBlazor;

namespace Editorial.Tests.Workstation;

public sealed class StatCardTests : WorkstationComponentTest
{
    [Fact]
    public void ShowsTheLabelAndTheValue()
    {
        using var _ = CultureScope.Vietnamese();

        var card = Render<StatCard>(p => p.Add(c => c.Label, "Bài chờ duyệt").Add(c => c.Value, 42));

        Assert.Equal("42", card.Find("[data-testid=stat-value]").TextContent.Trim());
        Assert.Equal("Bài chờ duyệt", card.Find(".stat-label").TextContent.Trim());
    }

    [Fact]
    public void WithoutHref_HasNoLink()
    {
        using var _ = CultureScope.Vietnamese();

        var card = Render<StatCard>(p => p.Add(c => c.Label, "Đã xuất bản hôm nay").Add(c => c.Value, 0));

        Assert.Empty(card.FindAll("a"));
        Assert.Equal("0", card.Find("[data-testid=stat-value]").TextContent.Trim());
    }

    [Fact]
    public void WithHref_LinksThereWithALocalizedOpenText()
    {
        using var _ = CultureScope.Vietnamese();

        var card = Render<StatCard>(p => p.Add(c => c.Label, "Bài chờ duyệt").Add(c => c.Value, 3).Add(c => c.Href, "/editorial/review"));

        var link = card.Find("a");
        Assert.Equal("/editorial/review", link.GetAttribute("href"));
        Assert.Equal("Mở", link.TextContent.Trim());
    }

    [Fact]
    public void WithIcon_ShowsIt_AndWithoutIcon_DoesNot()
    {
        using var _ = CultureScope.Vietnamese();

        var withIcon = Render<StatCard>(p => p.Add(c => c.Label, "Phóng viên").Add(c => c.Value, 2).Add(c => c.Icon, Icons.Material.Filled.People));
        var withoutIcon = Render<StatCard>(p => p.Add(c => c.Label, "Phóng viên").Add(c => c.Value, 2));

        Assert.Single(withIcon.FindAll("svg.mud-icon-root"));
        Assert.Empty(withoutIcon.FindAll("svg"));
    }
}
