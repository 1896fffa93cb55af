namespace Editorial.Web.Infrastructure.Instances;

/// <summary>This running process among the app instances that share one database.</summary>
public sealed class InstanceIdentity
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>
/// Tells the other app instances what changed. Callers act on their own instance themselves and publish
/// for the others; a message comes back to its sender only to be ignored. Publishing never waits for the
/// network and never fails the caller: what matters is stored first, and every receiver also polls.
/// </summary>
public interface IInstanceBus
{
    void Publish(InstanceMessage message);
}

/// <summary>SQLite: one instance, nobody else to tell.</summary>
public sealed class SingleInstanceBus : IInstanceBus
{
    public void Publish(InstanceMessage message)
    {
    }
}
