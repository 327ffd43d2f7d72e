namespace SharingHub.Webinars.Transcripts;

/// <summary>Transcripts can be large (a 10 MB captions file), so they live as one document per episode outside the episode row.</summary>
public interface ITranscriptStore
{
    Task SaveAsync(Transcript transcript, CancellationToken ct);

    Task<Transcript?> GetAsync(string webinarId, CancellationToken ct);
}
