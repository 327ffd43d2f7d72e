namespace SharingHub.Reference;

/// <summary>A municipality (SSB classification 131). <see cref="OfficialName"/> carries Sámi/Kven parallel names ("Kautokeino - Guovdageaidnu").</summary>
public sealed record Municipality(string Kommunenummer, string Name, string OfficialName, string Fylkesnummer, string Fylkesnavn, string Malform, string AdministrativeCentre)
{
    /// <summary>Every name the municipality goes by: short name and each part of the official name.</summary>
    public IReadOnlyList<string> Names { get; } = OfficialName.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Prepend(Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}

public sealed record County(string Fylkesnummer, string Name, string OfficialName, int MunicipalityCount);

public sealed record Goal(int Number, string ShortName, string Title, string ShortNameEn, string TitleEn, string Color, int TargetCount);

/// <summary>One of the 169 official targets. Only the English title is official; no Norwegian wording is invented.</summary>
public sealed record OfficialTarget(string Id, int Goal, string TitleEn);
