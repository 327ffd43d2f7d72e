namespace SharingHub.Pages.Text;

/// <summary>Signing in and out (/logg-inn, /logg-ut).</summary>
public sealed record SignInText
{
}
