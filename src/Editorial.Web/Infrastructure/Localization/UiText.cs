namespace Editorial.Web.Infrastructure.Localization;

/// <summary>
/// Marker for the workstation's and portal's texts: UiText.resx is Vietnamese (the default),
/// UiText.en.resx English. Inject <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText;
