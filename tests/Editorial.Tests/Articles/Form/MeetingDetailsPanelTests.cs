using AngleSharp.Dom;
using Bunit;
using Editorial.Core.Articles;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Form;

/// <summary>The meeting's facts on a meeting report: the fields a reporter fills before "Tạo sapo và dàn ý".</summary>
public sealed class MeetingDetailsPanelTests : StoryFormComponentTest
{
    private readonly MeetingForm meeting = new();
    private int changes;
    private int generated;

    [Fact]
    public void Shows_the_meeting_fields_under_Vietnamese_labels()
    {
        var panel = RenderPanel();

        Assert.Equal("Thông tin Hội nghị", panel.Find("h2").TextContent);
        Assert.Equal("Đơn vị tổ chức", Label(panel, "meeting-organizer"));
        Assert.Equal("Nội dung Hội nghị", Label(panel, "meeting-subject"));
        Assert.Equal("Số điểm cầu", Label(panel, "meeting-sites"));
        Assert.Equal("Các điểm cầu gồm", Label(panel, "meeting-sites-description"));
        Assert.Equal("Địa điểm", Label(panel, "meeting-place"));
        Assert.Equal("Họ tên", Label(panel, "meeting-chair-name-0"));
        Assert.Equal("Chức vụ", Label(panel, "meeting-chair-titles-0"));
        Assert.Equal("Thành phần dự", Label(panel, "meeting-attendees"));
        Assert.Equal(["Trực tuyến", "Trực tiếp"], panel.FindAll("label.mud-radio").Select(r => r.TextContent.Trim()));
        Assert.Contains("Ngày diễn ra", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Chủ trì Hội nghị", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("Tạo sapo và dàn ý", panel.Find("[data-testid=meeting-generate]").TextContent.Trim());
        Assert.Equal("Thêm người chủ trì", panel.Find("[data-testid=meeting-add-chair]").TextContent.Trim());
    }

    [Fact]
    public void An_online_meeting_asks_for_the_sites()
    {
        var panel = RenderPanel();

        Assert.Equal(MeetingFormat.Online, meeting.Format);
        Assert.Single(panel.FindAll("#meeting-sites"));
        Assert.Single(panel.FindAll("#meeting-sites-description"));
        Assert.Single(panel.FindAll("#meeting-place"));
    }

    [Fact]
    public void Switching_to_in_person_hides_the_sites_and_keeps_the_place()
    {
        var panel = RenderPanel();

        Click(panel, () => Format(panel, "Trực tiếp"));

        Assert.Equal(MeetingFormat.InPerson, meeting.Format);
        Assert.Empty(panel.FindAll("#meeting-sites"));
        Assert.Empty(panel.FindAll("#meeting-sites-description"));
        Assert.Equal("Địa điểm", Label(panel, "meeting-place"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Adding_a_chair_adds_a_row_and_deleting_one_removes_it()
    {
        var panel = RenderPanel();
        Assert.Single(panel.FindAll("[data-testid=meeting-chair]"));

        Click(panel, "[data-testid=meeting-add-chair]");
        Click(panel, "[data-testid=meeting-add-chair]");

        Assert.Equal(3, panel.FindAll("[data-testid=meeting-chair]").Count);
        Assert.Equal(3, meeting.Chairs.Count);

        Type(panel, "meeting-chair-name-1", "Nguyễn Trung Tài");
        RemoveChair(panel, 0);

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=meeting-chair]").Count), Patience);
        Assert.Equal(["Nguyễn Trung Tài", ""], meeting.Chairs.Select(c => c.Name));
        Assert.Equal("Nguyễn Trung Tài", panel.Find("#meeting-chair-name-0").GetAttribute("value"));
    }

    [Fact]
    public void No_more_chairs_than_the_limit()
    {
        var panel = RenderPanel();

        for (var i = 1; i < ArticleLimits.MaxChairs; i++)
        {
            Click(panel, "[data-testid=meeting-add-chair]");
        }

        Assert.Equal(ArticleLimits.MaxChairs, panel.FindAll("[data-testid=meeting-chair]").Count);
        Assert.True(panel.Find("[data-testid=meeting-add-chair]").HasAttribute("disabled"));

        RemoveChair(panel, ArticleLimits.MaxChairs - 1);

        Assert.False(panel.Find("[data-testid=meeting-add-chair]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("meeting-organizer", "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM)")]
    [InlineData("meeting-subject", "Sơ kết công tác quý I")]
    [InlineData("meeting-sites-description", "các huyện, thành phố")]
    [InlineData("meeting-place", "Hội trường Tỉnh ủy")]
    [InlineData("meeting-chair-name-0", "Thào Hồng Sơn")]
    [InlineData("meeting-chair-titles-0", "Chủ tịch HĐND tỉnh")]
    [InlineData("meeting-attendees", "lãnh đạo một số sở, ban ngành")]
    public void Every_typed_field_reaches_the_form_and_tells_the_page(string inputId, string text)
    {
        var panel = RenderPanel();

        Type(panel, inputId, text);

        panel.WaitForAssertion(() => Assert.Equal(1, changes), Patience);
        var details = meeting.ToDetails();
        Assert.Contains(text, new[]
        {
            details.Organizer, details.Subject, details.SitesDescription, details.Place, details.Attendees,
            details.Chairs[0].Name, details.Chairs[0].Titles,
        });
    }

    [Fact]
    public void The_number_of_sites_reaches_the_form_and_tells_the_page()
    {
        var panel = RenderPanel();

        Change(panel, "#meeting-sites", "11");

        panel.WaitForAssertion(() => Assert.Equal(11, meeting.Sites), Patience);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Adding_and_removing_chairs_tells_the_page()
    {
        var panel = RenderPanel();

        Click(panel, "[data-testid=meeting-add-chair]");
        RemoveChair(panel, 1);

        Assert.Equal(2, changes);
    }

    [Fact]
    public void Generate_asks_the_page_to_write_the_lead_and_outline()
    {
        var panel = RenderPanel();

        Click(panel, "[data-testid=meeting-generate]");

        Assert.Equal(1, generated);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Read_only_disables_every_button()
    {
        meeting.Chairs.Add(new ChairForm { Name = "Nguyễn Trung Tài" });
        var panel = RenderPanel(readOnly: true);

        Assert.True(panel.Find("[data-testid=meeting-generate]").HasAttribute("disabled"));
        Assert.True(panel.Find("[data-testid=meeting-add-chair]").HasAttribute("disabled"));
        Assert.Equal(2, DeleteButtons(panel).Count);
        Assert.All(DeleteButtons(panel), b => Assert.True(b.HasAttribute("disabled")));
        Assert.True(panel.Find("#meeting-organizer").HasAttribute("readonly"));
    }

    private IRenderedComponent<MeetingDetailsPanel> RenderPanel(bool readOnly = false) =>
        RenderOnPage<MeetingDetailsPanel>(p => p
            .Add(x => x.Meeting, meeting)
            .Add(x => x.EventDate, new DateTime(2017, 4, 20))
            .Add(x => x.EventTime, new TimeSpan(7, 0, 0))
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.Changed, () => changes++)
            .Add(x => x.OnGenerate, () => generated++));

    private static string Label(IRenderedComponent<MeetingDetailsPanel> panel, string inputId) =>
        panel.Find($"label[for={inputId}]").TextContent.Trim();

    private static IElement Format(IRenderedComponent<MeetingDetailsPanel> panel, string name) =>
        panel.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == name).QuerySelector("input")!;

    private static void RemoveChair(IRenderedComponent<MeetingDetailsPanel> panel, int index) =>
        Click(panel, () => DeleteButtons(panel)[index]);

    private static IReadOnlyList<IElement> DeleteButtons(IRenderedComponent<MeetingDetailsPanel> panel) =>
        panel.FindAll("button[aria-label='Bỏ người chủ trì này']");
}
