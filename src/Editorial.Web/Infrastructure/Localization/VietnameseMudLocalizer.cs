using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Editorial.Web.Infrastructure.Localization;

/// <summary>
/// Supplies Vietnamese translations for MudBlazor's built-in texts (pager, data grid filter menus,
/// pickers, dialogs, ...).
/// </summary>
/// <remarks>
/// MudBlazor only ships English. Its <c>DefaultLocalizationInterceptor</c> asks the registered
/// <see cref="MudLocalizer"/> first whenever the UI culture is not English, and falls back to its own
/// English resource when we answer with <see cref="LocalizedString.ResourceNotFound"/> = <c>true</c>.
/// So we answer only for Vietnamese UI cultures and defer to the base class (which reports
/// "not found") for every other culture or unknown key.
/// Register with <c>builder.Services.AddTransient&lt;MudLocalizer, VietnameseMudLocalizer&gt;();</c>.
/// </remarks>
public sealed class VietnameseMudLocalizer : MudLocalizer
{
    /// <summary>Manifest base name of <c>MudBlazorVietnamese.resx</c> (root namespace + folder + file name).</summary>
    public const string ResourceBaseName = "Editorial.Web.Infrastructure.Localization.MudBlazorVietnamese";

    // The resx is culture-neutral but its content is Vietnamese, so it is always read with the
    // invariant culture: no satellite-assembly probing, and "vi", "vi-VN", ... all hit the same table.
    private static readonly ResourceManager Resources =
        new(ResourceBaseName, typeof(VietnameseMudLocalizer).Assembly);

    /// <inheritdoc />
    public override LocalizedString this[string key]
    {
        get
        {
            if (IsVietnamese(CultureInfo.CurrentUICulture))
            {
                var value = Resources.GetString(key, CultureInfo.InvariantCulture);
                if (value is not null)
                {
                    return new LocalizedString(key, value, resourceNotFound: false);
                }
            }

            // ResourceNotFound = true: MudBlazor then uses its built-in English text.
            return base[key];
        }
    }

    private static bool IsVietnamese(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "vi", StringComparison.OrdinalIgnoreCase);
}
