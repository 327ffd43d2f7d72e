namespace SharingHub.Common;

/// <summary>
/// Wakes a queue-draining loop in this process as soon as this process queues work, instead of at its next poll. Each
/// queue has its own subclass, so each loop is registered and woken apart.
/// </summary>
public abstract class WakeSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first pulse after this was read: read it before draining, wait on it after.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
