using System.Text.RegularExpressions;
using SharingHub.Common;
using SharingHub.Reference;

namespace SharingHub.Networks;

public static partial class NetworkValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static bool IsSlug(string id) => id.Length <= 40 && Slug().IsMatch(id);

    public static Network Validate(NetworkDraft draft, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var id = TextRules.Line(errors, "id", draft.Id, 40);
        if (id is not null && !Slug().IsMatch(id))
        {
            errors.Add("id", "must be a slug: lowercase letters, digits and single hyphens, such as 'trondelag-sorvest'");
        }
        var name = TextRules.Line(errors, "name", draft.Name, 200);
        var fylker = new List<string>();
        foreach (var (fylke, i) in (draft.Fylker ?? []).Select((f, i) => (f, i)))
        {
            if (fylke is null || !ReferenceData.Instance.CountyByNumber.ContainsKey(fylke))
            {
                errors.Add($"fylker[{i}]", $"'{fylke}' is not a county number (fylkesnummer such as '50' for Trøndelag)");
            }
            else if (!fylker.Contains(fylke))
            {
                fylker.Add(fylke);
            }
        }
        NetworkContact? contact = null;
        if (draft.Contact is not null)
        {
            var contactName = TextRules.Line(errors, "contact.name", draft.Contact.Name, 200, required: false);
            var email = TextRules.Line(errors, "contact.email", draft.Contact.Email, 254, required: false);
            if (email is not null && !EmailAddress.IsValid(email))
            {
                errors.Add("contact.email", "is not an e-mail address");
            }
            contact = new NetworkContact(contactName, email);
        }
        errors.ThrowIfAny();
        return new Network(id!, name!, fylker, contact, now);
    }
}
