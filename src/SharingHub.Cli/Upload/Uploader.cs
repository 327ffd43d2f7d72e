using System.Buffers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace SharingHub.Cli.Upload;

/// <summary>
/// Uploads a file to a webinar the way the hub wants it: asks for a write-only URL, sends fixed-size blocks in parallel
/// straight to Blob Storage (Put Block), retries failed blocks, commits them (Put Block List), calls complete.
/// An interrupted upload of the same file resumes from its state file and sends only the blocks still missing.
/// The command computes no hash: the hub computes the SHA-256 of what it checked itself, in the background (an
/// uploader's Content-MD5 is never trusted), so the file is read once, and only to send it.
/// </summary>
public sealed class Uploader(HttpClient api, UploaderOptions? options = null, TimeProvider? clock = null)
{
    private readonly UploaderOptions options = options ?? new UploaderOptions();
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim stateGate = new(1, 1);

    public async Task<UploadResult> UploadAsync(UploadRequest request, IProgress<UploadProgress>? progress, CancellationToken ct)
    {
        var file = new FileInfo(request.FilePath);
        if (!file.Exists)
        {
            throw new UploadFailedException($"{request.FilePath} does not exist.");
        }
        var state = await ResumeOrStartAsync(request, file, ct);
        var blockCount = (int)((file.Length + options.BlockSize - 1) / options.BlockSize);
        var skipped = state.Done.Count(i => i < blockCount);
        var sent = 0;

        var blob = new BlobHolder(state.UploadUrl);
        var bytesDone = state.Done.Sum(i => (long)BlockLength(i, file.Length));
        progress?.Report(new UploadProgress(bytesDone, file.Length, state.Done.Count, blockCount));

        await using (var handle = new FileStreamHandle(file.FullName))
        {
            var missing = Enumerable.Range(0, blockCount).Where(i => !state.Done.Contains(i)).ToList();
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (index, token) =>
            {
                var length = BlockLength(index, file.Length);
                var buffer = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    var read = await RandomAccess.ReadAsync(handle.Handle, buffer.AsMemory(0, length), (long)index * options.BlockSize, token);
                    if (read != length)
                    {
                        throw new UploadFailedException($"{request.FilePath} changed while it was being uploaded.");
                    }
                    await StageWithRetriesAsync(blob, request, state, index, buffer, length, token);
                    Interlocked.Increment(ref sent);
                    await stateGate.WaitAsync(token);
                    try
                    {
                        state.Done.Add(index);
                        state.Save(request.FilePath);
                        progress?.Report(new UploadProgress(Interlocked.Add(ref bytesDone, length), file.Length, state.Done.Count, blockCount));
                    }
                    finally
                    {
                        stateGate.Release();
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            });
        }

        var ids = Enumerable.Range(0, blockCount).Select(BlockId).ToList();
        await CommitAsync(blob, request, state, ids, ct);
        var asset = await PostAsync($"/api/webinars/{request.WebinarId}/assets/{state.AssetId}/complete", null, ct);
        UploadState.Delete(request.FilePath);
        return new UploadResult(
            state.AssetId,
            asset.GetProperty("status").GetString() ?? "unknown",
            asset.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
            sent,
            skipped,
            asset);
    }

    private async Task<UploadState> ResumeOrStartAsync(UploadRequest request, FileInfo file, CancellationToken ct)
    {
        if (UploadState.Load(request.FilePath) is { } earlier && earlier.Fits(request, file, options.BlockSize))
        {
            if (earlier.ExpiresAt - TimeSpan.FromMinutes(2) > clock.GetUtcNow())
            {
                return earlier;
            }
            try
            {
                await RenewAsync(request, earlier, ct);
                return earlier;
            }
            catch (UploadFailedException)
            {
                // The asset is gone or finished (expired and cleaned up): start over with a new one.
            }
        }
        var contentType = ContentTypes.For(file.Name);
        var ticket = await PostAsync($"/api/webinars/{request.WebinarId}/assets", new
        {
            kind = request.Kind,
            fileName = file.Name,
            contentType,
            size = file.Length,
            presentationId = request.PresentationId,
        }, ct);
        var state = new UploadState
        {
            WebinarId = request.WebinarId,
            Kind = request.Kind,
            PresentationId = request.PresentationId,
            Length = file.Length,
            LastWriteUtc = file.LastWriteTimeUtc,
            BlockSize = options.BlockSize,
            AssetId = ticket.GetProperty("assetId").GetString()!,
            UploadUrl = ticket.GetProperty("uploadUrl").GetString()!,
            ExpiresAt = ticket.GetProperty("expiresAt").GetDateTimeOffset(),
        };
        state.Save(request.FilePath);
        return state;
    }

