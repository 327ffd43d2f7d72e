namespace SharingHub.Digests;

/// <summary>
/// Wakes this process's delivery worker as soon as this process queues a delivery, instead of at its next poll: the
/// self-host's round and worker share a process, and the first posts then start while the round is still queueing.
/// </summary>
public sealed class DeliveryQueueSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first pulse after this was read: read it before draining, wait on it after.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
