namespace SharingHub.Pages.Text;

/// <summary>
/// The workspace's words, one record per area so that each area's texts live in files of their own
/// (<c>Bokmal.&lt;Area&gt;.cs</c>, <c>Nynorsk.&lt;Area&gt;.cs</c>) while each language stays one place.
/// </summary>
public sealed record WorkspaceText
{
    public required WorkspaceCommonText Common { get; init; }
    public required SignInText SignIn { get; init; }
    public required SecretariatText Secretariat { get; init; }
    public required OrganiserText Organiser { get; init; }
    public required SubscriberText Subscriber { get; init; }
    public required AdminText Admin { get; init; }
}
