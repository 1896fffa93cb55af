using Bunit;
using Editorial.Core.Royalties;
using Editorial.Tests.Articles.Form;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.Publishing;
using Editorial.Web.Features.Royalties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Royalties;

/// <summary>The assessment form as the editor Lan sees it, over the real service and a seeded SQLite database.</summary>
public sealed class AssessmentFormTests : StoryPageTest
{
    private readonly RoyaltyAssessmentService assessments;
    private int saved;

    public AssessmentFormTests()
    {
        new RoyaltySeed(Database, Database.Time, NullLogger<RoyaltySeed>.Instance).EnsureAsync().GetAwaiter().GetResult();
        assessments = new RoyaltyAssessmentService(Database, Database.Audit, Database.Clock);
        Services.AddSingleton(assessments);
        SignIn(Person.Lan);
    }

    private async Task<IRenderedComponent<AssessmentForm>> RenderFormAsync(string byline = "Trần Khánh - Thu Ngà")
    {
        var stories = new ScheduleStories(Database);
        var id = await stories.ApprovedAsync("Hội nghị trực tuyến sơ kết");
        using (var db = Database.CreateDbContext())
        {
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Byline, byline));
        }

        await stories.ActAsync(Person.Lan, id, Editorial.Core.Workflow.WorkflowAction.PublishNow);
        var model = await assessments.LoadAsync(id);
        Assert.NotNull(model);
        return RenderOnPage<AssessmentForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSaved, () => saved++));
    }

    private static void Save(IRenderedComponent<AssessmentForm> form) =>
        Click(form, "[data-testid=assessment-save]");

    private static string Error(IRenderedComponent<AssessmentForm> form)
    {
        form.WaitForAssertion(() => form.Find("[data-testid=assessment-error]"), Patience);
        return form.Find("[data-testid=assessment-error]").TextContent.Trim();
    }

    private int StoredAssessments()
    {
        using var db = Database.CreateDbContext();
        return db.StoryRoyalties.Count();
    }

    [Fact]
    public async Task The_form_starts_with_the_first_genre_and_the_byline_split_in_two()
    {
        var form = await RenderFormAsync();

        Assert.Equal("1", form.Find("#assessment-coefficient").GetAttribute("value"));
        Assert.Equal(2, form.FindAll("[data-testid=share-row]").Count);
        Assert.Equal("Trần Khánh", form.Find("#share-name-0").GetAttribute("value"));
        Assert.Equal("Thu Ngà", form.Find("#share-name-1").GetAttribute("value"));
        Assert.Equal("50", form.Find("#share-percent-0").GetAttribute("value"));
        Assert.Equal("Tổng: 100%", form.Find("[data-testid=share-total]").TextContent.Trim());
    }

    [Fact]
    public async Task A_coefficient_outside_the_range_is_refused_in_Vietnamese_and_nothing_is_stored()
    {
        var form = await RenderFormAsync();

        Change(form, "#assessment-coefficient", "1,5");
        Save(form);

        Assert.Equal("Hệ số 1,5 nằm ngoài khung của thể loại (1–1).", Error(form));
        Assert.Equal(0, StoredAssessments());
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task A_coefficient_that_is_not_a_number_is_refused()
    {
        var form = await RenderFormAsync();
        Change(form, "#assessment-coefficient", "một rưỡi");
        Save(form);
        Assert.Equal("Hệ số phải là một số, ví dụ 1,5.", Error(form));
        Assert.Equal(0, StoredAssessments());
    }

    [Fact]
    public async Task Shares_that_do_not_total_one_hundred_are_refused_with_the_total()
    {
        var form = await RenderFormAsync();

        Change(form, "#share-percent-1", "40");
        form.WaitForAssertion(() => Assert.Equal("Tổng: 90%", form.Find("[data-testid=share-total]").TextContent.Trim()), Patience);
        Save(form);

        Assert.Equal("Tổng tỉ lệ là 90%, phải đúng 100%.", Error(form));
        Assert.Equal(0, StoredAssessments());
    }

    [Fact]
    public async Task An_added_line_needs_a_name()
    {
        var form = await RenderFormAsync();

        Click(form, "[data-testid=share-add]");
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("[data-testid=share-row]").Count), Patience);
        Click(form, "[data-testid=share-split]");
        form.WaitForAssertion(() => Assert.Equal("33,34", form.Find("#share-percent-2").GetAttribute("value")), Patience);
        Save(form);

        Assert.Equal("Dòng 3: hãy chọn tài khoản hoặc nhập tên người hưởng.", Error(form));

        Change(form, "#share-name-2", "Minh Hòa");
        Save(form);
        form.WaitForAssertion(() => Assert.Equal(1, saved), Patience);
        using var db = Database.CreateDbContext();
        var shares = db.RoyaltyShares.OrderBy(s => s.Id).Select(s => new { s.UserId, s.PersonName, s.Percent }).ToList();
        Assert.Equal(
            [(Person.Khanh.Id, "Trần Khánh", 33.33m), (Person.Nga.Id, "Thu Ngà", 33.33m), (null, "Minh Hòa", 33.34m)],
            shares.Select(s => (s.UserId, s.PersonName, s.Percent)));
    }

    [Fact]
    public async Task A_valid_assessment_is_saved_and_reported_to_the_page()
    {
        var form = await RenderFormAsync();

        Save(form);

        form.WaitForAssertion(() => Assert.Equal(1, saved), Patience);
        Assert.Empty(form.FindAll("[data-testid=assessment-error]"));
        Assert.Equal(1, StoredAssessments());
    }
}
