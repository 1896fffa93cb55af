using Bunit;
using Editorial.Web.Features.Articles.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Editorial.Tests.Articles.Editor;

/// <summary>The .NET side of the browser's draft backup, in strict mode.</summary>
public sealed class DraftBackupTests : BunitContext
{
    private readonly BunitJSModuleInterop module;

    public DraftBackupTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        module = JSInterop.SetupModule(DraftBackup.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
    }

    [Fact]
    public async Task Start_watches_the_container_under_the_key()
    {
        module.SetupVoid("start", _ => true).SetVoidResult();
        module.SetupVoid("stop", _ => true).SetVoidResult();
        await using var backup = new DraftBackup(JSInterop.JSRuntime);
        var container = new ElementReference("container-1");

        await backup.StartAsync(container, "story-42");

        var call = module.VerifyInvoke("start");
        Assert.Equal(container, call.Arguments[0]);
        Assert.Equal("story-42", call.Arguments[1]);
        JSInterop.VerifyInvoke("import", calledTimes: 1);
    }

    [Fact]
    public async Task Get_returns_the_fields_body_and_time_the_browser_kept()
    {
        module.Setup<DraftBackupRecord?>("read", i => (string?)i.Arguments[0] == "story-42").SetResult(new DraftBackupRecord(
            new Dictionary<string, string> { ["title"] = "Hội nghị sơ kết", ["location"] = "Hà Giang" },
            "<p>Hội nghị trực tuyến sơ kết</p>",
            "2026-04-20T02:30:00.000Z"));
        await using var backup = new DraftBackup(JSInterop.JSRuntime);

        var data = await backup.GetAsync("story-42");

        Assert.NotNull(data);
        Assert.Equal("Hội nghị sơ kết", data.Fields["title"]);
        Assert.Equal("Hà Giang", data.Fields["location"]);
        Assert.Equal("<p>Hội nghị trực tuyến sơ kết</p>", data.Body);
        Assert.Equal(new DateTimeOffset(2026, 4, 20, 2, 30, 0, TimeSpan.Zero), data.SavedAt);
    }

    [Fact]
    public async Task Get_returns_null_when_the_browser_kept_nothing()
    {
        module.Setup<DraftBackupRecord?>("read", _ => true).SetResult(null);
        await using var backup = new DraftBackup(JSInterop.JSRuntime);

        Assert.Null(await backup.GetAsync("story-7"));
    }

    [Fact]
    public async Task Get_copes_with_a_record_without_fields_or_time()
    {
        module.Setup<DraftBackupRecord?>("read", _ => true).SetResult(new DraftBackupRecord(null, "<p>x</p>", "not a time"));
        await using var backup = new DraftBackup(JSInterop.JSRuntime);

        var data = await backup.GetAsync("story-7");

        Assert.NotNull(data);
        Assert.Empty(data.Fields);
        Assert.Null(data.SavedAt);
    }

    [Fact]
    public async Task Clear_forgets_the_key()
    {
        module.SetupVoid("clear", _ => true).SetVoidResult();
        await using var backup = new DraftBackup(JSInterop.JSRuntime);

        await backup.ClearAsync("story-42");

        Assert.Equal("story-42", module.VerifyInvoke("clear").Arguments[0]);
    }

    [Fact]
    public async Task Dispose_stops_watching_and_survives_a_circuit_that_is_already_gone()
    {
        module.SetupVoid("start", _ => true).SetVoidResult();
        module.SetupVoid("stop", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        var backup = new DraftBackup(JSInterop.JSRuntime);
        await backup.StartAsync(new ElementReference("container-1"), "story-42");

        var failure = await Record.ExceptionAsync(() => backup.DisposeAsync().AsTask());

        Assert.Null(failure);
        module.VerifyInvoke("stop");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => backup.ClearAsync("story-42"));
    }

    [Fact]
    public async Task A_blank_key_is_a_programming_error()
    {
        await using var backup = new DraftBackup(JSInterop.JSRuntime);
        await Assert.ThrowsAsync<ArgumentException>(() => backup.GetAsync(" "));
    }
}
