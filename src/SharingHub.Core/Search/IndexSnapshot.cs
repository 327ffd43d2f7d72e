using System.IO.Compression;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace SharingHub.Search;

/// <summary>A Lucene index as one blob: the files of its last commit in a zip archive (Lucene compresses stored text itself).</summary>
public static class IndexSnapshot
{
    public static byte[] Write(Directory directory)
    {
        var commit = DirectoryReader.ListCommits(directory).Last();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in commit.FileNames)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var target = entry.Open();
                using var input = directory.OpenInput(name, IOContext.READ_ONCE);
                var buffer = new byte[64 * 1024];
                var left = input.Length;
                while (left > 0)
                {
                    var n = (int)Math.Min(buffer.Length, left);
                    input.ReadBytes(buffer, 0, n);
                    target.Write(buffer, 0, n);
                    left -= n;
                }
            }
        }
        return output.ToArray();
    }

    public static RAMDirectory Read(byte[] snapshot)
    {
        var directory = new RAMDirectory();
        using var zip = new ZipArchive(new MemoryStream(snapshot), ZipArchiveMode.Read);
        var buffer = new byte[64 * 1024];
        foreach (var entry in zip.Entries)
        {
            using var source = entry.Open();
            using var output = directory.CreateOutput(entry.FullName, IOContext.DEFAULT);
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.WriteBytes(buffer, 0, n);
            }
        }
        return directory;
    }
}
