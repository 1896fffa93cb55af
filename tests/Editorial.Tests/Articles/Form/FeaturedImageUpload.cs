using System.Reflection;
using Bunit;
using Editorial.Web.Features.Articles;

namespace Editorial.Tests.Articles.Form;

/// <summary>
/// The browser's side of the featured image upload (FeaturedImagePanel.razor.js): the module the panel
/// imports and what its <c>upload</c> answers, as the server's JSON would be read.
/// </summary>
internal sealed class FeaturedImageUpload
{
    public const string ModulePath = "./Features/Articles/FeaturedImagePanel.razor.js";

    // The panel reads the answer into a private record; bUnit needs that exact type to answer the call.
    private static readonly Type ResultType =
        typeof(FeaturedImagePanel).GetNestedType("UploadResult", BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("FeaturedImagePanel no longer reads an UploadResult.");

    private static readonly MethodInfo SetupMethod = typeof(BunitJSInteropSetupExtensions).GetMethods()
        .Single(m => m.Name == "Setup" && m.IsGenericMethodDefinition
            && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(BunitJSInterop), typeof(string), typeof(InvocationMatcher)]));

    private readonly BunitJSModuleInterop module;

    public FeaturedImageUpload(BunitJSInterop js)
    {
        module = js.SetupModule(ModulePath);
    }

    /// <summary>The server stored the image: <c>{ id, location }</c>.</summary>
    public void Stores(Guid id, string location) => Answer(id, location, null);

    /// <summary>The server refused the file: <c>{ error }</c> with its Vietnamese message.</summary>
    public void Refuses(string error) => Answer(null, null, error);

    /// <summary>The arguments of the one upload made: the file input, the endpoint and the antiforgery token.</summary>
    public IReadOnlyList<object?> Call() => module.VerifyInvoke("upload").Arguments;

    private void Answer(Guid? id, string? location, string? error)
    {
        var handler = SetupMethod.MakeGenericMethod(ResultType).Invoke(null, [module, "upload", (InvocationMatcher)(_ => true)])!;
        var result = Activator.CreateInstance(ResultType, id, location, error);
        handler.GetType().GetMethod("SetResult")!.Invoke(handler, [result]);
    }
}
