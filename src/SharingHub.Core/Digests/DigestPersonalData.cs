using System.Text.Json;
using System.Text.Json.Nodes;
using SharingHub.People;
using SharingHub.Teams;

namespace SharingHub.Digests;

/// <summary>
/// Digests keep what they rendered: each delivery's message, and in outbox mode the Graph request it stood for. A story's
/// or speaker's name and address that reached a digest are redacted in both; the delivery's bookkeeping stays.
/// </summary>
public sealed class DigestPersonalData(IDeliveryStore deliveries, IDigestOutbox outbox) : IPersonalDataHolder
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public string Name => "deliveries";

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stored in deliveries.AllAsync(ct))
        {
            if (person.IsMentionedIn(stored.Html) && await RedactMessageAsync(stored, person, ct))
            {
                changed.Add(stored.Delivery.Id);
            }
        }
        await foreach (var id in outbox.IdsAsync(ct))
        {
            // Parsed, not searched as text: the stored JSON escapes characters of names ("\u00E6" for "æ").
            if (await outbox.GetAsync(id, ct) is not { } json || JsonNode.Parse(json) is not { } request)
            {
                continue;
            }
            var before = request.ToJsonString();
            Redact(request, person);
            if (request.ToJsonString() == before)
            {
                continue;
            }
            await outbox.SaveAsync(id, request.Deserialize<TeamsRequest>(Web)!, ct);
            changed.Add(id);
        }
        return changed.Count;
    }

    /// <returns>false when the delivery is gone.</returns>
    private async Task<bool> RedactMessageAsync(StoredDelivery stored, ErasedPerson person, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await deliveries.ReplaceHtmlAsync(stored.Delivery.Id, stored.Stamp, person.Redact(stored.Html)!, ct))
            {
                return true;
            }
            // The worker moved the delivery on meanwhile: read it again.
            if (await deliveries.GetAsync(stored.Delivery.Id, ct) is not { } again)
            {
                return false;
            }
            stored = again;
        }
        throw new InvalidOperationException($"Delivery {stored.Delivery.Id} kept changing during erasure; run the erasure again.");
    }

    /// <summary>Redacts every string in the request, whatever its shape.</summary>
    private static void Redact(JsonNode node, ErasedPerson person)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        obj[key] = person.Redact(text);
                    }
                    else if (value is not null)
                    {
                        Redact(value, person);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        array[i] = person.Redact(text);
                    }
                    else if (array[i] is { } child)
                    {
                        Redact(child, person);
                    }
                }
                break;
        }
    }
}
