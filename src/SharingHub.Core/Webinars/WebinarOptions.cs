namespace SharingHub.Webinars;

/// <summary>The <c>Webinars</c> section: how long issued URLs live and how large each kind of file may be.</summary>
public sealed class WebinarOptions
{
    public const string Section = "Webinars";

    /// <summary>Upload URLs are short-lived; the upload command renews one for a long upload.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after its URL expired an unfinished upload is left alone before the clean-up removes it.</summary>
    public TimeSpan CleanupGrace { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    public long RecordingMaxBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    public long SlidesMaxBytes { get; set; } = 200L * 1024 * 1024;

    public long CaptionsMaxBytes { get; set; } = 10L * 1024 * 1024;
}
