using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using SharingHub.Common.Http;

namespace SharingHub.Functions;

/// <summary>
/// Finishes every HTTP function the way the self-host finishes an endpoint: the <see cref="IResult"/> it returns is
/// executed against the request's HttpContext, and any exception goes to the same <see cref="ProblemMapper"/>.
/// </summary>
/// <remarks>
/// The ASP.NET Core integration (Worker.Extensions.Http.AspNetCore 2.x) executes only IActionResult return values
/// (FunctionsHttpProxyingMiddleware; Azure/azure-functions-dotnet-worker#2718), and the core's handlers return the
/// minimal-API IResult. Clearing the invocation result afterwards leaves the integration nothing to write twice.
/// </remarks>
internal sealed class HttpResultMiddleware(ILogger<HttpResultMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase));

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        // Registered after ConfigureFunctionsWebApplication, so the integration has already attached the HttpContext.
        var http = context.GetHttpContext();
        try
        {
            await next(context);
            if (http is not null && context.GetInvocationResult() is { Value: IResult result } invocation)
            {
                invocation.Value = null;
                await result.ExecuteAsync(http);
            }
        }
        catch (Exception ex) when (http is { Response.HasStarted: false })
        {
            if (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            {
                return; // the caller went away; nobody is left to answer
            }
            var cause = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;
            await ProblemMapper.ToResult(http, cause, logger).ExecuteAsync(http);
        }
    }
}
