using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SharingHub.Storage;

namespace SharingHub.SignIn;

/// <summary>
/// The Data Protection key ring as one XML blob in the hub's storage, so every instance of either host reads and writes
/// the same keys (a cookie written by one is read by the other). Writes are conditional on the blob's ETag and retried,
/// so two instances adding a key at once both keep theirs. Data Protection calls this synchronously and rarely
/// (start-up, and once a key is about to expire), never per request.
/// </summary>
public sealed class BlobKeyRepository(HubStorage storage) : IXmlRepository
{
    public const string ContainerName = "dataprotection";
    private const string BlobName = "keys.xml";

    private BlobClient Blob => storage.Container(ContainerName).GetBlobClient(BlobName);

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Read().Document.Root!.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (document, etag) = Read();
            document.Root!.Add(new XElement(element));
            try
            {
                Write(document, etag);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
                // Another instance wrote the ring meanwhile: read it again and add this key to theirs.
            }
        }
    }

    private (XDocument Document, ETag? ETag) Read()
    {
        try
        {
            var content = Blob.DownloadContent();
            using var stream = content.Value.Content.ToStream();
            return (XDocument.Load(stream), content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (new XDocument(new XElement("repository")), null);
        }
    }

    private void Write(XDocument document, ETag? etag)
    {
        storage.Container(ContainerName).CreateIfNotExists();
        using var stream = new MemoryStream();
        document.Save(stream, SaveOptions.DisableFormatting);
        stream.Position = 0;
        Blob.Upload(stream, new BlobUploadOptions
        {
            // The first writer creates the blob; every later one replaces exactly the version it read.
            Conditions = etag is { } read ? new BlobRequestConditions { IfMatch = read } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
        });
    }
}
