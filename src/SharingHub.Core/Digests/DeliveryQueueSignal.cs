using SharingHub.Common;

namespace SharingHub.Digests;

/// <summary>
/// Wakes this process's delivery worker as soon as this process queues a delivery, instead of at its next poll: the
/// self-host's round and worker share a process, and the first posts then start while the round is still queueing.
/// </summary>
public sealed class DeliveryQueueSignal : WakeSignal;
