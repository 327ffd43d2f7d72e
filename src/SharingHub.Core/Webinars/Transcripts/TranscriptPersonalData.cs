using System.Security.Cryptography;
using System.Text;
using SharingHub.People;
using SharingHub.Webinars.Assets;

namespace SharingHub.Webinars.Transcripts;

/// <summary>
/// Erases a speaker's name from transcripts and from the captions files they came from (voice tags, &lt;v Name&gt;, and
/// the text). Captions name speakers, not addresses: the names are those of <see cref="ErasedPerson.Names"/> (given with
/// the request, or recorded beside the address as a speaker or a contact), replaced in every episode.
/// </summary>
public sealed class TranscriptPersonalData(
    IWebinarStore webinars,
    ITranscriptStore transcripts,
    WebinarService webinarService,
    IAssetStore assets,
    IAssetBlobs blobs) : IPersonalDataHolder
{
    public string Name => "transcripts";

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        // Every holder has reported the names it keeps beside the address (speakers among them) before any erases.
        var names = new HashSet<string>(person.Names, StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return 0;
        }
        var ids = new List<string>();
        await foreach (var id in webinars.AllIdsAsync(ct))
        {
            ids.Add(id);
        }
        var changed = 0;
        foreach (var id in ids)
        {
            if (await transcripts.GetAsync(id, ct) is { } transcript && Erase(transcript, names) is { } erased)
            {
                await webinarService.AttachTranscriptAsync(erased, ct); // also refreshes the chapters' excerpts
                changed++;
            }
            foreach (var asset in await assets.ListAsync(id, ct))
            {
                if (asset is { Kind: AssetKind.Captions, Status: AssetStatus.Available or AssetStatus.Verifying }
                    && await EraseCaptionsAsync(asset, names, ct))
                {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static Transcript? Erase(Transcript transcript, IReadOnlySet<string> names)
    {
        var segments = transcript.Segments.Select(segment => names.Aggregate(segment, (s, name) => s with
        {
            Speaker = string.Equals(s.Speaker?.Trim(), name, StringComparison.OrdinalIgnoreCase) ? PresentationPersonalData.Erased : s.Speaker,
            Text = CaptionsText.EraseInText(s.Text, name, PresentationPersonalData.Erased),
        })).ToList();
        return segments.SequenceEqual(transcript.Segments) ? null : transcript with { Segments = segments };
    }

    /// <summary>Rewrites the captions with the names replaced, as a new snapshot; the old snapshot goes once the asset points at the new one.</summary>
    private async Task<bool> EraseCaptionsAsync(WebinarAsset asset, IReadOnlySet<string> names, CancellationToken ct)
    {
        string original;
        // Files made available before snapshots were taken have none: their blob itself is what was checked.
        await using (var stream = await blobs.OpenReadAsync(asset.BlobName, asset.Snapshot, ct))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            original = await reader.ReadToEndAsync(ct);
        }
        var erased = string.Join('\n', original.Split('\n')
            .Select(line => names.Aggregate(line, (l, name) => CaptionsText.EraseName(l, name, PresentationPersonalData.Erased))));
        if (erased == original)
        {
            return false;
        }
        var content = BinaryData.FromString(erased);
        var snapshot = await blobs.WriteAndSnapshotAsync(asset.BlobName, content, asset.ContentType, ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await assets.GetAsync(asset.WebinarId, asset.AssetId, ct) is not { } stored || stored.Asset.Snapshot != asset.Snapshot)
            {
                await blobs.DeleteSnapshotAsync(asset.BlobName, snapshot, ct); // removed or rewritten meanwhile
                return false;
            }
            var updated = stored.Asset with
            {
                Snapshot = snapshot,
                Size = content.ToMemory().Length,
                // A verifying asset is hashed by its check, which reads the new snapshot; an available one is hashed here.
                ContentHash = stored.Asset.Status == AssetStatus.Available ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span)) : stored.Asset.ContentHash,
            };
            if (await assets.ReplaceAsync(stored, updated, ct))
            {
                if (asset.Snapshot is { } previous)
                {
                    await blobs.DeleteSnapshotAsync(asset.BlobName, previous, ct);
                }
                return true;
            }
        }
        throw new InvalidOperationException($"Captions asset {asset.AssetId} kept changing while a name was erased from it; run the erasure again.");
    }
}
