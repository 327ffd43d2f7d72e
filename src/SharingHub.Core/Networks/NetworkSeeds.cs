namespace SharingHub.Networks;

/// <summary>The national network and the regional networks behind the published cases the hub starts with.</summary>
public static class NetworkSeeds
{
    public static IReadOnlyList<NetworkDraft> All { get; } =
    [
        new("nasjonalt", "Bærekraftsnettverket for kommunesektoren (nasjonalt, med KS)",
            ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"], null),
        new("trondelag", "Bærekraftsnettverket i Trøndelag", ["50"], null),
        new("trondelag-sorvest", "Trøndelag Sørvest – Bærekraftstanken", ["50"], null),
        new("more-og-romsdal", "Bærekraftsnettverket i Møre og Romsdal", ["15"], null),
        new("asker", "Asker kommune – Bærekraftsidébanken", ["32"], null),
        new("akershus", "Bærekraftsnettverket i Akershus (tidligere Viken)", ["32"], null),
    ];
}
