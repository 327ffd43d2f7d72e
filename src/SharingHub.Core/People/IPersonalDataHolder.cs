namespace SharingHub.People;

/// <summary>
/// A feature that stores personal data about contact persons or speakers. Each such feature registers one
/// (<c>services.AddSingleton&lt;IPersonalDataHolder, XxxPersonalData&gt;()</c>), and DELETE /api/people/{email} calls them all.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Where the data lives ("stories", "presentations", "digests"), for the erasure report.</summary>
    string Name { get; }

    /// <summary>Removes or anonymises everything about the person with this address (already lower-case and valid).</summary>
    /// <returns>How many records were changed.</returns>
    Task<int> EraseAsync(string email, CancellationToken ct);
}
