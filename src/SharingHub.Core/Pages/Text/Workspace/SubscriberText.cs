namespace SharingHub.Pages.Text;

/// <summary>The subscriber's pages: subscriptions, preview, deliveries, Teams; and the admin's digest actions.</summary>
public sealed record SubscriberText
{
    // /arbeid/abonnementer
    public required string ListTitle { get; init; }
    public required string ListIntro { get; init; }
    public required string NewSubscription { get; init; }
    public required string NoSubscriptions { get; init; }
    public required string ColumnMunicipality { get; init; }
    public required string ColumnChannel { get; init; }
    public required string ColumnFilters { get; init; }
    public required string ColumnCadence { get; init; }
    public required string ColumnStatus { get; init; }
    public required string Outbox { get; init; }
    public required string StatusActive { get; init; }
    public required string StatusPaused { get; init; }
    public required string AllStories { get; init; }
    public required string Open { get; init; }
    public required string Deleted { get; init; }

    // The form
    public required string NewTitle { get; init; }

    /// <summary>"Abonnement for {0}": the municipality.</summary>
    public required string EditTitle { get; init; }
    public required string FieldMunicipality { get; init; }
    public required string ChannelLegend { get; init; }
    public required string FieldConnection { get; init; }
    public required string NoConnection { get; init; }
    public required string ConnectionHint { get; init; }
    public required string FieldTeam { get; init; }
    public required string FieldChannel { get; init; }
    public required string TeamIdHint { get; init; }
    public required string ChooseTeam { get; init; }
    public required string ChooseChannel { get; init; }
    public required string ChannelHint { get; init; }
    public required string FetchChannels { get; init; }
    public required string TeamsUnreachable { get; init; }
    public required string GoalsLegend { get; init; }
    public required string NoneMeansAll { get; init; }
    public required string FieldTargets { get; init; }
    public required string TargetsHint { get; init; }
    public required string SectorsLegend { get; init; }
    public required string NetworksLegend { get; init; }
    public required string CountiesLegend { get; init; }
    public required string OwnMunicipalityOnly { get; init; }
    public required string CadenceLegend { get; init; }
    public required IReadOnlyDictionary<string, string> CadenceNames { get; init; }
    public required string FieldDayOfWeek { get; init; }

    /// <summary>Sunday first, as <see cref="DayOfWeek"/> counts.</summary>
    public required IReadOnlyList<string> Weekdays { get; init; }
    public required string FieldDayOfMonth { get; init; }
    public required string DayOfMonthHint { get; init; }
    public required string FieldHour { get; init; }
    public required string FieldPaused { get; init; }
    public required string ShowPreview { get; init; }

    /// <summary>What is wrong, by the API's field name (without the index of a list's value).</summary>
    public required IReadOnlyDictionary<string, string> FieldErrors { get; init; }
    public required string ChangedByOthers { get; init; }
    public required string Saved { get; init; }

    // Preview, test message, deletion
    public required string PreviewHeading { get; init; }
    public required string PreviewIntro { get; init; }
    public required string PreviewOfForm { get; init; }
    public required string PreviewMessageLabel { get; init; }

    /// <summary>"{0} historier passer filteret siden {1}": the count and the date.</summary>
    public required string PreviewCount { get; init; }

    /// <summary>"Ingen nye historier … siden {0}".</summary>
    public required string PreviewEmpty { get; init; }
    public required string TestHeading { get; init; }
    public required string TestIntro { get; init; }
    public required string SendTest { get; init; }
    public required string TestSentToTeams { get; init; }
    public required string TestSentToOutbox { get; init; }

    /// <summary>"Teams tok ikke imot testmeldingen: {0}".</summary>
    public required string TestFailed { get; init; }
    public required string DeleteHeading { get; init; }
    public required string DeleteIntro { get; init; }
    public required string Delete { get; init; }
    public required string SeeDeliveries { get; init; }

    // /arbeid/leveranser
    public required string DeliveriesTitle { get; init; }
    public required string DeliveriesIntro { get; init; }
    public required string FilterSubscription { get; init; }
    public required string FilterStatus { get; init; }
    public required string FilterAll { get; init; }
    public required string FilterApply { get; init; }
    public required IReadOnlyDictionary<string, string> StatusNames { get; init; }
    public required string ColumnScheduled { get; init; }
    public required string ColumnStories { get; init; }
    public required string ColumnAttempts { get; init; }
    public required string ColumnSent { get; init; }
    public required string ColumnReason { get; init; }
    public required string NoDeliveries { get; init; }
    public required string Retry { get; init; }
    public required string Retried { get; init; }

    /// <summary>"Kunne ikke sende på nytt: {0}".</summary>
    public required string RetryRefused { get; init; }
    public required string AdminHeading { get; init; }
    public required string RunIntro { get; init; }
    public required string RunRound { get; init; }

    /// <summary>"Runden er kjørt: {0} abonnementer, {1} forfalt, {2} sammendrag lagt i kø."</summary>
    public required string RoundDone { get; init; }

    // /arbeid/teams
    public required string TeamsTitle { get; init; }
    public required string TeamsIntro { get; init; }
    public required string ConnectionsHeading { get; init; }
    public required string NoConnections { get; init; }
    public required string ColumnAccount { get; init; }
    public required string ColumnConnected { get; init; }
    public required string ConnectionActive { get; init; }

    /// <summary>"Brutt: {0}": the reason.</summary>
    public required string ConnectionBroken { get; init; }
    public required string UseConnection { get; init; }
    public required string ConnectHeading { get; init; }
    public required string ConnectIntro { get; init; }
    public required string FieldTenant { get; init; }
    public required string TenantHint { get; init; }
    public required string Connect { get; init; }
    public required string NotConfigured { get; init; }
    public required string FlowTitle { get; init; }
    public required string FlowGoTo { get; init; }
    public required string FlowCode { get; init; }

    /// <summary>"Koden gjelder til {0}": the time, "kl. 13.50".</summary>
    public required string FlowExpires { get; init; }
    public required string FlowPending { get; init; }
    public required string CheckAgain { get; init; }
    public required string FlowConnected { get; init; }

    /// <summary>"Tilkoblingen ble ikke fullført: {0}".</summary>
    public required string FlowFailed { get; init; }
    public required string TeamsAndChannels { get; init; }
    public required string NoTeams { get; init; }
}
