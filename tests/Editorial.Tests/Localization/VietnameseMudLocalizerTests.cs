using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Xunit;

namespace Editorial.Tests.Localization;

public sealed class VietnameseMudLocalizerTests
{
    private const string RowsPerPageKey = "MudDataGridPager_RowsPerPage";

    [Fact]
    public void WellKnownKeys_UnderViVn_AreVietnamese()
    {
        using var _ = new CultureScope("vi-VN");
        var localizer = new VietnameseMudLocalizer();
        var english = ReadMudBlazorEnglish();

        var expected = new Dictionary<string, string>
        {
            [RowsPerPageKey] = "Số dòng mỗi trang:",
            ["MudDataGrid_AddFilter"] = "Thêm bộ lọc",
            ["MudDataGrid_Filter"] = "Lọc",
            ["MudDataGrid_Cancel"] = "Hủy",
            ["MudDataGrid_Column"] = "Cột",
            ["MudDataGrid_Hide"] = "Ẩn",
            ["MudDataGrid_ShowAll"] = "Hiện tất cả",
            ["MudExitPrompt_Exit"] = "Đồng ý",
        };

        foreach (var (key, vietnamese) in expected)
        {
            var result = localizer[key];
            Assert.False(result.ResourceNotFound, key);
            Assert.Equal(vietnamese, result.Value);
            Assert.NotEqual(english[key], result.Value);
        }
    }

    [Fact]
    public void NeutralViCulture_IsAlsoTranslated()
    {
        using var _ = new CultureScope("vi");

        var result = new VietnameseMudLocalizer()[RowsPerPageKey];

        Assert.False(result.ResourceNotFound);
        Assert.Equal("Số dòng mỗi trang:", result.Value);
    }

    [Fact]
    public void UnderEnUs_LocalizerDefersToMudBlazor()
    {
        using var _ = new CultureScope("en-US");

        var result = new VietnameseMudLocalizer()[RowsPerPageKey];

        Assert.True(result.ResourceNotFound);
    }

    [Fact]
    public void UnknownKey_UnderViVn_DefersToMudBlazor()
    {
        using var _ = new CultureScope("vi-VN");

        var result = new VietnameseMudLocalizer()["Some_Key_MudBlazor_Does_Not_Have"];

        Assert.True(result.ResourceNotFound);
    }

    [Fact]
    public void MudBlazorPipeline_UnderViVn_UsesVietnamese_IncludingFormatArguments()
    {
        using var _ = new CultureScope("vi-VN");
        var interceptor = new DefaultLocalizationInterceptor(NullLoggerFactory.Instance, new VietnameseMudLocalizer());

        Assert.Equal("Số dòng mỗi trang:", interceptor.Handle(RowsPerPageKey).Value);
        Assert.Equal("1-10 trong số 42", interceptor.Handle("MudDataGridPager_InfoFormat", 1, 10, 42).Value);
    }

    [Fact]
    public void MudBlazorPipeline_UnderEnUs_UsesMudBlazorEnglish()
    {
        using var _ = new CultureScope("en-US");
        var interceptor = new DefaultLocalizationInterceptor(NullLoggerFactory.Instance, new VietnameseMudLocalizer());
        var english = ReadMudBlazorEnglish();

        Assert.Equal(english[RowsPerPageKey], interceptor.Handle(RowsPerPageKey).Value);
        Assert.Equal("Rows per page:", interceptor.Handle(RowsPerPageKey).Value);
        Assert.Equal("1-10 of 42", interceptor.Handle("MudDataGridPager_InfoFormat", 1, 10, 42).Value);
    }

    [Fact]
    public void MudBlazorPipeline_UnderOtherCulture_FallsBackToMudBlazorEnglish()
    {
        // Non-English, non-Vietnamese cultures reach our localizer, which reports "not found".
        using var _ = new CultureScope("fr-FR");
        var interceptor = new DefaultLocalizationInterceptor(NullLoggerFactory.Instance, new VietnameseMudLocalizer());

        Assert.Equal("Rows per page:", interceptor.Handle(RowsPerPageKey).Value);
    }

    [Fact]
    public void Registration_AlongsideAddMudServices_IsUsedByMudBlazor()
    {
        // Mirrors Program.cs: MudBlazor's interceptor takes an optional MudLocalizer from DI.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var interceptor = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();

        using (new CultureScope("vi-VN"))
        {
            Assert.Equal("Số dòng mỗi trang:", interceptor.Handle(RowsPerPageKey).Value);
        }

        using (new CultureScope("en-US"))
        {
            Assert.Equal("Rows per page:", interceptor.Handle(RowsPerPageKey).Value);
        }
    }

    [Fact]
    public void EveryMudBlazorKey_HasVietnameseTranslation()
    {
        var english = ReadMudBlazorEnglish();
        var vietnamese = ReadVietnamese();

        Assert.NotEmpty(english);
        var missing = english.Keys.Where(key => !vietnamese.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"MudBlazorVietnamese.resx lacks {missing.Count} MudBlazor key(s): {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryVietnameseEntry_IsNonEmptyNfcAndKeepsPlaceholders()
    {
        var english = ReadMudBlazorEnglish();
        var vietnamese = ReadVietnamese();

        foreach (var (key, value) in vietnamese)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), key);
            Assert.True(value.IsNormalized(NormalizationForm.FormC), $"{key} is not NFC");
            if (english.TryGetValue(key, out var englishValue))
            {
                Assert.Equal(Placeholders(englishValue), Placeholders(value));
            }
        }
    }

    private static IReadOnlyList<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> ReadMudBlazorEnglish()
    {
        // MudBlazor.Resources.LanguageResource is internal, so read its embedded resource directly.
        var assembly = typeof(MudLocalizer).Assembly;
        var name = Assert.Single(assembly.GetManifestResourceNames(),
            n => n.EndsWith(".LanguageResource.resources", StringComparison.Ordinal));
        return ReadResources(assembly.GetManifestResourceStream(name));
    }

    private static Dictionary<string, string> ReadVietnamese()
    {
        var assembly = typeof(VietnameseMudLocalizer).Assembly;
        var stream = assembly.GetManifestResourceStream(VietnameseMudLocalizer.ResourceBaseName + ".resources");
        Assert.True(stream is not null,
            $"Embedded resource {VietnameseMudLocalizer.ResourceBaseName}.resources not found in {assembly.GetName().Name}");
        return ReadResources(stream);
    }

    private static Dictionary<string, string> ReadResources(Stream? stream)
    {
        Assert.NotNull(stream);
        using (stream)
        using (var reader = new ResourceReader(stream))
        {
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in reader)
            {
                entries[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            return entries;
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
