namespace SharingHub.Pages.Text;

/// <summary>The sign-in words in the page's language.</summary>
public static class SignInTexts
{
    public static SignInText Of(PageText text) => text.Lang == Nynorsk.Text.Lang ? Nynorsk.SignIn : Bokmal.SignIn;
}
