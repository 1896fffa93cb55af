namespace Editorial.Web.Features.Portal;

/// <summary>
/// The portal opens every lead with its dateline: "CTTĐT – Sáng 20/4, …". Leads written from the meeting
/// template already start with it; others get it on display. Stored leads are never changed.
/// </summary>
public static class Dateline
{
    private static readonly char[] Dashes = ['–', '-', '—'];

    /// <summary>"{prefix} – {lead}", unless the lead already opens with the prefix and a dash.</summary>
    public static string Apply(string prefix, string lead)
    {
        prefix = prefix.Trim();
        lead = lead.Trim();
        if (prefix.Length == 0)
        {
            return lead;
        }

        return StartsWithDateline(prefix, lead, out _) ? lead : $"{prefix} – {lead}";
    }

    /// <summary>The lead without a dateline it opens with (for og:description and feeds).</summary>
    public static string Strip(string prefix, string lead)
    {
        prefix = prefix.Trim();
        lead = lead.Trim();
        return prefix.Length > 0 && StartsWithDateline(prefix, lead, out var rest) ? rest : lead;
    }

    private static bool StartsWithDateline(string prefix, string lead, out string rest)
    {
        rest = lead;
        if (!lead.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var after = lead.AsSpan(prefix.Length).TrimStart();
        if (after.Length == 0 || !Dashes.Contains(after[0]))
        {
            return false;
        }

        rest = after[1..].Trim().ToString();
        return true;
    }
}
