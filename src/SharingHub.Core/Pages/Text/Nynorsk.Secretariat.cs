namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static SecretariatText SecretariatTexts => new()
    {
    };
}
