using SharingHub.Common;
using SharingHub.People;
using SharingHub.Stories;

namespace SharingHub.Webinars;

/// <summary>
/// Erases a speaker, found by e-mail, from every episode: the name becomes a placeholder, organisation and e-mail go. A
/// story drafted from one of their presentations names them in its text ("Presentert … av Navn"): it loses the names too.
/// </summary>
public sealed class PresentationPersonalData(IWebinarStore store, StoryService stories) : IPersonalDataHolder
{
    public const string Erased = "(slettet etter forespørsel)";

    public string Name => "presentations";

    public async Task<IReadOnlyCollection<string>> NamesOfAsync(string email, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var id in store.AllIdsAsync(ct))
        {
            if (await store.GetAsync(id, ct) is { } stored)
            {
                names.AddRange(stored.Webinar.Presentations.SelectMany(p => p.Speakers)
                    .Where(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase))
                    .Select(s => s.Name));
            }
        }
        return names;
    }

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var changed = 0;
        await foreach (var id in store.AllIdsAsync(ct))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                if (await store.GetAsync(id, ct) is not { } stored || !Mentions(stored.Webinar, person))
                {
                    break;
                }
                // The stories first: once the episode forgets the address, nothing leads back to them.
                foreach (var storyId in stored.Webinar.Presentations.Where(p => p.Speakers.Any(s => person.IsAddress(s.Email))).Select(p => p.StoryId).OfType<string>())
                {
                    await ScrubStoryAsync(storyId, person, ct);
                }
                var erased = stored.Webinar with
                {
                    Presentations = [.. stored.Webinar.Presentations.Select(p => p with
                    {
                        Speakers = [.. p.Speakers.Select(s => person.IsAddress(s.Email) ? new Speaker(Erased, null) : s)],
                    })],
                };
                if (await store.ReplaceAsync(stored, erased, ct))
                {
                    changed++;
                    break;
                }
            }
        }
        return changed;
    }

    private async Task ScrubStoryAsync(string storyId, ErasedPerson person, CancellationToken ct)
    {
        try
        {
            await stories.ChangeAsync(storyId, expectedVersion: null, story => StoryPersonalData.Scrub(story, person), ct);
        }
        catch (NotFoundException)
        {
            // The story was never stored, or is gone: nothing of the speaker is left there.
        }
    }

    private static bool Mentions(Webinar webinar, ErasedPerson person) =>
        webinar.Presentations.Any(p => p.Speakers.Any(s => person.IsAddress(s.Email)));
}
