using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SharingHub.Common;

namespace SharingHub.Subscriptions.Pages;

/// <summary>
/// The subscription form as a person filled it in (kept as typed, to show it again), and the API's draft it stands for.
/// The core's <see cref="SubscriptionValidator"/> decides what is valid; this only turns form fields into the draft.
/// </summary>
public sealed record SubscriptionForm
{
    public string Kommunenummer { get; init; } = string.Empty;
    public string ConnectionId { get; init; } = string.Empty;
    public string TeamId { get; init; } = string.Empty;
    public string ChannelId { get; init; } = string.Empty;
    public IReadOnlyList<string> Goals { get; init; } = [];
    public string Targets { get; init; } = string.Empty;
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Networks { get; init; } = [];
    public IReadOnlyList<string> Fylker { get; init; } = [];
    public bool OwnMunicipalityOnly { get; init; }
    public string Cadence { get; init; } = "weekly";
    public string DayOfWeek { get; init; } = "monday";
    public string DayOfMonth { get; init; } = string.Empty;
    public string Hour { get; init; } = "8";
    public bool Paused { get; init; }

    /// <summary>The version the form was opened at (edits only): a change by someone else meanwhile is refused.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>What the person asked for with the button they pressed: save, preview, or fetch the Teams lists.</summary>
    public string Action { get; init; } = SaveAction;

    public const string SaveAction = "lagre";
    public const string PreviewAction = "forhandsvis";
    public const string ChannelsAction = "kanaler";

    public static SubscriptionForm From(IFormCollection form)
    {
        string One(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString().Trim() : string.Empty;
        IReadOnlyList<string> Many(string name) => form.TryGetValue(name, out var v) ? [.. v.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0)] : [];
        return new SubscriptionForm
        {
            Kommunenummer = One("kommunenummer"),
            ConnectionId = One("tilkobling"),
            TeamId = One("team"),
            ChannelId = One("kanal"),
            Goals = Many("mal"),
            Targets = One("delmal"),
            Sectors = Many("sektor"),
            Networks = Many("nettverk"),
            Fylker = Many("fylke"),
            OwnMunicipalityOnly = One("egenkommune") == "true",
            Cadence = One("hyppighet"),
            DayOfWeek = One("ukedag"),
            DayOfMonth = One("dag"),
            Hour = One("time"),
            Paused = One("pause") == "true",
            Version = One("versjon"),
            Action = One("handling") is { Length: > 0 } action ? action : SaveAction,
        };
    }

    public static SubscriptionForm From(Subscription s) => new()
    {
        Kommunenummer = s.Kommunenummer,
        ConnectionId = s.ConnectionId ?? string.Empty,
        TeamId = s.TeamId,
        ChannelId = s.ChannelId,
        Goals = [.. s.Filters.Goals.Select(g => g.ToString(CultureInfo.InvariantCulture))],
        Targets = string.Join(", ", s.Filters.Targets),
        Sectors = s.Filters.Sectors,
        Networks = s.Filters.Networks,
        Fylker = s.Filters.Fylker,
        OwnMunicipalityOnly = s.Filters.OwnMunicipalityOnly,
        Cadence = CadenceName(s.Cadence.Kind),
        DayOfWeek = (s.Cadence.DayOfWeek ?? System.DayOfWeek.Monday).ToString().ToLowerInvariant(),
        DayOfMonth = s.Cadence.DayOfMonth?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        Hour = s.Cadence.Hour.ToString(CultureInfo.InvariantCulture),
        Paused = s.Paused,
        Version = s.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A new subscription's form: the caller's municipality when it has one, a connection when one was picked.</summary>
    public static SubscriptionForm New(string? kommunenummer, string? connectionId) => new()
    {
        Kommunenummer = kommunenummer ?? string.Empty,
        ConnectionId = connectionId ?? string.Empty,
    };

    public static string CadenceName(CadenceKind kind) => kind switch
    {
        CadenceKind.Monthly => "monthly",
        CadenceKind.AfterWebinar => "afterWebinar",
        _ => "weekly",
    };

    public int? ExpectedVersion => int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>
    /// The API's draft. A value the form cannot even turn into the draft's type (a goal that is no number, an hour that
    /// is text) is reported under the API's field name in <paramref name="errors"/>, as the validator reports the rest.
    /// </summary>
    public SubscriptionDraft ToDraft(ValidationErrors errors)
    {
        var goals = new List<int>();
        foreach (var goal in Goals)
        {
            if (int.TryParse(goal, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                goals.Add(number);
            }
            else
            {
                errors.Add("filters.goals", "must be a goal number from 1 to 17");
            }
        }
        CadenceKind? kind = Cadence switch
        {
            "weekly" => CadenceKind.Weekly,
            "monthly" => CadenceKind.Monthly,
            "afterWebinar" => CadenceKind.AfterWebinar,
            _ => null,
        };
        System.DayOfWeek? day = null;
        if (kind == CadenceKind.Weekly && Enum.TryParse<System.DayOfWeek>(DayOfWeek, ignoreCase: true, out var parsedDay) && !int.TryParse(DayOfWeek, out _))
        {
            day = parsedDay;
        }
        int? dayOfMonth = null;
        if (kind == CadenceKind.Monthly && DayOfMonth.Length > 0)
        {
            if (int.TryParse(DayOfMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                dayOfMonth = d;
            }
            else
            {
                errors.Add("cadence.dayOfMonth", "must be a day from 1 to 31");
            }
        }
        int? hour = null;
        if (Hour.Length > 0)
        {
            if (int.TryParse(Hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h))
            {
                hour = h;
            }
            else
            {
                errors.Add("cadence.hour", "must be an hour from 0 to 23");
            }
        }
        return new SubscriptionDraft
        {
            Kommunenummer = Kommunenummer,
            ConnectionId = ConnectionId.Length == 0 ? null : ConnectionId,
            TeamId = TeamId,
            ChannelId = ChannelId,
            Filters = new FiltersDraft
            {
                Goals = goals,
                Targets = [.. Targets.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Sectors = Sectors,
                Networks = Networks,
                Fylker = Fylker,
                OwnMunicipalityOnly = OwnMunicipalityOnly,
            },
            Cadence = new CadenceDraft { Kind = kind, DayOfWeek = day, DayOfMonth = dayOfMonth, Hour = hour },
            Paused = Paused,
        };
    }

    /// <summary>The form's field for an error of the API's draft: "filters.targets[2]" is the targets field.</summary>
    public static string FieldOf(string apiField)
    {
        var bracket = apiField.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? apiField : apiField[..bracket];
    }

    /// <summary>The id of the element an error links to, by the API's field name.</summary>
    public static string ElementId(string field) => field switch
    {
        "kommunenummer" => "f-kommune",
        "connectionId" => "f-tilkobling",
        "teamId" => "f-team",
        "channelId" => "f-kanal",
        "filters.goals" => "f-mal",
        "filters.targets" => "f-delmal",
        "filters.sectors" => "f-sektor",
        "filters.networks" => "f-nettverk",
        "filters.fylker" => "f-fylke",
        "cadence.kind" => "f-hyppighet",
        "cadence.dayOfWeek" => "f-ukedag",
        "cadence.dayOfMonth" => "f-dag",
        "cadence.hour" => "f-time",
        _ => "f-kommune",
    };
}
