using SharingHub.Access;

namespace SharingHub.Workspace;

/// <summary>The workspace's menu: each page's path and who may open it. The texts are in <see cref="Pages.Text.WorkspaceCommonText.Menu"/>.</summary>
public static class WorkspaceNav
{
    public const string Home = "/arbeid";

    public sealed record Entry(string Path, Func<Caller, bool> IsFor);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new(Home, _ => true),
        new("/arbeid/historier", c => c.Has(Role.Secretariat)),
        new("/arbeid/historier/ny", c => c.Has(Role.Secretariat)),
        new("/arbeid/import", c => c.Has(Role.Secretariat)),
        new("/arbeid/moderering", c => c.Has(Role.Secretariat)),
        new("/arbeid/kilder", c => c.Has(Role.Secretariat)),
        new("/arbeid/webinarer", c => c.Has(Role.Organiser)),
        new("/arbeid/abonnementer", c => c.Has(Role.Subscriber)),
        new("/arbeid/leveranser", c => c.Has(Role.Subscriber)),
        new("/arbeid/teams", c => c.Has(Role.Subscriber)),
        new("/arbeid/medlemmer", c => c.Has(Role.Secretariat)),
        new("/arbeid/nokler", c => c.IsAdmin),
        new("/arbeid/logg", c => c.IsAdmin),
        new("/arbeid/sletting", c => c.IsAdmin),
    ];

    public static IReadOnlyList<Entry> For(Caller caller) => [.. Entries.Where(e => e.IsFor(caller))];
}
