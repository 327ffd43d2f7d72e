using System.Globalization;
using System.Text;

namespace SharingHub.Webinars.Transcripts;

/// <summary>A file that is not WebVTT at all (no WEBVTT signature); the message names the line.</summary>
public sealed class WebVttFormatException(int line, string problem) : Exception($"line {line}: {problem}")
{
    public int Line { get; } = line;
}

/// <summary>One cue as the W3C parser makes it: its timing line, times in seconds, identifier and raw cue text (markup kept, lines joined by LF).</summary>
public sealed record WebVttCue(int Line, double Start, double End, string Identifier, string Text);

/// <summary>Something the reader skipped, or kept with a warning, and where (1-based line number in the file).</summary>
public sealed record CaptionsIssue(int Line, string Reason);

/// <summary>What a captions file held: the cues the W3C parser keeps, and what it had to skip.</summary>
public sealed record WebVttDocument(IReadOnlyList<WebVttCue> Cues, IReadOnlyList<CaptionsIssue> Issues);

/// <summary>
/// Reads WebVTT line by line without holding the file, following the W3C WebVTT parser algorithm
/// (https://www.w3.org/TR/webvtt1/#file-parsing): only a missing WEBVTT signature refuses the file; a block whose
/// timing cannot be read is skipped and the rest is kept, cues need no blank line between them (a "-->" line starts
/// the next block), and cues that end before they start are kept as the specification keeps them. Everything skipped
/// is reported with its line, for the organiser to fix.
/// </summary>
public static class WebVttParser
{
    public const int MaxCues = 100_000;

    /// <summary>At most this many issues are reported; the last one says how many more there were.</summary>
    public const int MaxIssues = 100;

    private const string Arrow = "-->";
    private const string Expected = "expected hh:mm:ss.ttt --> hh:mm:ss.ttt or mm:ss.ttt --> mm:ss.ttt";

    public static async Task<WebVttDocument> ParseAsync(TextReader reader, CancellationToken ct)
    {
        var lines = new LineSource(reader);
        var signature = await lines.NextAsync(ct);
        if (signature is not { } first || !IsSignature(first.Text.StartsWith('\uFEFF') ? first.Text[1..] : first.Text))
        {
            throw new WebVttFormatException(1, "the file does not start with a WEBVTT header");
        }
        var state = new ParseState();
        if (await lines.NextAsync(ct) is { } second && second.Text.Length > 0)
        {
            lines.PushBack(second);
            await CollectBlockAsync(lines, state, inHeader: true, ct);
        }
        while (!lines.Ended && state.Cues.Count < MaxCues)
        {
            await CollectBlockAsync(lines, state, inHeader: false, ct);
        }
        if (state.Cues.Count >= MaxCues && await lines.NextAsync(ct) is { } rest)
        {
            state.Report(rest.Number, $"the file has more than {MaxCues} cues; everything from here on was skipped");
        }
        if (lines.Replaced is { } replaced)
        {
            state.Report(replaced, "characters that are not UTF-8 text (or NUL characters) were replaced by \uFFFD, here and possibly further on");
        }
        var issues = state.Issues.OrderBy(i => i.Line).ToList();
        if (state.IssueCount > issues.Count)
        {
            issues.Add(new CaptionsIssue(issues[^1].Line, $"…and {state.IssueCount - issues.Count} more; fix these and upload the file again to see the rest"));
        }
        return new WebVttDocument(state.Cues, issues);
    }

    private static bool IsSignature(string line) =>
        line.StartsWith("WEBVTT", StringComparison.Ordinal) && (line.Length == 6 || line[6] is ' ' or '\t');

    /// <summary>The specification's "collect a WebVTT block", with a record of what was thrown away.</summary>
    private static async Task CollectBlockAsync(LineSource lines, ParseState state, bool inHeader, CancellationToken ct)
    {
        var lineCount = 0;
        var buffer = new StringBuilder();
        var seenArrow = false;
        WebVttCue? cue = null;
        (int Line, string Text, string Problem)? badTiming = null;
        int? firstLine = null;
        var lastLine = 0;
        var comment = false;
        while (await lines.NextAsync(ct) is { } line)
        {
            lineCount++;
            if (line.Text.Contains(Arrow, StringComparison.Ordinal))
            {
                if (inHeader || !(lineCount == 1 || (lineCount == 2 && !seenArrow)))
                {
                    lines.PushBack(line); // the line starts the next block
                    break;
                }
                seenArrow = true;
                firstLine ??= line.Number;
                lastLine = line.Number;
                if (TryTimings(line.Text, out var start, out var end, out var problem))
                {
                    cue = new WebVttCue(line.Number, start, end, buffer.ToString(), string.Empty);
                    buffer.Clear();
                    badTiming = null;
                }
                else
                {
                    cue = null;
                    badTiming = (line.Number, line.Text, problem);
                }
                continue;
            }
            if (line.Text.Length == 0)
            {
                break;
            }
            if (lineCount == 1)
            {
                comment = IsKeyword(line.Text, "NOTE") || IsKeyword(line.Text, "STYLE") || IsKeyword(line.Text, "REGION");
            }
            firstLine ??= line.Number;
            lastLine = line.Number;
            if (buffer.Length > 0)
            {
                buffer.Append('\n');
            }
            buffer.Append(line.Text);
        }

        if (cue is not null)
        {
            state.Cues.Add(cue with { Text = buffer.ToString() });
            if (cue.End < cue.Start)
            {
                state.Report(cue.Line, $"the cue ends ({Clock(cue.End)}) before it starts ({Clock(cue.Start)}); it was kept, but players never show it");
            }
            else if (cue.End == cue.Start)
            {
                state.Report(cue.Line, $"the cue starts and ends at the same time ({Clock(cue.Start)}); it was kept, but players show it for no time at all");
            }
        }
        else if (badTiming is { } bad)
        {
            state.Report(bad.Line, $"'{Shorten(bad.Text)}' is not a valid cue timing ({bad.Problem}; {Expected}); the cue ({Lines(firstLine!.Value, lastLine)}) was skipped");
        }
        else if (!inHeader && !comment && firstLine is { } from)
        {
            state.Report(from, $"text outside any cue ({Lines(from, lastLine)}) was skipped: a cue starts with a timing line such as 00:01:02.000 --> 00:01:05.000");
        }
    }

