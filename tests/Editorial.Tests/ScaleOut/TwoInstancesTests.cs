using System.Net;
using Bunit;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Core.Workflow;
using Editorial.Tests.Http;
using Editorial.Tests.Media;
using Editorial.Tests.PostgreSql;
using Editorial.Web.Features.Administration.Settings;
using Editorial.Web.Features.Articles;
using Editorial.Web.Features.Notifications;
using Editorial.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Editorial.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database, started once for the class.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    internal AppCluster Cluster { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // No server on a developer machine: the tests are skipped with the reason; nothing to start.
        if (PostgresSkip.Reason() is null)
        {
            Cluster = await AppCluster.StartAsync(2);
        }
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// What one person does on instance A is seen by people and readers on instance B: notifications, the review
/// queue's count, the public pages, the sign-in cookie, uploaded images and the settings.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances fixture) : IClassFixture<TwoInstances>
{
    private AppCluster Cluster => fixture.Cluster;

    private InstanceApp A => Cluster.Instances[0];

    private InstanceApp B => Cluster.Instances[1];

    [PostgresFact]
    public async Task A_story_submitted_and_approved_on_A_notifies_its_people_and_recounts_the_review_queue_on_B()
    {
        var reporter = await Cluster.PrincipalOfAsync("phongvien", Roles.Reporter);
        var editor = await Cluster.PrincipalOfAsync("bientap", Roles.Editor);
        var events = B.Services.GetRequiredService<WorkstationEvents>();
        var toReporter = new List<NotificationView>();
        var toEditor = new List<NotificationView>();
        var queueRecounts = 0;
        using var s1 = events.SubscribeNotifications(AppCluster.IdOf(reporter), n => { lock (toReporter) toReporter.Add(n); return Task.CompletedTask; });
        using var s2 = events.SubscribeNotifications(AppCluster.IdOf(editor), n => { lock (toEditor) toEditor.Add(n); return Task.CompletedTask; });
        using var s3 = events.SubscribeReviewQueue(() => { Interlocked.Increment(ref queueRecounts); return Task.CompletedTask; });
        var title = "Hội nghị tổng kết công tác cải cách hành chính năm 2026 " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewStoryOnAAsync(title, reporter);

        await ActOnAAsync(id, WorkflowAction.Submit, reporter);
        await Eventually(() => Volatile.Read(ref queueRecounts) >= 1 && Count(toEditor) >= 1, "B hears the submission");
        Assert.Contains(toEditor, n => n.Kind == NotificationKinds.Submitted && n.ArticleId == id && n.ArticleTitle == title);

        await ActOnAAsync(id, WorkflowAction.Approve, editor);
        await Eventually(() => Count(toReporter) >= 1 && Volatile.Read(ref queueRecounts) >= 2, "B hears the approval");

        // Once each: not from A's own delivery and again from the database.
        await Task.Delay(500);
        var approved = Assert.Single(toReporter);
        Assert.Equal((NotificationKinds.Approved, (int?)id, false), (approved.Kind, approved.ArticleId, approved.IsRead));
        Assert.Single(toEditor);
        Assert.Equal(2, Volatile.Read(ref queueRecounts));
    }

    [PostgresFact]
    public async Task A_story_published_on_A_shows_at_once_on_Bs_cached_home_page_and_disappears_when_taken_down()
    {
        var reporter = await Cluster.PrincipalOfAsync("phongvien", Roles.Reporter);
        var editor = await Cluster.PrincipalOfAsync("bientap", Roles.Editor);
        var title = "Hội nghị sơ kết công tác quý III năm 2026 " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewStoryOnAAsync(title, reporter);
        await ActOnAAsync(id, WorkflowAction.Submit, reporter);
        await ActOnAAsync(id, WorkflowAction.Approve, editor);

        // A reader on B sees the home page; B keeps it in its output cache (for up to 10 minutes).
        using var reader = B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.DoesNotContain(title, await HomeAsync(reader));

        await ActOnAAsync(id, WorkflowAction.PublishNow, editor);
        await Eventually(async () => (await HomeAsync(reader)).Contains(title, StringComparison.Ordinal), "B's home page shows the story");

        await ActOnAAsync(id, WorkflowAction.Unpublish, editor, note: "Gỡ để sửa số liệu.");
        await Eventually(async () => !(await HomeAsync(reader)).Contains(title, StringComparison.Ordinal), "B's home page drops the story");
    }

    [PostgresFact]
    public async Task The_bell_on_a_reporters_page_open_on_B_counts_up_and_says_so_when_an_editor_returns_the_story_on_A()
    {
        using var vietnamese = Editorial.Tests.TestSupport.CultureScope.Vietnamese();
        var reporter = await Cluster.PrincipalOfAsync("phongvien", Roles.Reporter);
        var editor = await Cluster.PrincipalOfAsync("bientap", Roles.Editor);
        var title = "Hội nghị triển khai nhiệm vụ năm 2027 " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewStoryOnAAsync(title, reporter);
        await ActOnAAsync(id, WorkflowAction.Submit, reporter);

        await using var page = new BellOnAnotherInstance(B, reporter, "Phóng viên");
        var bell = page.Open();
        var before = await UnreadOfAsync(reporter);
        bell.WaitForAssertion(() => Assert.Equal(before.ToString(), BellOnAnotherInstance.Badge(bell)), TimeSpan.FromSeconds(20));

        await ActOnAAsync(id, WorkflowAction.RequestChanges, editor, note: "Bổ sung ảnh Hội nghị.");

        bell.WaitForAssertion(() => Assert.Equal((before + 1).ToString(), BellOnAnotherInstance.Badge(bell)), TimeSpan.FromSeconds(20));
        page.Snackbars.WaitForAssertion(() => Assert.Contains($"trả lại bài “{title}” để sửa", page.Snackbars.Markup), TimeSpan.FromSeconds(20));
    }

    [PostgresFact]
    public async Task A_sign_in_cookie_issued_by_A_is_accepted_by_B()
    {
        // Cookies kept by hand, so that the very cookie A issued can be shown to B.
        using var onA = A.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        var form = await onA.GetAsync("/Account/Login");
        Keep(jar, form);
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = Browser.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
                ["Input.UserName"] = "bientap",
                ["Input.Password"] = Cluster.PasswordOf("bientap"),
            }),
        };
        login.Headers.Add("Cookie", CookieHeader(jar));
        var signedIn = await onA.SendAsync(login);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Keep(jar, signedIn);
        var identityCookie = Assert.Single(jar, c => c.Key == "Editorial.Auth");

        using var onB = B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/editorial/notifications");
        request.Headers.Add("Cookie", $"{identityCookie.Key}={identityCookie.Value}");
        var response = await onB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Without it B sends the person to sign in: the page above was not simply open to anyone.
        var anonymous = await onB.GetAsync("/editorial/notifications");
        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.ToString());
    }

    private static void Keep(Dictionary<string, string> jar, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';', 2)[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
        }
    }

    private static string CookieHeader(Dictionary<string, string> jar) => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

    [PostgresFact]
    public async Task An_image_uploaded_through_A_is_served_by_B_from_the_shared_media_folder()
    {
        using var onA = Browser.Open(A);
        await onA.SignInAsync("phongvien", Cluster.PasswordOf("phongvien"));
        var token = Browser.AntiforgeryToken(await onA.GetPageAsync("/Account/Manage/ChangePassword"));
        var file = new ByteArrayContent(TestImages.Jpeg(800, 600));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = new MultipartFormDataContent { { file, "file", "hoi-nghi.jpg" } } };
        upload.Headers.Add("RequestVerificationToken", token);

        var response = await onA.Client.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var location = json.RootElement.GetProperty("location").GetString()!;

        using var onB = B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var image = await onB.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal((800, 600), TestImages.SizeOf(await image.Content.ReadAsByteArrayAsync()));
        Assert.True(File.Exists(Path.Combine(Cluster.MediaFolder, location["/media/".Length..])));
    }

    [PostgresFact]
    public async Task Settings_saved_on_A_apply_on_B_at_once_not_at_its_next_half_minute_reload()
    {
        var admin = await Cluster.PrincipalOfAsync("quantri", Roles.Administrator);
        var onA = A.Services.GetRequiredService<NewsroomSettingsStore>();
        var onB = B.Services.GetRequiredService<NewsroomSettingsStore>();
        // Twice, a few seconds apart: B's own half-minute reload could catch one save by chance, not both.
        for (var round = 0; round < 2; round++)
        {
            var name = "Cổng thông tin điện tử tỉnh Hà Giang " + Guid.NewGuid().ToString("N")[..6];

            Assert.Empty(await onA.SaveAsync(onA.Current with { PortalName = name }, admin, null));

            await Eventually(() => onB.Current.PortalName == name, $"B applies the new portal name (save {round + 1})", TimeSpan.FromSeconds(2));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    private Task<int> NewStoryOnAAsync(string title, ClaimsPrincipal reporter) => A.InScopeAsync(async services =>
    {
        var saved = await services.GetRequiredService<ArticleEditingService>().SaveAsync(null, new ArticleContent
        {
            Title = title,
            Lead = "CTTĐT – Sáng 24/11, UBND tỉnh tổ chức Hội nghị.",
            BodyHtml = "<p>Nội dung bài.</p>",
            CategoryId = await FirstCategoryAsync(),
            Byline = "Trần Khánh",
        }, 0, SaveMode.Manual, reporter);
        return Assert.IsType<SaveResult.Saved>(saved).Id;
    });

    private async Task ActOnAAsync(int id, WorkflowAction action, ClaimsPrincipal user, string? note = null)
    {
        var result = await A.InScopeAsync(services => services.GetRequiredService<StoryWorkflowService>()
            .ExecuteAsync(id, action, user, new WorkflowInput(note, AcceptWarnings: true)));
        Assert.IsType<TransitionResult.Done>(result);
    }

    private async Task<int> UnreadOfAsync(ClaimsPrincipal person)
    {
        await using var db = Cluster.Database.CreateDbContext();
        var id = AppCluster.IdOf(person);
        return await db.Notifications.CountAsync(n => n.RecipientId == id && n.ReadAtUtc == null);
    }

    private async Task<int> FirstCategoryAsync()
    {
        await using var db = Cluster.Database.CreateDbContext();
        return await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    private static async Task<string> HomeAsync(HttpClient reader)
    {
        var response = await reader.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    internal static Task Eventually(Func<bool> condition, string what, TimeSpan? within = null) =>
        Eventually(() => Task.FromResult(condition()), what, within);

    internal static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not in time: {what}");
            await Task.Delay(25);
        }
    }
}
