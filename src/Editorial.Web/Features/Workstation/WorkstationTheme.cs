using MudBlazor;

namespace Editorial.Web.Features.Workstation;

/// <summary>A sober government palette: deep red of the provincial portal, neutral surfaces.</summary>
public static class WorkstationTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9b1c1c",
            Secondary = "#1f4e79",
            AppbarBackground = "#9b1c1c",
            AppbarText = "#ffffff",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.8)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                // Fonts with full Vietnamese coverage (stacked diacritics render correctly).
                FontFamily = ["Roboto", "Noto Sans", "Segoe UI", "Arial", "sans-serif"],
            },

            // Vietnamese capitals stack diacritics above the line; sentence case reads better on buttons.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