    private async Task RenewAsync(UploadRequest request, UploadState state, CancellationToken ct)
    {
        var ticket = await PostAsync($"/api/webinars/{request.WebinarId}/assets/{state.AssetId}/upload-url", null, ct);
        state.UploadUrl = ticket.GetProperty("uploadUrl").GetString()!;
        state.ExpiresAt = ticket.GetProperty("expiresAt").GetDateTimeOffset();
        state.Save(request.FilePath);
    }

    private async Task StageWithRetriesAsync(BlobHolder blob, UploadRequest request, UploadState state, int index, byte[] buffer, int length, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = blob.Client;
            try
            {
                using var content = new MemoryStream(buffer, 0, length, writable: false);
                await client.StageBlockAsync(BlockId(index), content, new BlockBlobStageBlockOptions(), ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 403 && attempt < options.MaxAttempts)
            {
                await RenewOnceAsync(blob, client, request, state, ct); // the URL expired during a long upload
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException && attempt < options.MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), clock, ct);
            }
            catch (RequestFailedException ex)
            {
                throw new UploadFailedException($"Blob Storage refused block {index} ({ex.Status} {ex.ErrorCode}); run the command again to resume.", ex);
            }
        }
    }

    private async Task RenewOnceAsync(BlobHolder blob, BlockBlobClient failed, UploadRequest request, UploadState state, CancellationToken ct)
    {
        await stateGate.WaitAsync(ct);
        try
        {
            if (ReferenceEquals(blob.Client, failed))
            {
                await RenewAsync(request, state, ct);
                blob.Client = BlobHolder.Create(state.UploadUrl);
            }
        }
        finally
        {
            stateGate.Release();
        }
    }

    private async Task CommitAsync(BlobHolder blob, UploadRequest request, UploadState state, List<string> ids, CancellationToken ct)
    {
        var commit = new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.For(request.FilePath) },
        };
        try
        {
            await blob.Client.CommitBlockListAsync(ids, commit, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            await RenewOnceAsync(blob, blob.Client, request, state, ct);
            await blob.Client.CommitBlockListAsync(ids, commit, ct);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "InvalidBlockList")
        {
            // Blob Storage drops uncommitted blocks after a week: forget them, so the next run sends them again.
            state.Done.Clear();
            state.Save(request.FilePath);
            throw new UploadFailedException("Blob Storage no longer holds the blocks sent earlier; run the command again to send them anew.", ex);
        }
    }

    private async Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct)
    {
        using var response = body is null
            ? await api.PostAsync(path, null, ct)
            : await api.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new UploadFailedException($"The hub answered {(int)response.StatusCode}: {Describe(text)}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Describe(string problemJson)
    {
        try
        {
            var problem = JsonDocument.Parse(problemJson).RootElement;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            return detail ?? problemJson;
        }
        catch (JsonException)
        {
            return problemJson;
        }
    }

    private int BlockLength(int index, long fileLength) =>
        (int)Math.Min(options.BlockSize, fileLength - (long)index * options.BlockSize);

    /// <summary>Equal-length ids, as Put Block List requires.</summary>
    private static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D8}"));

    private sealed class BlobHolder(string url)
    {
        public BlockBlobClient Client { get; set; } = Create(url);

        public static BlockBlobClient Create(string url) =>
            new(new Uri(url), new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromMinutes(2) } });
    }

    private sealed class FileStreamHandle(string path) : IAsyncDisposable
    {
        public Microsoft.Win32.SafeHandles.SafeFileHandle Handle { get; } =
            File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);

        public ValueTask DisposeAsync()
        {
            Handle.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
