namespace SharingHub.Pages.Text;

public static partial class Bokmal
{
    private static AdminText AdminTexts => new()
    {
    };
}
