using System.Text;

namespace SharingHub.Digests;

/// <summary>
/// What a message on the delivery queue says: the ids of up to <see cref="MaxIds"/> deliveries, comma-separated, as plain
/// text (host.json's messageEncoding is none, so the queue trigger hands the function exactly this). A delivery id is
/// letters, digits and '-', so a message of one delivery is just its id, as it was before deliveries were batched.
/// </summary>
public static class DeliveryMessage
{
    /// <summary>
    /// Deliveries per message: one message is received, claimed (one transaction), recorded (one more) and deleted
    /// together, so a worker holds at most this many at once per message and the rest of the queue stays for others.
    /// </summary>
    public const int MaxIds = 32;

    private const char Separator = ',';

    public static string Format(IReadOnlyCollection<string> deliveryIds) =>
        deliveryIds.Count is > 0 and <= MaxIds
            ? string.Join(Separator, deliveryIds)
            : throw new ArgumentOutOfRangeException(nameof(deliveryIds), $"A message holds 1 to {MaxIds} deliveries.");

    /// <summary>The ids, each once. Anything that is not an id is passed on as it is; the worker drops an unknown id.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        Decode(text).Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Splits ids into as few messages as <see cref="MaxIds"/> allows, of about equal size.</summary>
    public static IEnumerable<string[]> Split(IReadOnlyCollection<string> deliveryIds)
    {
        if (deliveryIds.Count == 0)
        {
            return [];
        }
        var messages = (deliveryIds.Count + MaxIds - 1) / MaxIds;
        return deliveryIds.Chunk((deliveryIds.Count + messages - 1) / messages);
    }

    // A message always holds a '-' (every delivery id has one), which Base64 never does: a message queued Base64-encoded
    // (as the first version did) is still understood.
    private static string Decode(string text)
    {
        if (text.Contains('-', StringComparison.Ordinal))
        {
            return text;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
