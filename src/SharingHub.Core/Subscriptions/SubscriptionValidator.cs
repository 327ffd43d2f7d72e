using SharingHub.Common;
using SharingHub.Reference;
using SharingHub.Stories;

namespace SharingHub.Subscriptions;

/// <summary>Checks a draft against the reference data; the network and Graph checks need I/O and live in the service.</summary>
public static class SubscriptionValidator
{
    public const int MaxIdLength = 200;
    public const int MaxFilterValues = 200;

    public sealed record Checked(string Kommunenummer, string? ConnectionId, string TeamId, string ChannelId, SubscriptionFilters Filters, Cadence Cadence, bool Paused);

    public static Checked Validate(SubscriptionDraft draft, ValidationErrors errors)
    {
        var reference = ReferenceData.Instance;
        var kommune = TextRules.Line(errors, "kommunenummer", draft.Kommunenummer, 4);
        if (kommune is not null && !reference.MunicipalityByNumber.ContainsKey(kommune))
        {
            errors.Add("kommunenummer", $"'{kommune}' is not a municipality number (GET /api/reference/municipalities lists them)");
        }
        var connection = TextRules.Line(errors, "connectionId", draft.ConnectionId, MaxIdLength, required: false);
        var team = TextRules.Line(errors, "teamId", draft.TeamId, MaxIdLength);
        var channel = TextRules.Line(errors, "channelId", draft.ChannelId, MaxIdLength);
        var filters = Filters(draft.Filters ?? new FiltersDraft(), errors);
        var cadence = CadenceOf(draft.Cadence, errors);
        return new Checked(kommune ?? string.Empty, connection, team ?? string.Empty, channel ?? string.Empty, filters, cadence, draft.Paused ?? false);
    }

    private static SubscriptionFilters Filters(FiltersDraft draft, ValidationErrors errors)
    {
        var reference = ReferenceData.Instance;
        var goals = (draft.Goals ?? []).ToList();
        for (var i = 0; i < goals.Count; i++)
        {
            if (!reference.IsGoal(goals[i]))
            {
                errors.Add($"filters.goals[{i}]", "must be a goal number from 1 to 17");
            }
        }
        return new SubscriptionFilters
        {
            Goals = goals.Distinct().Order().ToList(),
            Targets = Values(draft.Targets, "filters.targets", errors, v => reference.TargetById.ContainsKey(v), "is not an official SDG target such as 11.6"),
            Sectors = Values(draft.Sectors, "filters.sectors", errors, StoryVocabulary.Sectors.Contains, $"must be one of {string.Join(", ", StoryVocabulary.Sectors)}"),
            Networks = Values(draft.Networks, "filters.networks", errors, _ => true, string.Empty),
            Fylker = Values(draft.Fylker, "filters.fylker", errors, v => reference.CountyByNumber.ContainsKey(v), "is not a county number (GET /api/reference/counties lists them)"),
            OwnMunicipalityOnly = draft.OwnMunicipalityOnly ?? false,
        };
    }

    private static List<string> Values(IReadOnlyList<string?>? values, string field, ValidationErrors errors, Func<string, bool> known, string reason)
    {
        var list = new List<string>();
        if (values is null)
        {
            return list;
        }
        if (values.Count > MaxFilterValues)
        {
            errors.Add(field, $"must have at most {MaxFilterValues} values");
            return list;
        }
        for (var i = 0; i < values.Count; i++)
        {
            var value = TextRules.Line(errors, $"{field}[{i}]", values[i], 100);
            if (value is null)
            {
                continue;
            }
            if (!known(value))
            {
                errors.Add($"{field}[{i}]", $"'{value}' {reason}");
            }
            else if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
        return list;
    }

    private static Cadence CadenceOf(CadenceDraft? draft, ValidationErrors errors)
    {
        if (draft?.Kind is not { } kind)
        {
            errors.Add("cadence.kind", "is required: weekly, monthly or afterWebinar");
            return new Cadence();
        }
        var hour = draft.Hour ?? 8;
        if (hour is < 0 or > 23)
        {
            errors.Add("cadence.hour", "must be an hour from 0 to 23 (Norwegian time)");
        }
        switch (kind)
        {
            case CadenceKind.Weekly when draft.DayOfWeek is null:
                errors.Add("cadence.dayOfWeek", "is required for a weekly digest (monday … sunday)");
                break;
            case CadenceKind.Monthly when draft.DayOfMonth is null or < 1 or > 31:
                errors.Add("cadence.dayOfMonth", "is required for a monthly digest: a day from 1 to 31 (in shorter months, the last day)");
                break;
        }
        return new Cadence
        {
            Kind = kind,
            DayOfWeek = kind == CadenceKind.Weekly ? draft.DayOfWeek : null,
            DayOfMonth = kind == CadenceKind.Monthly ? draft.DayOfMonth : null,
            Hour = hour,
        };
    }
}
