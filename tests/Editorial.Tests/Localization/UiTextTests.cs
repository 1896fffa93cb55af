using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Editorial.Core.Accounts;
using Editorial.Core.Articles;
using Editorial.Tests.TestSupport;
using Editorial.Web.Features.Administration;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Editorial.Tests.Localization;

public sealed partial class UiTextTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> VietnameseTexts = new(() => ReadResx("UiText.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnglishTexts = new(() => ReadResx("UiText.en.resx"));

    private static IReadOnlyDictionary<string, string> Vietnamese => VietnameseTexts.Value;

    private static IReadOnlyDictionary<string, string> English => EnglishTexts.Value;

    [Fact]
    public void EveryVietnameseKey_HasANonEmptyEnglishText()
    {
        var missing = Vietnamese.Keys.Where(key => !English.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).ToList();

        Assert.True(missing.Count == 0, "Missing or empty in UiText.en.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryEnglishKey_HasANonEmptyVietnameseText()
    {
        var missing = English.Keys.Where(key => !Vietnamese.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).ToList();

        Assert.True(missing.Count == 0, "Missing or empty in UiText.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryText_IsUnicodeNfc()
    {
        // Decomposed Vietnamese (e + combining marks) looks the same but breaks search, sorting and some fonts.
        var decomposed = Vietnamese.Concat(English)
            .Where(entry => !entry.Value.IsNormalized(NormalizationForm.FormC) || !entry.Key.IsNormalized(NormalizationForm.FormC))
            .Select(entry => entry.Key)
            .ToList();

        Assert.True(decomposed.Count == 0, "Not NFC: " + string.Join(", ", decomposed));
    }

    [Fact]
    public void Placeholders_AreTheSameInBothLanguages()
    {
        var mismatched = Vietnamese
            .Where(entry => English.TryGetValue(entry.Key, out var english) && !Placeholders(entry.Value).SequenceEqual(Placeholders(english)))
            .Select(entry => $"{entry.Key}: [{string.Join(",", Placeholders(entry.Value))}] vs [{string.Join(",", Placeholders(English[entry.Key]))}]")
            .ToList();

        Assert.True(mismatched.Count == 0, "Placeholders differ: " + string.Join("; ", mismatched));
    }

    [Fact]
    public void VietnameseTexts_AreActuallyVietnamese()
    {
        // Guards against the two files being swapped: the default file must be the Vietnamese one.
        Assert.Equal("Bài của tôi", Vietnamese["Nav.MyStories"]);
        Assert.Equal("My stories", English["Nav.MyStories"]);
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheSource_ExistsInTheResources()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !IsBuildOutput(path))
            .ToList();

        var uses = sources
            .SelectMany(path => LocalizerLookup().Matches(File.ReadAllText(path))
                .Select(match => (File: Path.GetRelativePath(RepositoryPaths.WebProject, path), Key: match.Groups["key"].Value)))
            .ToList();

        // The scan itself must find the localizer calls, or this test would pass on nothing.
        Assert.True(uses.Count > 100, $"Only {uses.Count} localizer lookups found; is the pattern still right?");
        Assert.Contains(uses, use => use.Key == "Nav.MyStories");
        Assert.Contains(uses, use => use.Key == "Identity.PasswordTooShort");

        var unknown = uses.Where(use => !Vietnamese.ContainsKey(use.Key)).Select(use => $"{use.File}: {use.Key}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "Keys used in source but missing from UiText.resx: " + string.Join("; ", unknown));
    }

    [Theory]
    [InlineData("vi-VN", "Bài của tôi")]
    [InlineData("vi", "Bài của tôi")]
    [InlineData("en-US", "My stories")]
    [InlineData("en-GB", "My stories")]
    public void Localizer_ReturnsTheTextOfTheCurrentUiCulture(string culture, string expected)
    {
        using var provider = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = provider.GetRequiredService<IStringLocalizer<UiText>>();
        using var _ = CultureScope.Of(culture);

        var result = text["Nav.MyStories"];

        Assert.False(result.ResourceNotFound);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Localizer_FormatsArgumentsInBothLanguages()
    {
        using var provider = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = provider.GetRequiredService<IStringLocalizer<UiText>>();

        using (CultureScope.Vietnamese())
        {
            Assert.Equal("Xin chào, Trần Khánh.", text["Dashboard.Greeting", "Trần Khánh"].Value);
        }

        using (CultureScope.English())
        {
            Assert.Equal("Hello, Trần Khánh.", text["Dashboard.Greeting", "Trần Khánh"].Value);
        }
    }

    [Fact]
    public void EveryArticleState_HasALabel()
    {
        var missing = Enum.GetNames<ArticleState>().Select(state => $"State.{state}").Where(key => !Vietnamese.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRole_HasASingularAndAPluralLabel()
    {
        var keys = Roles.All.SelectMany(role => new[] { $"Role.{role}", $"Role.{role}.Plural" });
        var missing = keys.Where(key => !Vietnamese.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryAuditAction_HasALabel()
    {
        var actions = typeof(AuditActions).GetFields()
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(actions);
        var missing = actions.Select(action => $"Audit.Action.{action}").Where(key => !Vietnamese.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.WebProject, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyDictionary<string, string> ReadResx(string fileName)
    {
        var document = XDocument.Load(Path.Combine(RepositoryPaths.Localization, fileName));
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in document.Root!.Elements("data"))
        {
            var name = (string)data.Attribute("name")!;
            Assert.True(entries.TryAdd(name, (string?)data.Element("value") ?? ""), $"{fileName}: duplicate key {name}");
        }

        Assert.NotEmpty(entries);
        return entries;
    }

    // T["Key"], T["Key", args], text["Key"] (LocalizedIdentityErrorDescriber); interpolated keys are checked separately.
    [GeneratedRegex("""\b(?:T|text|Text|Localizer)\[\s*"(?<key>[^"]+)"\s*[,\]]""")]
    private static partial Regex LocalizerLookup();

    [GeneratedRegex("""\{(?<index>\d+)(?:[,:][^}]*)?\}""")]
    private static partial Regex Placeholder();
}
