using Bunit;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Articles.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Editorial.Tests.Articles.Editor;

/// <summary>
/// The TinyMCE wrapper's side of the interop, in strict mode: every call it makes to the browser must be
/// one these tests expect. What TinyMCE itself does is checked in a real browser (see the README).
/// </summary>
public sealed class RichTextEditorTests : BunitContext
{
    private readonly BunitJSModuleInterop module;

    public RichTextEditorTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        Services.AddLocalization();
        module = JSInterop.SetupModule(RichTextEditor.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        module.SetupVoid("init", _ => true).SetVoidResult();
    }

    [Fact]
    public void Imports_its_module_and_starts_the_editor_once_after_the_first_render()
    {
        var cut = Render<RichTextEditor>(p => p.Add(x => x.Value, "<p>Xin chào</p>"));

        JSInterop.VerifyInvoke("import");
        Assert.Equal(RichTextEditor.ModulePath, Assert.Single(JSInterop.Invocations["import"]).Arguments[0]);
        var init = module.VerifyInvoke("init");
        Assert.IsType<ElementReference>(init.Arguments[0]);
        Assert.IsType<DotNetObjectReference<RichTextEditor>>(init.Arguments[1]);
        Assert.Equal("<p>Xin chào</p>", Options(init).Value);

        // Later renders do not start it again.
        cut.Render(p => p.Add(x => x.Label, "Nội dung"));
        module.VerifyInvoke("init", calledTimes: 1);
        Assert.Equal("false", cut.Find(".rich-text-editor-host").GetAttribute("aria-busy"));
    }

    [Fact]
    public void Uses_the_Vietnamese_language_pack_under_a_Vietnamese_interface()
    {
        using var culture = CultureScope.Vietnamese();
        Render<RichTextEditor>();
        Assert.Equal("vi", Options(module.VerifyInvoke("init")).Language);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public void Uses_English_under_any_other_interface_language(string culture)
    {
        using var scope = CultureScope.Of(culture);
        Render<RichTextEditor>();
        Assert.Equal("en", Options(module.VerifyInvoke("init")).Language);
    }

    [Fact]
    public void Passes_the_upload_address_token_backup_key_and_look_to_the_editor()
    {
        Render<RichTextEditor>(p => p
            .Add(x => x.UploadUrl, "/api/media?story=42")
            .Add(x => x.AntiforgeryToken, "token-123")
            .Add(x => x.BackupKey, "story-42")
            .Add(x => x.Height, 600)
            .Add(x => x.ReadOnly, true)
            .Add(x => x.Label, "Nội dung"));

        var options = Options(module.VerifyInvoke("init"));
        Assert.Equal("/api/media?story=42", options.UploadUrl);
        Assert.Equal("token-123", options.AntiforgeryToken);
        Assert.Equal("story-42", options.BackupKey);
        Assert.Equal(600, options.Height);
        Assert.True(options.ReadOnly);
        Assert.Equal("Nội dung", options.Label);
    }

    [Fact]
    public void Defaults_to_the_media_endpoint_and_the_pages_own_antiforgery_token()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery("page-token"));

        Render<RichTextEditor>();

