using System.Security.Claims;
using Editorial.Core.Configuration;
using Editorial.Core.Time;
using Editorial.Tests.Articles.Saving;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Media;
using Editorial.Web.Features.Workflow;
using Editorial.Web.Infrastructure.Configuration;
using Editorial.Web.Infrastructure.Data;
using Editorial.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Editorial.Tests.Articles.Form;

/// <summary>
/// The story pages over the real story services and a seeded SQLite database (<see cref="StoryDatabase"/>):
/// the newsroom's people, two categories, Vietnam time at 07:00 on 20/04/2017, the portal's "CTTĐT" dateline,
/// a temporary media folder and the page's antiforgery token.
/// </summary>
public abstract class StoryPageTest : StoryFormComponentTest
{
    private readonly TemporaryFolder dataFolder = new();

    private protected StoryPageTest()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var vietnam));
        var settings = new EditorialSettings
        {
            Options = new EditorialOptions { PortalName = "Cổng Thông tin điện tử tỉnh Hà Giang", DatelinePrefix = "CTTĐT", TimeZone = "Asia/Ho_Chi_Minh" },
            DataFolder = dataFolder.Path,
            ConnectionString = "Data Source=:memory:",
            TimeZone = vietnam,
        };

        Services.AddSingleton<IDbContextFactory<EditorialDbContext>>(Database);
        Services.AddSingleton(Database.Editing);
        Services.AddSingleton(Database.Lists);
        Services.AddSingleton(Database.Sanitizer);
        Services.AddSingleton(new PortalTime(Database.Clock, vietnam));
        Services.AddSingleton(settings);
        Services.AddSingleton<CategoryCatalog>();
        Services.AddSingleton(Editorial.Core.Text.AbbreviationGlossary.Default);
        Services.AddSingleton(new MediaStore(
            new MediaSettings { Folder = Path.Combine(dataFolder.Path, "media") }, Database, Database.Clock, NullLogger<MediaStore>.Instance));
        Services.AddSingleton<AntiforgeryStateProvider>(new PageAntiforgery());
        Services.AddSingleton(Database.Events);
        Services.AddSingleton(Database.Workflow);
        Services.AddSingleton(Database.Leases);
        Services.AddSingleton(Database.Timeline);
        Services.AddSingleton(Database.Notifications);
        Services.AddSingleton(Database.Audit);
        Services.AddScoped<WorkflowMessages>();
        Services.AddSingleton<Microsoft.AspNetCore.Http.IHttpContextAccessor, Microsoft.AspNetCore.Http.HttpContextAccessor>();
        Services.AddScoped<ClientOrigin>();
    }

    private protected StoryDatabase Database { get; } = StoryDatabase.InMemory();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
            dataFolder.Dispose();
        }
    }

    private sealed class PageAntiforgery : AntiforgeryStateProvider
    {
        public const string Token = "page-token";

        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
