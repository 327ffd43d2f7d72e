namespace SharingHub.Pages.Text;

/// <summary>The admin's pages: keys, members, the audit log, erasure.</summary>
public sealed record AdminText
{
}
