using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using SharingHub.Access;

namespace SharingHub.Functions;

/// <summary>
/// The same <see cref="AccessGate"/> the self-host runs: every HTTP function is closed unless its method carries
/// <see cref="PublicReadAttribute"/>, and every successful change is audited.
/// </summary>
internal sealed class AccessMiddleware(AccessGate gate, IOptions<AccessOptions> options) : IFunctionsWorkerMiddleware
{
    private static readonly FrozenSet<string> PublicFunctions = FunctionsWith<PublicReadAttribute>();

    /// <summary>Sign-in and sign-out forms, open to a POST without credentials (<see cref="PublicFormAttribute"/>).</summary>
    private static readonly FrozenSet<string> PublicForms = FunctionsWith<PublicFormAttribute>();

    private static FrozenSet<string> FunctionsWith<TAttribute>() where TAttribute : Attribute => typeof(AccessMiddleware).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<TAttribute>() is not null)
        .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
        .OfType<string>()
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Each HTTP function's route pattern ("/api/people/erase"), for logs and the audit: never the request's path.</summary>
    private static readonly FrozenDictionary<string, string> RoutePatterns = typeof(AccessMiddleware).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Route: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()?.Route).FirstOrDefault(r => r is not null)))
        .Where(f => f.Name is not null && f.Route is not null)
        .ToFrozenDictionary(f => f.Name!, f => "/" + f.Route!.TrimStart('/'), StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext() ?? throw new InvalidOperationException("HTTP function without an HttpContext; is ConfigureFunctionsWebApplication() called?");
        // One trusted hop by default: see AccessOptions.TrustedProxyHops and docs/operations.md ("The caller's address").
        var address = ClientAddress.Of(http, options.Value.TrustedProxyHops ?? 1);
        var name = context.FunctionDefinition.Name;
        var action = $"{http.Request.Method} {RoutePatterns.GetValueOrDefault(name, name)}";
        await gate.EnterAsync(http, PublicFunctions.Contains(name), action, address, context.CancellationToken, PublicForms.Contains(name));
        await next(context);

        // The returned IResult is written after this middleware; take its status and Location for the audit now.
        if (context.GetInvocationResult().Value is IResult result)
        {
            if (result is IStatusCodeHttpResult { StatusCode: { } status })
            {
                http.Response.StatusCode = status;
            }
            if (result.GetType().GetProperty("Location")?.GetValue(result) is string location)
            {
                http.Response.Headers.Location = location;
            }
        }
        var id = context.BindingContext.BindingData.TryGetValue("id", out var value) ? value?.ToString() : null;
        await gate.RecordAsync(http, action, id, address, CancellationToken.None);
    }
}
