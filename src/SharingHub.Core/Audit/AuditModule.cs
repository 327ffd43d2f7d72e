using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;

namespace SharingHub.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddStorageResource(StorageKind.Table, TableAuditLog.TableName);
        services.AddSingleton<IAuditLog, TableAuditLog>();
        return services;
    }
}
