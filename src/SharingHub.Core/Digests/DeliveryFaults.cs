namespace SharingHub.Digests;

/// <summary>
/// Points where a test can make the worker "crash" (throw) to prove that a redelivery neither loses nor repeats a digest.
/// Empty in production.
/// </summary>
public sealed class DeliveryFaults
{
    public Func<string, Task>? AfterClaim { get; set; }
    public Func<string, Task>? AfterPost { get; set; }

    internal Task AfterClaimAsync(string deliveryId) => AfterClaim?.Invoke(deliveryId) ?? Task.CompletedTask;

    internal Task AfterPostAsync(string deliveryId) => AfterPost?.Invoke(deliveryId) ?? Task.CompletedTask;
}
