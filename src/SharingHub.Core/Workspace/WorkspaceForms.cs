using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SharingHub.Workspace;

/// <summary>How every workspace form is read: its antiforgery token checked first, in both hosts, then its fields.</summary>
public static class WorkspaceForms
{
    /// <exception cref="FormRejectedException">Not a form post, or its antiforgery token is missing or not this session's.</exception>
    public static async Task<IFormCollection> ReadAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new FormRejectedException("Send the page's form (application/x-www-form-urlencoded or multipart/form-data).");
        }
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            throw new FormRejectedException("The form's security token is missing or expired. Open the page again and send the form from there.");
        }
        return await context.Request.ReadFormAsync(ct);
    }

    public static Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken ct) => ReadAsync(request.HttpContext, ct);

    /// <summary>The token pair for a page with forms: the cookie is set on the answer, the field goes in each form.</summary>
    public static AntiforgeryTokenSet Tokens(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
}