    /// <summary>The specification's "collect WebVTT cue timings and settings"; settings are read past and ignored.</summary>
    private static bool TryTimings(string line, out double start, out double end, out string problem)
    {
        end = 0;
        var position = 0;
        SkipWhitespace(line, ref position);
        if (!TryTimestamp(line, ref position, out start, out var startProblem))
        {
            problem = "the start time " + startProblem;
            return false;
        }
        SkipWhitespace(line, ref position);
        if (string.CompareOrdinal(line, position, Arrow, 0, Arrow.Length) != 0)
        {
            problem = "the start time must be followed by -->";
            return false;
        }
        position += Arrow.Length;
        SkipWhitespace(line, ref position);
        if (!TryTimestamp(line, ref position, out end, out var endProblem))
        {
            problem = "the end time " + endProblem;
            return false;
        }
        problem = string.Empty;
        return true;
    }

    /// <summary>The specification's "collect a WebVTT timestamp": [hours:]mm:ss.ttt, hours with any number of digits.</summary>
    private static bool TryTimestamp(string text, ref int position, out double seconds, out string problem)
    {
        seconds = 0;
        var hoursFirst = false;
        if (position >= text.Length || !char.IsAsciiDigit(text[position]))
        {
            problem = "must start with a digit";
            return false;
        }
        var (value1, digits1) = Digits(text, ref position);
        if (digits1 != 2 || value1 > 59)
        {
            hoursFirst = true;
        }
        if (!Expect(text, ref position, ':'))
        {
            problem = "needs a ':' between hours, minutes and seconds";
            return false;
        }
        var (value2, digits2) = Digits(text, ref position);
        if (digits2 != 2)
        {
            problem = "must have two-digit minutes and seconds";
            return false;
        }
        double value3;
        if (hoursFirst || (position < text.Length && text[position] == ':'))
        {
            if (!Expect(text, ref position, ':'))
            {
                problem = "needs minutes and seconds after the hours";
                return false;
            }
            (value3, var digits3) = Digits(text, ref position);
            if (digits3 != 2)
            {
                problem = "must have two-digit minutes and seconds";
                return false;
            }
        }
        else
        {
            value3 = value2;
            value2 = value1;
            value1 = 0;
        }
        if (!Expect(text, ref position, '.'))
        {
            problem = "needs a '.' before the milliseconds (a comma, as in SRT files, is not WebVTT)";
            return false;
        }
        var (value4, digits4) = Digits(text, ref position);
        if (digits4 != 3)
        {
            problem = "must have exactly three digits of milliseconds";
            return false;
        }
        if (value2 > 59 || value3 > 59)
        {
            problem = "has minutes or seconds above 59";
            return false;
        }
        seconds = (value1 * 3600) + (value2 * 60) + value3 + (value4 / 1000);
        problem = string.Empty;
        return true;
    }

    private static (double Value, int Count) Digits(string text, ref int position)
    {
        var value = 0.0;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
        }
        return (value, position - start);
    }

    private static bool Expect(string text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected)
        {
            return false;
        }
        position++;
        return true;
    }

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\f' or '\r')
        {
            position++;
        }
    }

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    private static string Lines(int from, int to) => from == to ? $"line {from}" : $"lines {from}–{to}";

    private static string Clock(double seconds) =>
        TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 80 ? printable : printable[..80] + "…";
    }

    private sealed class ParseState
    {
        public List<WebVttCue> Cues { get; } = [];
        public List<CaptionsIssue> Issues { get; } = [];
        public int IssueCount { get; private set; }

        public void Report(int line, string reason)
        {
            IssueCount++;
            if (Issues.Count < MaxIssues)
            {
                Issues.Add(new CaptionsIssue(line, reason));
            }
        }
    }

    private readonly record struct Line(int Number, string Text);

    /// <summary>
    /// Lines as the specification's preprocessing leaves them (CR LF, CR and LF all end a line; NUL becomes U+FFFD),
    /// numbered from 1, with one line of push-back for the blocks that end at a "-->" line.
    /// </summary>
    private sealed class LineSource(TextReader reader)
    {
        private Line? pushedBack;
        private int number;

        public bool Ended { get; private set; }

        /// <summary>The first line that held U+FFFD (a byte that is not UTF-8, or a NUL), if any.</summary>
        public int? Replaced { get; private set; }

        public async Task<Line?> NextAsync(CancellationToken ct)
        {
            if (pushedBack is { } back)
            {
                pushedBack = null;
                return back;
            }
            var text = await reader.ReadLineAsync(ct);
            if (text is null)
            {
                Ended = true;
                return null;
            }
            number++;
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                text = text.Replace('\0', '\uFFFD');
            }
            if (Replaced is null && text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Replaced = number;
            }
            return new Line(number, text);
        }

        public void PushBack(Line line)
        {
            pushedBack = line;
            Ended = false;
        }
    }
}
