namespace Editorial.Core.Text;

/// <summary>
/// How legacy 8-bit text looks once it has become Unicode. A .VnTime or VNI-Times document pasted from
/// Word or a browser went through Windows-1252, so byte 0x93 arrives as '“'; text decoded as ISO-8859-1
/// (Latin-1) instead carries the C1 control U+0093 for the same byte. Both views map back to one byte.
/// </summary>
internal static class Windows1252
{
    // Bytes 0x80..0x9F in Windows-1252; '\0' marks the five bytes the code page leaves undefined.
    private const string HighControls =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    private static readonly Dictionary<char, byte> BytesOfSpecials = CreateBytesOfSpecials();

    /// <summary>The byte behind <paramref name="c"/> in either view; false when no single byte produces it.</summary>
    public static bool TryGetByte(char c, out byte value)
    {
        if (c <= '\u00FF')
        {
            value = (byte)c;
            return true;
        }

        return BytesOfSpecials.TryGetValue(c, out value);
    }

    /// <summary>The Windows-1252 character for a byte that is not a letter in the legacy encoding.</summary>
    public static char ToChar(byte value, char original)
    {
        if (value is >= 0x80 and <= 0x9F)
        {
            var special = HighControls[value - 0x80];
            return special == '\0' ? original : special;
        }

        return (char)value;
    }

    private static Dictionary<char, byte> CreateBytesOfSpecials()
    {
        var map = new Dictionary<char, byte>();
        for (var i = 0; i < HighControls.Length; i++)
        {
            if (HighControls[i] != '\0')
            {
                map[HighControls[i]] = (byte)(0x80 + i);
            }
        }

        return map;
    }
}
