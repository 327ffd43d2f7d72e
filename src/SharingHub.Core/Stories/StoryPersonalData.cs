using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Stories;

/// <summary>
/// Erases a contact person from stories: the contact is removed, and their address and name are redacted from the
/// story's text. Erasure is rare, so it reads every story rather than keeping an index of personal data.
/// </summary>
public sealed class StoryPersonalData(HubStorage storage, StoryService stories) : IPersonalDataHolder
{
    public const string Redacted = "[slettet]";

    public string Name => "stories";

    public async Task<int> EraseAsync(string email, CancellationToken ct)
    {
        // First pass: which stories hold the address, and under which names the person appears as a contact.
        var affected = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in storage.Table(StoryEntities.MainTable).QueryAsync<TableEntity>(cancellationToken: ct))
        {
            var story = StoryEntities.FromMain(row);
            if (Redact(story, email, names) is not null)
            {
                affected.Add(story.Id);
                if (string.Equals(story.Contact?.Email, email, StringComparison.OrdinalIgnoreCase) && story.Contact?.Name?.Trim() is { Length: >= 3 } name)
                {
                    names.Add(name);
                }
            }
        }
        foreach (var id in affected)
        {
            // Through the service, so the version moves on and a concurrent edit is not lost.
            await stories.ChangeAsync(id, expectedVersion: null, story => Redact(story, email, names) ?? story, ct);
        }
        return affected.Count;
    }

    /// <summary>
    /// The story without the person (the contact removed; the address and the person's <paramref name="names"/> redacted from its text),
    /// or null when the address does not appear in it. A name alone is not enough to touch a story: it may be someone else's.
    /// </summary>
    public static Story? Redact(Story story, string email, IReadOnlyCollection<string> names)
    {
        var isContact = string.Equals(story.Contact?.Email, email, StringComparison.OrdinalIgnoreCase);
        if (Json(Apply(story, email, [], isContact)) == Json(story))
        {
            return null; // the address appears nowhere in this story
        }
        var allNames = isContact && story.Contact?.Name?.Trim() is { Length: >= 3 } own ? [.. names, own] : names;
        return Apply(story, email, allNames, isContact);
    }

    private static Story Apply(Story story, string email, IReadOnlyCollection<string> names, bool isContact)
    {
        string? Clean(string? text) => text is null
            ? null
            : names.Aggregate(text.Replace(email, Redacted, StringComparison.OrdinalIgnoreCase),
                (t, name) => t.Replace(name, Redacted, StringComparison.OrdinalIgnoreCase));
        return story with
        {
            Contact = isContact ? null : story.Contact,
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
        };
    }

    // Records compare lists by reference, so compare what would be stored.
    private static string Json(Story story) => JsonSerializer.Serialize(story, HubJson.Options);
}