        var options = Options(module.VerifyInvoke("init"));
        Assert.Equal("/api/media", options.UploadUrl);
        Assert.Equal("page-token", options.AntiforgeryToken);
        Assert.Equal(520, options.Height);
        Assert.Null(options.BackupKey);
        Assert.False(options.ReadOnly);
    }

    [Fact]
    public async Task Reports_the_editors_html_through_ValueChanged_once_per_change()
    {
        var reported = new List<string>();
        var cut = Render<RichTextEditor>(p => p
            .Add(x => x.Value, "<p>a</p>")
            .Add(x => x.ValueChanged, html => reported.Add(html)));

        await cut.InvokeAsync(() => Browser().OnEditorChanged("<p>Hội nghị trực tuyến sơ kết</p>"));
        await cut.InvokeAsync(() => Browser().OnEditorChanged("<p>Hội nghị trực tuyến sơ kết</p>"));

        Assert.Equal(["<p>Hội nghị trực tuyến sơ kết</p>"], reported);
    }

    [Fact]
    public async Task Save_shortcut_reports_the_latest_html_first_then_asks_to_save()
    {
        var events = new List<string>();
        var cut = Render<RichTextEditor>(p => p
            .Add(x => x.ValueChanged, html => events.Add("changed " + html))
            .Add(x => x.OnSaveRequested, () => events.Add("save")));

        await cut.InvokeAsync(() => Browser().OnSaveShortcut("<p>mới</p>"));
        await cut.InvokeAsync(() => Browser().OnSaveShortcut("<p>mới</p>"));

        Assert.Equal(["changed <p>mới</p>", "save", "save"], events);
    }

    [Fact]
    public async Task A_value_the_parent_changes_replaces_the_content_but_the_echo_of_typing_does_not()
    {
        module.SetupVoid("setContent", _ => true).SetVoidResult();
        var cut = Render<RichTextEditor>(p => p.Add(x => x.Value, "<p>a</p>"));

        // Typing, then the parent's @bind-Value passing the same HTML back.
        await cut.InvokeAsync(() => Browser().OnEditorChanged("<p>ab</p>"));
        cut.Render(p => p.Add(x => x.Value, "<p>ab</p>"));
        module.VerifyNotInvoke("setContent");

        // A parent that ignores ValueChanged and renders again with its old value does not wipe the typing.
        cut.Render(p => p.Add(x => x.Label, "Nội dung"));
        module.VerifyNotInvoke("setContent");

        // A value loaded by the parent does.
        cut.Render(p => p.Add(x => x.Value, "<p>Bản đã lưu</p>"));
        var call = module.VerifyInvoke("setContent");
        Assert.Equal("<p>Bản đã lưu</p>", call.Arguments[1]);
    }

    [Fact]
    public void Switching_ReadOnly_changes_the_editors_mode()
    {
        module.SetupVoid("setReadOnly", _ => true).SetVoidResult();
        var cut = Render<RichTextEditor>();

        cut.Render(p => p.Add(x => x.ReadOnly, true));
        cut.Render(p => p.Add(x => x.ReadOnly, true));

        var call = module.VerifyInvoke("setReadOnly", calledTimes: 1)[0];
        Assert.Equal(true, call.Arguments[1]);
    }

    [Fact]
    public async Task Public_methods_talk_to_the_editor()
    {
        module.Setup<string?>("getContent", _ => true).SetResult("<p>trong trình soạn thảo</p>");
        module.SetupVoid("setContent", _ => true).SetVoidResult();
        module.SetupVoid("insertHtml", _ => true).SetVoidResult();
        module.SetupVoid("focus", _ => true).SetVoidResult();
        var reported = new List<string>();
        var cut = Render<RichTextEditor>(p => p.Add(x => x.ValueChanged, html => reported.Add(html)));
        var editor = cut.Instance;

        Assert.Equal("<p>trong trình soạn thảo</p>", await cut.InvokeAsync(editor.GetContentAsync));
        await cut.InvokeAsync(() => editor.SetContentAsync("<p>khôi phục</p>"));
        await cut.InvokeAsync(() => editor.InsertHtmlAsync("<figure class=\"image\"><img src=\"/media/a.jpg\" alt=\"\"></figure>"));
        await cut.InvokeAsync(editor.FocusAsync);

        Assert.Equal("<p>khôi phục</p>", module.VerifyInvoke("setContent").Arguments[1]);
        Assert.StartsWith("<figure", (string)module.VerifyInvoke("insertHtml").Arguments[1]!);
        module.VerifyInvoke("focus");
        Assert.Empty(reported); // Setting the content from .NET is not a change by the person.
    }

    [Fact]
    public async Task Content_set_before_the_editor_is_ready_is_kept_for_it()
    {
        // TinyMCE still loading: init has not answered.
        module.SetupVoid("init", _ => true);
        var cut = Render<RichTextEditor>(p => p.Add(x => x.Value, "<p>cũ</p>"));

        await cut.InvokeAsync(() => cut.Instance.SetContentAsync("<p>mới</p>"));

        Assert.Equal("<p>mới</p>", await cut.InvokeAsync(cut.Instance.GetContentAsync));
        Assert.Equal("true", cut.Find(".rich-text-editor-host").GetAttribute("aria-busy"));
        module.VerifyNotInvoke("setContent");
    }

    [Fact]
    public async Task Dispose_removes_the_editor_and_releases_the_module()
    {
        module.SetupVoid("dispose", _ => true).SetVoidResult();
        var cut = Render<RichTextEditor>();

        await cut.Instance.DisposeAsync();
        await cut.Instance.DisposeAsync();

        module.VerifyInvoke("dispose", calledTimes: 1);
    }

    [Fact]
    public async Task Dispose_survives_a_circuit_that_is_already_gone()
    {
        module.SetupVoid("dispose", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        var cut = Render<RichTextEditor>();

        var failure = await Record.ExceptionAsync(() => cut.Instance.DisposeAsync().AsTask());

        Assert.Null(failure);
        module.VerifyInvoke("dispose");
    }

    [Fact]
    public async Task Leaving_the_page_disposes_the_editor()
    {
        module.SetupVoid("dispose", _ => true).SetVoidResult();
        Render<RichTextEditor>();

        await DisposeComponentsAsync();

        module.VerifyInvoke("dispose");
    }

    private static RichTextEditorOptions Options(JSRuntimeInvocation init) => Assert.IsType<RichTextEditorOptions>(init.Arguments[2]);

    /// <summary>What the module holds to call back into .NET.</summary>
    private RichTextEditor Browser() =>
        Assert.IsType<DotNetObjectReference<RichTextEditor>>(module.VerifyInvoke("init").Arguments[1]).Value;

    private sealed class FixedAntiforgery(string token) : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(token, "__RequestVerificationToken");
    }
}
