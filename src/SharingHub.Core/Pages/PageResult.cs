using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharingHub.Storage;

namespace SharingHub.Pages;

/// <summary>
/// A page: a Razor component rendered to HTML on the server with <see cref="HtmlRenderer"/> (static rendering, no
/// circuit, no script) and written with the pages' security headers. It needs nothing from the host but the request's
/// services, so the self-host and the Functions app answer with the same bytes.
/// </summary>
public sealed class PageResult(Type component, object model, int statusCode) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    /// <summary>The component's one parameter, <c>Model</c>: a finished view model.</summary>
    public object Model => model;

    /// <summary>The page loads the upload module: its CSP opens script-src 'self' and connect-src to Blob Storage.</summary>
    public bool Uploads { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var html = PageLanguage.KeepInLinks(await RenderAsync(httpContext.RequestServices), PageLanguage.Of(httpContext.Request));
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        PageHeaders.Apply(response, httpContext.RequestServices.GetService<HubStorage>()?.BlobService.Uri.GetLeftPart(UriPartial.Authority), Uploads);
        await response.WriteAsync(html, httpContext.RequestAborted);
    }

    public async Task<string> RenderAsync(IServiceProvider services)
    {
        await using var renderer = new HtmlRenderer(new PageServices(services), services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
            var output = await renderer.RenderComponentAsync(component, parameters);
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The request's services, except that text is encoded for a UTF-8 page: markup characters (&lt; &gt; &amp; quotes) are
    /// always escaped, but "æøå" stay letters instead of becoming character references (the default encoder's habit).
    /// </summary>
    private sealed class PageServices(IServiceProvider inner) : IServiceProvider
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
