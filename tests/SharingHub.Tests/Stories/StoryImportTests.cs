using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

public sealed class StoryImportTests
{
    private const string Header = "sourceId,title,kommunenummer,network,sector,goals,targets,localTargets,recipe";

    private static ByteArrayContent Csv(string text, bool bom = false) => Body(text, "text/csv", bom);

    private static ByteArrayContent Body(string text, string mediaType, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = new ByteArrayContent(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        content.Headers.ContentType = new(mediaType);
        return content;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, HttpContent content, string query = "")
    {
        var response = await client.PostAsync($"/api/stories/import{query}", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SharingHub.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new FileNotFoundException(relative);
    }

    [Fact]
    public async Task ImportingCsvStoresValidRowsWithNorwegianCharacters()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var csv = $"""
            {Header}
            tdt-1,Bærekraftstanken i Sør-Trøndelag,5055,trondelag-sorvest,administration,17;11,17.17;11.6,5055:11.6a:Renere luft i sentrum,Inviter ansatte|Stem fram idéene
            tdt-2,"Kafé på Øya skole, med overskuddsmat",5001,trondelag,school,12,12.3,,
            """;

        var report = await ImportAsync(client, Csv(csv));

        Assert.Equal(2, report.GetProperty("received").GetInt32());
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        var first = report.GetProperty("rows")[0];
        Assert.Equal(2, first.GetProperty("row").GetInt32());
        Assert.Equal("created", first.GetProperty("outcome").GetString());
        var story = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{first.GetProperty("storyId").GetString()}");
        Assert.Equal("Bærekraftstanken i Sør-Trøndelag", story.GetProperty("title").GetString());
        Assert.Equal("import", story.GetProperty("source").GetString());
        Assert.Equal("tdt-1", story.GetProperty("sourceId").GetString());
        Assert.Equal("submitted", story.GetProperty("status").GetString());
        Assert.Equal([11, 17], story.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(["17.17", "11.6"], story.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        var local = Assert.Single(story.GetProperty("localTargets").EnumerateArray());
        Assert.Equal("11.6a", local.GetProperty("code").GetString());
        Assert.Equal("Renere luft i sentrum", local.GetProperty("text").GetString());
        Assert.Equal(["Inviter ansatte", "Stem fram idéene"], story.GetProperty("recipe").EnumerateArray().Select(s => s.GetString()));
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{report.GetProperty("rows")[1].GetProperty("storyId").GetString()}");
        Assert.Equal("Kafé på Øya skole, med overskuddsmat", second.GetProperty("title").GetString());
        Assert.Equal([12], second.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
    }

    [Fact]
    public async Task ImportingSemicolonSeparatedCsvFromExcelWithBomWorks()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var csv = "sourceId;title;kommunenummer;network;goals;targets\r\n" +
                  "x-1;Åpen dag på Ørsta bibliotek, med bytte;1520;more-og-romsdal;\"4;12\";\"4.7;12.5\"\r\n" +
                  "x-2;Sykkelverksted i Ålesund;1508;more-og-romsdal;11;11.2\r\n";

        var report = await ImportAsync(client, Csv(csv, bom: true));

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var story = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{report.GetProperty("rows")[0].GetProperty("storyId").GetString()}");
        Assert.Equal("Åpen dag på Ørsta bibliotek, med bytte", story.GetProperty("title").GetString());
        Assert.Equal([4, 12], story.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("x-1", story.GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task ImportReportsInvalidRowsByRowFieldAndReasonAndStoresTheValidOnes()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var csv = $"""
            {Header}
            r-1,Gyldig historie,5001,trondelag,school,4,4.7,,
            r-2,Ukjent kommune,9999,trondelag,school,4,4.7,,
            r-3,Mål 18,5001,trondelag,school,18,,,
            r-4,,5001,trondelag,school,4,,,
            r-5,Lokalt mål som offisielt,5001,trondelag,school,,3.9a,,
            r-6,Ugyldig mål,5001,trondelag,school,tolv,,,
            r-7,Enda en gyldig,5001,trondelag,library,4,,,
            """;

        var report = await ImportAsync(client, Csv(csv));

        Assert.Equal(7, report.GetProperty("received").GetInt32());
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(5, report.GetProperty("failed").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());
        Assert.Equal("created", rows[2].GetProperty("outcome").GetString());
        Assert.Equal("created", rows[8].GetProperty("outcome").GetString());
        void Failed(int row, string field)
        {
            Assert.Equal("failed", rows[row].GetProperty("outcome").GetString());
            Assert.True(rows[row].GetProperty("errors").TryGetProperty(field, out var reasons), $"row {row}: {rows[row]}");
            Assert.NotEmpty(reasons[0].GetString()!);
        }
        Failed(3, "kommunenummer");
        Failed(4, "goals[0]");
        Failed(5, "title");
        Failed(6, "targets[0]");
        Failed(7, "goals");
        Assert.Equal(2, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceCreatesNothingNew()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var csv = $"""
            {Header}
            d-1,Første,5001,trondelag,school,4,,,
            d-2,Andre,5001,trondelag,school,4,,,
            ,Uten kilde-id,5001,trondelag,school,4,,,
            """;

        var first = await ImportAsync(client, Csv(csv));
        var second = await ImportAsync(client, Csv(csv));

        Assert.Equal(3, first.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(3, second.GetProperty("existing").GetInt32());
        Assert.Equal(
            first.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("storyId").GetString()),
            second.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("storyId").GetString()));
        Assert.Equal(3, await hub.StoryCountAsync());
        Assert.Equal(3, (await client.ListAllAsync("status=submitted", 100)).Count);
    }

    [Fact]
    public async Task RepeatedSourceIdWithinOneFileIsReportedOnTheLaterRow()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var csv = $"""
            {Header}
            same,Første,5001,trondelag,school,4,,,
            same,Andre,5001,trondelag,school,4,,,
            """;

        var report = await ImportAsync(client, Csv(csv));

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.True(report.GetProperty("rows")[1].GetProperty("errors").TryGetProperty("sourceId", out _));
        Assert.Equal(1, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task ImportingNdjsonStoresEachLineAndReportsBadLines()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var ndjson = """
            {"sourceId":"n-1","title":"Smøremiddel fra frityrolje","kommunenummer":"5001","network":"trondelag","goals":[12],"targets":["12.3"]}
            {"sourceId":"n-2","title":"Brudd på JSON",
            {"sourceId":"n-3","title":"Ukjent nettverk","kommunenummer":"5001","network":"atlantis"}

            {"sourceId":"n-4","title":"Ærlig talt: gjenbruk","kommunenummer":"5001","network":"trondelag","colour":"blå"}
            {"sourceId":"n-5","title":"Gyldig igjen","kommunenummer":"5001"}
            """;

        var report = await ImportAsync(client, Body(ndjson, "application/x-ndjson"), "?network=trondelag&status=published");

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("failed").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());
        Assert.Equal("created", rows[1].GetProperty("outcome").GetString());
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("row", out _), rows[2].ToString());
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("network", out _));
        Assert.True(rows[5].GetProperty("errors").TryGetProperty("colour", out _), rows[5].ToString());
        Assert.Equal("created", rows[6].GetProperty("outcome").GetString());
        var published = await client.ListAllAsync("network=trondelag", 100);
        Assert.Equal(["Gyldig igjen", "Smøremiddel fra frityrolje"], published.Select(s => s.GetProperty("title").GetString()).Order());
    }

    [Fact]
    public async Task ImportingNonUtf8FileReturnsProblemNamingFileAndStoresNothing()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\nl-1,Bærekraft på Røros,5025,trondelag,school,4,,,\n");
        var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new("text/csv");

        var response = await client.PostAsync("/api/stories/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task ImportingCsvWithUnknownColumnReturnsProblemNamingHeaderAndStoresNothing()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/stories/import", Csv("sourceId,title,kommunenummer,network,farge\nu-1,Tittel,5001,trondelag,grønn\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("farge", problem.GetProperty("errors").GetProperty("header")[0].GetString());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Theory]
    [InlineData("?status=deleted", "status")]
    [InlineData("?network=Tr%C3%B8ndelag", "network")]
    [InlineData("?network=atlantis", "network")]
    public async Task ImportingWithBadQueryParameterReturnsProblemAndStoresNothing(string query, string field)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync($"/api/stories/import{query}", Csv($"{Header}\nq-1,Tittel,5001,,school,4,,,\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task ImportingWithWrongContentTypeReturnsUnsupportedMediaType()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/stories/import", Body($"{Header}\n", "application/vnd.ms-excel"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task ImportingEmptyFileReturnsProblemNamingFile()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/stories/import", Csv(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task TourDeTrondelagBatchOfThreeHundredRowsImportsAndListsByNetwork()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        string[] kommuner = ["5001", "5055", "5025", "5007", "5006"];
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 300; i++)
        {
            csv.Append($"tdt-{i:D3},Tour de Trøndelag etappe {i}: gjenbruk på skolen,{kommuner[i % kommuner.Length]},trondelag,{(i % 2 == 0 ? "school" : "library")},12;4,12.5,,Samle|Sortere|Dele\n");
        }

        var report = await ImportAsync(client, Csv(csv.ToString()), "?status=published");
        var again = await ImportAsync(client, Csv(csv.ToString()), "?status=published");

        Assert.Equal(300, report.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(300, again.GetProperty("existing").GetInt32());
        Assert.Equal(300, await hub.StoryCountAsync());
        var listed = await client.ListAllAsync("network=trondelag&sector=school", 100);
        Assert.Equal(150, listed.Count);
        Assert.Equal(150, listed.Select(s => s.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(60, (await client.ListAllAsync("kommune=5001", 100)).Count);
    }

    [Theory]
    [InlineData("docs/examples/stories.csv", "text/csv", 2)]
    [InlineData("docs/examples/stories-excel.csv", "text/csv", 2)]
    [InlineData("docs/examples/stories.ndjson", "application/x-ndjson", 2)]
    public async Task DocumentedExampleFilesImportWithoutErrors(string path, string mediaType, int expected)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(RepoFile(path)));
        content.Headers.ContentType = new(mediaType);

        var report = await ImportAsync(client, content);

        Assert.True(expected == report.GetProperty("created").GetInt32(), report.ToString());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
    }
}
