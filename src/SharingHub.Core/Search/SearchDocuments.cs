using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Webinars;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Search;

/// <summary>
/// Turns published content into index documents: one per story, one per episode, and one per transcript passage
/// (about a minute of captions within one presentation), so a hit can point at the minute where something was said.
/// </summary>
public static class SearchDocuments
{
    /// <summary>Captions are grouped into passages of about this length; a passage never crosses a presentation's start.</summary>
    public const double PassageSeconds = 60;

    public static string StoryEntity(string id) => "story:" + id;

    public static string EpisodeEntity(string id) => "episode:" + id;

    public static Document Story(Story story)
    {
        var doc = Common(StoryEntity(story.Id), StoryEntity(story.Id), SearchKinds.Story, story.Id, story.Title);
        AddText(doc, SearchFields.Title, story.Title);
        AddText(doc, SearchFields.Summary, story.Summary);
        AddText(doc, SearchFields.Body, StoryBody(story));
        foreach (var goal in story.Goals.Distinct())
        {
            var value = goal.ToString(CultureInfo.InvariantCulture);
            doc.Add(new StringField(SearchFields.Goal, value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Goal, new BytesRef(value)));
        }
        foreach (var target in story.Targets.Distinct())
        {
            doc.Add(new StringField(SearchFields.Target, target, Field.Store.NO));
        }
        if (story.Fylkesnummer is { } fylke)
        {
            doc.Add(new StringField(SearchFields.Fylke, fylke, Field.Store.NO));
            doc.Add(new SortedDocValuesField(SearchFields.Fylke, new BytesRef(fylke)));
        }
        AddFacet(doc, SearchFields.Kommune, story.Kommunenummer);
        AddFacet(doc, SearchFields.Network, story.Network);
        AddFacet(doc, SearchFields.Sector, story.Sector);
        return doc;
    }

    /// <summary>The episode itself, then its transcript passages.</summary>
    public static IEnumerable<Document> Episode(Webinar webinar, Transcript? transcript)
    {
        var entity = EpisodeEntity(webinar.Id);
        var episode = Common(entity, entity, SearchKinds.Episode, webinar.Id, webinar.Title);
        AddText(episode, SearchFields.Title, webinar.Title);
        AddText(episode, SearchFields.Summary, webinar.Description);
        var body = new StringBuilder();
        foreach (var presentation in webinar.Presentations)
        {
            body.Append(presentation.Title).Append(". ");
            foreach (var speaker in presentation.Speakers)
            {
                body.Append(speaker.Name).Append(speaker.Organisation is null ? ". " : $", {speaker.Organisation}. ");
            }
        }
        body.AppendJoin(", ", webinar.Audience);
        AddText(episode, SearchFields.Body, body.ToString());
        yield return episode;

        if (transcript is null)
        {
            yield break;
        }
        var number = 0;
        foreach (var passage in Passages(webinar, transcript))
        {
            var presentation = webinar.Presentations.FirstOrDefault(p => p.Id == passage.PresentationId);
            var title = presentation is null ? webinar.Title : $"{webinar.Title}: {presentation.Title}";
            var doc = Common($"transcript:{webinar.Id}:{number++}", entity, SearchKinds.Transcript, webinar.Id, title);
            AddText(doc, SearchFields.Transcript, passage.Text);
            doc.Add(new StoredField(SearchFields.StartSeconds, passage.Start));
            if (passage.PresentationId is { } pid)
            {
                doc.Add(new StoredField(SearchFields.PresentationId, pid));
            }
            yield return doc;
        }
    }

    public sealed record Passage(string? PresentationId, double Start, string Text);

    /// <summary>Consecutive cues, about <see cref="PassageSeconds"/> long, each inside the presentation it was said in.</summary>
    public static IEnumerable<Passage> Passages(Webinar webinar, Transcript transcript)
    {
        var starts = webinar.Presentations.Where(p => p.OffsetSeconds is not null).OrderBy(p => p.OffsetSeconds).ToList();
        string? PresentationAt(double second) => starts.LastOrDefault(p => p.OffsetSeconds <= second)?.Id;

        var text = new StringBuilder();
        string? current = null;
        double start = 0;
        foreach (var segment in transcript.Segments.OrderBy(s => s.Start))
        {
            var presentation = PresentationAt(segment.Start);
            if (text.Length > 0 && (presentation != current || segment.Start - start >= PassageSeconds))
            {
                yield return new Passage(current, start, text.ToString());
                text.Clear();
            }
            if (text.Length == 0)
            {
                current = presentation;
                start = segment.Start;
            }
            else
            {
                text.Append(' ');
            }
            text.Append(segment.Text);
        }
        if (text.Length > 0)
        {
            yield return new Passage(current, start, text.ToString());
        }
    }

    /// <summary>What a reader of the story would search for besides title and summary: the text, the recipe, the place.</summary>
    private static string StoryBody(Story story)
    {
        var text = new StringBuilder();
        void Add(string? part)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text.Append(part.Trim()).Append('\n');
            }
        }
        Add(story.Body);
        Add(story.Organisation);
        Add(story.TargetGroup?.Description);
        Add(story.TargetGroup?.Involvement);
        foreach (var step in story.Recipe)
        {
            Add(step);
        }
        Add(story.Results);
        Add(story.Lessons);
        foreach (var local in story.LocalTargets)
        {
            Add(local.Text);
        }
        var reference = ReferenceData.Instance;
        if (story.Kommunenummer is { } kommune && reference.MunicipalityByNumber.TryGetValue(kommune, out var municipality))
        {
            Add($"{municipality.Name} kommune, {municipality.Fylkesnavn}");
        }
        else if (story.Fylkesnummer is { } fylke && reference.CountyByNumber.TryGetValue(fylke, out var county))
        {
            Add(county.Name);
        }
        return text.ToString();
    }

    private static Document Common(string key, string entity, string kind, string id, string displayTitle) =>
    [
        new StringField(SearchFields.Key, key, Field.Store.YES),
        new StringField(SearchFields.Entity, entity, Field.Store.NO),
        new StringField(SearchFields.Kind, kind, Field.Store.YES),
        new StoredField(SearchFields.Id, id),
        new StoredField(SearchFields.DisplayTitle, displayTitle),
    ];

    private static void AddText(Document doc, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        doc.Add(new TextField(field, text, Field.Store.YES));
        doc.Add(new TextField(SearchFields.Heads(field), text, Field.Store.NO));
    }

    private static void AddFacet(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StringField(field, value, Field.Store.NO));
        }
    }
}

public static class SearchKinds
{
    public const string Story = "story";
    public const string Episode = "episode";
    public const string Transcript = "transcript";
}
