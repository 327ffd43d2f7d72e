using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;
using SharingHub.Stories;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

/// <summary>What the story tests send and how they look at what the hub stored.</summary>
internal static class StoryRequests
{
    /// <summary>Asker's Landøya skole pilot: a story every validation rule accepts.</summary>
    public static JsonObject Landoya() => new()
    {
        ["title"] = "Kafé Landøya: overskuddsmat blir smoothie og krutonger",
        ["summary"] = "Elevene driver skolekafeen med overskuddsfrukt fra en lokal butikk og komposterer matavfallet.",
        ["body"] = "Elevene på **Landøya skole** lager smoothie og krutonger av overskuddsmat.",
        ["kommunenummer"] = "3203",
        ["fylkesnummer"] = null,
        ["network"] = "nasjonalt",
        ["organisation"] = "Landøya skole",
        ["sector"] = "school",
        ["goals"] = new JsonArray(12, 4),
        ["targets"] = new JsonArray("12.3", "12.5", "4.7"),
        ["localTargets"] = new JsonArray(new JsonObject { ["owner"] = "3203", ["code"] = "3.9a", ["text"] = "Redusere matsvinn" }),
        ["novelty"] = "new",
        ["targetGroup"] = new JsonObject { ["description"] = "Elever på 9. og 10. trinn", ["involvement"] = "Elevene planla kafeen selv" },
        ["resources"] = "small",
        ["recipe"] = new JsonArray("Avtal henting av overskuddsfrukt med en lokal butikk", "Lag en enkel meny", "Kompostér resten"),
        ["results"] = "Mindre matsvinn og en kafé elevene eier.",
        ["lessons"] = "Start smått.",
        ["links"] = new JsonArray("https://www.asker.kommune.no/"),
        ["contact"] = new JsonObject { ["name"] = "Kari Nordmann", ["email"] = "kari@example.no" },
    };

    public static JsonObject With(this JsonObject story, string field, JsonNode? value)
    {
        story[field] = value;
        return story;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostStoryAsync(this HttpClient client, JsonNode body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stories") { Content = Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> CreateStoryAsync(this HttpClient client, JsonNode? body = null)
    {
        var response = await client.PostStoryAsync(body ?? Landoya());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ActAsync(this HttpClient client, string id, string action, JsonNode? body = null)
    {
        var response = await client.PostAsync($"/api/stories/{id}/{action}", body is null ? null : Json(body));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a story and moves it to published.</summary>
    public static async Task<JsonElement> PublishStoryAsync(this HttpClient client, JsonNode? body = null)
    {
        var id = (await client.CreateStoryAsync(body)).GetProperty("id").GetString()!;
        await client.ActAsync(id, "submit");
        return await client.ActAsync(id, "publish");
    }

    /// <summary>Reads a 4xx answer as ProblemDetails and returns the field names in its <c>errors</c>.</summary>
    public static async Task<string[]> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Counts the rows of all three story tables, read straight from Azurite: "nothing was stored" means 0.</summary>
    public static async Task<int> StoredRowsAsync(this HubApp hub)
    {
        var storage = hub.Services.GetRequiredService<HubStorage>();
        var count = 0;
        foreach (var name in StoryEntities.IndexTables.Append(StoryEntities.MainTable).Append(StoryEntities.KeyTable))
        {
            await foreach (var _ in storage.Table(name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }
        }
        return count;
    }

    public static async Task<int> StoryCountAsync(this HubApp hub)
    {
        var storage = hub.Services.GetRequiredService<HubStorage>();
        var count = 0;
        await foreach (var _ in storage.Table(StoryEntities.MainTable).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }
        return count;
    }

    public static async Task<List<JsonElement>> ListAllAsync(this HttpClient client, string query, int limit)
    {
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var url = $"/api/stories?{query}{(query.Length > 0 ? "&" : "")}limit={limit}" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? page.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);
        return items;
    }

    public static MediaTypeHeaderValue MediaType(string value) => new(value);
}
