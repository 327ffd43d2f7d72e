namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static AdminText AdminTexts => new()
    {
    };
}
