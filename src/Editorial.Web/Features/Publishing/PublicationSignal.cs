using Editorial.Web.Infrastructure.Instances;

namespace Editorial.Web.Features.Publishing;

/// <summary>
/// Wakes the scheduler when a schedule changes, on this instance and (through the <see cref="IInstanceBus"/>)
/// on the others, so a story scheduled for a minute from now is not left waiting for a scheduler's next
/// routine look.
/// </summary>
public sealed class PublicationSignal(IInstanceBus? instances = null)
{
    private TaskCompletionSource changed = NewSource();

    public void SchedulesChanged()
    {
        instances?.Publish(InstanceMessage.SchedulesChanged);
        WakeHere();
    }

    /// <summary>Wakes this instance's scheduler only.</summary>
    public void WakeHere() => Interlocked.Exchange(ref changed, NewSource()).TrySetResult();

    /// <summary>Returns when schedules changed, the timeout passed (on <paramref name="clock"/>), or stopping.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref changed).Task;
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(signalled, Task.Delay(timeout, clock, stop.Token));
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
