using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Stories;

/// <summary>
/// Erases a contact person from stories: the contact is removed, and their address and names are redacted from the
/// story's text; a source id or feed link that holds them becomes a pseudonym. Erasure is rare, so it reads every story
/// rather than keeping an index of personal data.
/// </summary>
public sealed class StoryPersonalData(HubStorage storage, StoryService stories) : IPersonalDataHolder
{
    public const string Redacted = ErasedPerson.Placeholder;

    public string Name => "stories";

    public async Task<IReadOnlyCollection<string>> NamesOfAsync(string email, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var story in AllAsync(ct))
        {
            if (string.Equals(story.Contact?.Email, email, StringComparison.OrdinalIgnoreCase) && story.Contact?.Name is { } name)
            {
                names.Add(name);
            }
        }
        return names;
    }

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var affected = new List<string>();
        await foreach (var story in AllAsync(ct))
        {
            if (Redact(story, person) is not null)
            {
                affected.Add(story.Id);
            }
        }
        foreach (var id in affected)
        {
            // Through the service, so the version moves on and a concurrent edit is not lost.
            await stories.ChangeAsync(id, expectedVersion: null, story => Redact(story, person) ?? story, ct);
        }
        return affected.Count;
    }

    /// <summary>
    /// The story without the person (the contact removed; the address and the person's names redacted from its text),
    /// or null when the address does not appear in it. A name alone is not enough to touch a story: it may be someone else's.
    /// </summary>
    public static Story? Redact(Story story, ErasedPerson person)
    {
        return Json(Scrub(story, person.AddressOnly)) == Json(story) ? null : Scrub(story, person);
    }

    /// <summary>The story with the person's contact removed and their address and names redacted wherever they appear.</summary>
    public static Story Scrub(Story story, ErasedPerson person)
    {
        string? Clean(string? text) => person.Redact(text);
        return story with
        {
            Contact = person.IsAddress(story.Contact?.Email) ? null : story.Contact,
            Title = Clean(story.Title)!,
            Summary = Clean(story.Summary),
            Body = Clean(story.Body),
            Organisation = Clean(story.Organisation),
            Resources = Clean(story.Resources),
            Results = Clean(story.Results),
            Lessons = Clean(story.Lessons),
            Recipe = [.. story.Recipe.Select(r => Clean(r)!)],
            Links = [.. story.Links.Select(l => Clean(l)!)],
            TargetGroup = story.TargetGroup is null ? null : new TargetGroup(Clean(story.TargetGroup.Description), Clean(story.TargetGroup.Involvement)),
            LocalTargets = [.. story.LocalTargets.Select(t => t with { Text = Clean(t.Text) })],
            RejectionReason = Clean(story.RejectionReason),
            // A feed item's id or link, or a network's own id, can hold an address: keep only what identifies the story.
            SourceId = person.IsMentionedIn(story.SourceId) ? SourceIdPseudonym(story.SourceId!) : story.SourceId,
            Feed = story.Feed is { } feed && person.IsMentionedIn(feed.Link) ? feed with { Link = null } : story.Feed,
        };
    }

    /// <summary>What an erased source id becomes: its hash, which a network that sends the original id again still matches.</summary>
    public static string SourceIdPseudonym(string sourceId) => "sha256:" + Hashing.Sha256Hex(sourceId);

    private async IAsyncEnumerable<Story> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in storage.Table(StoryEntities.MainTable).QueryAsync<TableEntity>(cancellationToken: ct))
        {
            yield return StoryEntities.FromMain(row);
        }
    }

    // Records compare lists by reference, so compare what would be stored.
    private static string Json(Story story) => JsonSerializer.Serialize(story, HubJson.Options);
}
