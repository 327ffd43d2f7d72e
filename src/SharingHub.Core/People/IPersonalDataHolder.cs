namespace SharingHub.People;

/// <summary>
/// A feature that stores personal data about contact persons or speakers. Each such feature registers one
/// (<c>services.AddSingleton&lt;IPersonalDataHolder, XxxPersonalData&gt;()</c>), and POST /api/people/erase calls them all.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Where the data lives ("stories", "presentations", "deliveries"), for the erasure report.</summary>
    string Name { get; }

    /// <summary>
    /// The names this feature stored beside the address (a story's contact, a presentation's speaker). Every holder is asked
    /// before any erases, so each one can remove the names from the text it keeps, whichever feature recorded them.
    /// </summary>
    Task<IReadOnlyCollection<string>> NamesOfAsync(string email, CancellationToken ct) => Task.FromResult<IReadOnlyCollection<string>>([]);

    /// <summary>Removes or anonymises everything about the person, found by <see cref="ErasedPerson.Email"/>.</summary>
    /// <returns>How many records were changed.</returns>
    Task<int> EraseAsync(ErasedPerson person, CancellationToken ct);
}
