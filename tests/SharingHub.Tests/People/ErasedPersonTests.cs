using SharingHub.People;

namespace SharingHub.Tests.People;

public sealed class ErasedPersonTests
{
    private static readonly ErasedPerson Person = new("ola.testesen@kommune.no", ["Ola Testesen", "Ola Testesen", "Ol"]);

    [Theory]
    [InlineData("Spør Ola Testesen.", "Spør [slettet].")]
    [InlineData("Ola Testesens prosjekt", "[slettet]s prosjekt")]
    [InlineData("OLA  TESTESEN svarer", "[slettet] svarer")]
    [InlineData("<li>Ola Testesen &amp; Per</li>", "<li>[slettet] &amp; Per</li>")]
    [InlineData("mailto:OLA.TESTESEN@kommune.no", "mailto:[slettet]")]
    [InlineData("https://example.no/kontakt/ola.testesen%40kommune.no", "https://example.no/kontakt/[slettet]")]
    [InlineData("title:kontakt ola.testesen@kommune.no|5001", "title:kontakt [slettet]|5001")]
    [InlineData("Olav Testesen og Kari Ola Testesenborg", "Olav Testesen og Kari Ola Testesenborg")]
    public void RedactsTheAddressAnywhereAndNamesAsWholeWords(string text, string expected)
    {
        Assert.Equal(expected, Person.Redact(text));
        Assert.Equal(text != expected, Person.IsMentionedIn(text));
    }

    [Fact]
    public void NamesAreTrimmedDeduplicatedAndTooShortOnesIgnored()
    {
        Assert.Equal(["Ola Testesen"], Person.Names);
        Assert.Empty(Person.AddressOnly.Names);
        Assert.False(Person.AddressOnly.IsMentionedIn("Ola Testesen"));
    }

    [Fact]
    public void NamesWithHtmlSensitiveCharactersAreFoundEncodedToo()
    {
        var person = new ErasedPerson("a@b.no", ["Ola O'Neil"]);

        Assert.Equal("<b>[slettet]</b>", person.Redact("<b>Ola O&#x27;Neil</b>"));
        Assert.Equal("<b>[slettet]</b>", person.Redact("<b>Ola O&#39;Neil</b>"));
    }
}
