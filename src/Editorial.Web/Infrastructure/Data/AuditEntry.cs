namespace Editorial.Web.Infrastructure.Data;

/// <summary>One line of the audit trail. Only ever inserted; the application has no way to edit one.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset AtUtc { get; set; }

    /// <summary>Who acted (user name as typed for failed sign-ins).</summary>
    public string UserName { get; set; } = "";

    /// <summary>A stable code such as "account.sign-in"; the UI translates it.</summary>
    public string Action { get; set; } = "";

    public string? Details { get; set; }

    public string? ClientAddress { get; set; }
}
