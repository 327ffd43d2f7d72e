using System.Globalization;
using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Access;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Reference;
using SharingHub.Workspace;

namespace SharingHub.Subscriptions.Pages;

/// <summary>What the subscriber's pages share: their paths, the municipalities a caller may choose, and Post/Redirect/Get.</summary>
public static class SubscriberPages
{
    public const string Subscriptions = "/arbeid/abonnementer";
    public const string NewSubscription = "/arbeid/abonnementer/ny";
    public const string Deliveries = "/arbeid/leveranser";
    public const string Teams = "/arbeid/teams";

    public static string Subscription(string id) => $"{Subscriptions}/{Uri.EscapeDataString(id)}";

    public static SubscriberText Text(HttpRequest request) => Page.Text(request).Workspace.Subscriber;

    /// <summary>The municipalities the caller may subscribe for, by name: its own, or all 357 for an admin.</summary>
    public static IReadOnlyList<Municipality> MunicipalitiesOf(Caller caller)
    {
        var all = ReferenceData.Instance.Municipalities;
        var own = caller.IsAdmin ? all : all.Where(m => caller.Has(Role.Subscriber, m.Kommunenummer));
        return [.. own.OrderBy(m => m.Name, Page.NorwegianOrder)];
    }

    public static string MunicipalityName(string kommunenummer) =>
        ReferenceData.Instance.MunicipalityByNumber.TryGetValue(kommunenummer, out var m) ? m.Name : kommunenummer;

    /// <summary>After a form that changed something: 303 to the page that shows the result (Post/Redirect/Get), in the form's language.</summary>
    public static IResult SeeOther(HttpRequest request, string path, string? notice = null) =>
        new SeeOtherResult(PageLanguage.Address(notice is null ? path : $"{path}?melding={Uri.EscapeDataString(notice)}", Page.Text(request)));

    /// <summary>The notice a redirect asked the page to show (<c>?melding=</c>), if it is one of the page's own.</summary>
    public static string? Notice(HttpRequest request, IReadOnlyDictionary<string, string> notices) =>
        new QueryReader(request.Query).String("melding", 40) is { } key && notices.TryGetValue(key, out var text) ? text : null;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class SeeOtherResult(string location) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status303SeeOther;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}

/// <summary>A page's message after an action: what happened, and whether it went wrong.</summary>
public sealed record PageNotice(string Text, bool IsError = false);
