namespace Editorial.Core.Text;

/// <summary>
/// An abbreviation whose first use is not spelled out. <paramref name="Index"/> is where that first use
/// starts in the text, in UTF-16 code units of its NFC form (the form stories are stored in).
/// </summary>
public sealed record AbbreviationFinding(string Abbreviation, string Expansion, int Index);
