using SharingHub.People;

namespace SharingHub.Webinars;

/// <summary>Erases a speaker, found by e-mail, from every episode: the name becomes a placeholder, organisation and e-mail go.</summary>
public sealed class PresentationPersonalData(IWebinarStore store) : IPersonalDataHolder
{
    public const string Erased = "(slettet etter forespørsel)";

    public string Name => "presentations";

    public async Task<int> EraseAsync(string email, CancellationToken ct)
    {
        var changed = 0;
        await foreach (var id in store.AllIdsAsync(ct))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                if (await store.GetAsync(id, ct) is not { } stored || !Mentions(stored.Webinar, email))
                {
                    break;
                }
                var erased = stored.Webinar with
                {
                    Presentations = [.. stored.Webinar.Presentations.Select(p => p with
                    {
                        Speakers = [.. p.Speakers.Select(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase) ? new Speaker(Erased, null) : s)],
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

    private static bool Mentions(Webinar webinar, string email) =>
        webinar.Presentations.Any(p => p.Speakers.Any(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)));
}
