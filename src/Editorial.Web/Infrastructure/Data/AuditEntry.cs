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

    /// <summary>The account that acted, when there was one (not for failed sign-ins or the scheduler).</summary>
    public string? UserId { get; set; }

    /// <summary>The story acted on, for workflow entries.</summary>
    public int? ArticleId { get; set; }

    /// <summary>Workflow entries: the state before and after ("Draft", "InReview"…); equal for a refused attempt.</summary>
    public string? FromState { get; set; }

    public string? ToState { get; set; }

    /// <summary>The note of a return or an unpublication, or the reason an attempt was refused.</summary>
    public string? Note { get; set; }
}
