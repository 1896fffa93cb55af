namespace Editorial.Web.Features.Workflow;

/// <summary>
/// The network address of the person using this scope, for the audit trail. Taken when the scope starts:
/// for an interactive session that is the circuit's connection, whose HttpContext is gone later on.
/// </summary>
public sealed class ClientOrigin(IHttpContextAccessor accessor)
{
    public string? Address { get; } = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
