namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static SubscriberText SubscriberTexts => new()
    {
    };
}
