namespace Editorial.Core.Text;

/// <summary>The legacy 8-bit Vietnamese encodings that still reach the newsroom through copy and paste.</summary>
public enum LegacyEncodingKind
{
    /// <summary>Unicode (or not Vietnamese at all): nothing to convert.</summary>
    None,

    /// <summary>TCVN3 / ABC (TCVN 5712:1993 VN3), fonts .VnTime, .VnArial…: "Héi nghÞ".</summary>
    Tcvn3,

    /// <summary>VNI-Windows, fonts VNI-Times…: "Hoäi nghò".</summary>
    Vni,
}
