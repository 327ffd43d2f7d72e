namespace SharingHub.Pages.Text;

/// <summary>The organiser's pages: episodes, presentations, uploads.</summary>
public sealed record OrganiserText
{
}
