using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SharingHub.Tests.Access;

/// <summary>Stories and requests the access tests share.</summary>
internal static class AccessTestData
{
    public static object Draft(string network, string title = "Matsvinn i skolekantina", object? contact = null) => new
    {
        title,
        summary = "Elevene veier matavfallet hver dag.",
        kommunenummer = network == "asker" ? "3203" : "5001",
        network,
        sector = "school",
        goals = new[] { 12 },
        contact,
    };

    /// <summary>Creates a story as admin and returns its id.</summary>
    public static async Task<string> CreateStoryAsync(HttpClient admin, string network, string title = "Matsvinn i skolekantina", object? contact = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/stories", Draft(network, title, contact));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<string> CreatePublishedStoryAsync(HttpClient admin, string network, string title = "Publisert historie")
    {
        var id = await CreateStoryAsync(admin, network, title);
        (await admin.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, object? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
