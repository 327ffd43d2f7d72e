using Microsoft.AspNetCore.Diagnostics;
using SharingHub.Common.Http;

namespace SharingHub.SelfHost;

/// <summary>Hands every unhandled exception to the shared <see cref="ProblemMapper"/>.</summary>
internal sealed class HubExceptionHandler(ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the caller went away; nobody is left to answer
        }
        await ProblemMapper.ToResult(httpContext, exception, logger).ExecuteAsync(httpContext);
        return true;
    }
}
