namespace SharingHub.Pages.Text;

/// <summary>What every workspace page shares: the title, the menu and the roles' names.</summary>
public sealed record WorkspaceCommonText
{
    /// <summary>The link to the workspace in every page's header ("Arbeidsflate").</summary>
    public required string HeaderLink { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string MenuLabel { get; init; }

    /// <summary>"Logget inn som {0}": the caller's name.</summary>
    public required string SignedInAs { get; init; }
    public required string YourRoles { get; init; }
    public required string NoRoles { get; init; }
    public required IReadOnlyDictionary<Access.Role, string> RoleNames { get; init; }

    /// <summary>The menu's entries by path (<see cref="Workspace.WorkspaceNav"/>): the link text and a line on what is there.</summary>
    public required IReadOnlyDictionary<string, (string Name, string Description)> Menu { get; init; }

    public required string ErrorSummaryHeading { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }
}
