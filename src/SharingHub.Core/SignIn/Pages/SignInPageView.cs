using Microsoft.AspNetCore.Antiforgery;
using SharingHub.Pages;
using SharingHub.Pages.Text;

namespace SharingHub.SignIn.Pages;

public sealed record SignInPageView(PageFrame Frame, SignInText Text, AntiforgeryTokenSet Tokens, string Back, bool MicrosoftEnabled, bool MicrosoftFailed)
{
    public string MicrosoftUrl => $"/logg-inn/microsoft?{LocalReturn.Parameter}={Uri.EscapeDataString(Back)}";

    public string? KeyError { get; init; }

    /// <summary>The signed-in caller's name, when someone already is.</summary>
    public string? SignedInAs { get; init; }
}
