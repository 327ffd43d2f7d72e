namespace SharingHub.Pages.Text;

/// <summary>The secretariat's pages: stories, import, moderation, feed sources.</summary>
public sealed record SecretariatText
{
}
