using System.Globalization;
using SharingHub.Pages.Text;
using SharingHub.Reference;

namespace SharingHub.Subscriptions.Pages;

/// <summary>A subscription's filters and schedule in a line of Norwegian, for the list.</summary>
public static class SubscriptionSummary
{
    public static string Filters(SubscriptionFilters f, PageText text)
    {
        var parts = new List<string>();
        if (f.Goals.Count > 0)
        {
            parts.Add($"{text.GoalLabel} {string.Join(", ", f.Goals)}");
        }
        if (f.Targets.Count > 0)
        {
            parts.Add(string.Join(", ", f.Targets));
        }
        parts.AddRange(f.Sectors.Select(s => text.Sectors.GetValueOrDefault(s, s)));
        parts.AddRange(f.Networks);
        parts.AddRange(f.Fylker.Select(n => ReferenceData.Instance.CountyByNumber.TryGetValue(n, out var c) ? c.Name : n));
        if (f.OwnMunicipalityOnly)
        {
            parts.Add(text.Workspace.Subscriber.OwnMunicipalityOnly);
        }
        return parts.Count == 0 ? text.Workspace.Subscriber.AllStories : string.Join(" · ", parts);
    }

    public static string Cadence(Cadence cadence, SubscriberText text)
    {
        var kind = text.CadenceNames[SubscriptionForm.CadenceName(cadence.Kind)];
        var when = cadence.Kind switch
        {
            CadenceKind.Weekly when cadence.DayOfWeek is { } day => $", {text.Weekdays[(int)day]}",
            CadenceKind.Monthly when cadence.DayOfMonth is { } d => $", {d.ToString(CultureInfo.InvariantCulture)}.",
            _ => string.Empty,
        };
        return $"{kind}{when} kl. {cadence.Hour.ToString("00", CultureInfo.InvariantCulture)}.00";
    }
}
