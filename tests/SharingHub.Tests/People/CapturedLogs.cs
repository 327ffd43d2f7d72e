using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SharingHub.Tests.People;

/// <summary>A logger provider that keeps every message, its structured values and its exception, at every level.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyList<string> Entries => [.. entries];

    public void Clear() => entries.Clear();

    /// <summary>The entries that hold <paramref name="text"/>, with their category.</summary>
    public IReadOnlyList<string> Holding(string text) => [.. entries.Where(e => e.Contains(text, StringComparison.OrdinalIgnoreCase))];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
