using System.Globalization;
using System.Text;

namespace Editorial.Core.Royalties;

/// <summary>How royalty numbers are written: 1.234.567 đ, coefficients 1,5 (Vietnamese decimal comma).</summary>
public static class RoyaltyText
{
    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary>Whole đồng with dots between thousands: 1.234.567 đ.</summary>
    public static string Vnd(decimal amount) => amount.ToString("#,0", Vietnamese) + " đ";

    /// <summary>A coefficient or percent without trailing zeros: 1,5 — 2 — 33,33.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Vietnamese);

    /// <summary>Reads a coefficient, percent or amount typed with a comma or a point as decimal mark ("1,5" or "1.5").</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace(" ", "").Replace("%", "").Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads an amount in đồng as people type it: "100.000", "100 000", "100000 đ".</summary>
    public static bool TryParseVnd(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = new string(text.Trim().TrimEnd('đ', 'Đ').Where(c => c is not ('.' or ' ' or '\u00A0' or ',')).ToArray());
        return cleaned.Length is > 0 and <= 15 && cleaned.All(char.IsAsciiDigit)
            && decimal.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>
/// CSV as RFC 4180 (fields in double quotes when needed, quotes doubled, CRLF line ends) and safe to open in
/// a spreadsheet: a text field starting with = + - @ tab or CR gets a leading apostrophe, so it is never run
/// as a formula.
/// </summary>
public static class CsvText
{
    /// <summary>The UTF-8 byte order mark Excel needs to read Vietnamese correctly.</summary>
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>A number as a spreadsheet reads it in any locale: invariant, no thousands separator.</summary>
    public static string Field(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields) + "\r\n";

    public static byte[] Encode(string csv)
    {
        var body = Encoding.UTF8.GetBytes(csv);
        var bytes = new byte[Bom.Length + body.Length];
        Bom.CopyTo(bytes);
        body.CopyTo(bytes.AsSpan(Bom.Length));
        return bytes;
    }
}
