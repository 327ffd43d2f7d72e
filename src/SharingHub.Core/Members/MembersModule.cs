using Microsoft.Extensions.DependencyInjection;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Members;

public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddStorageResource(StorageKind.Table, TableMemberStore.TableName);
        services.AddSingleton<IMemberStore, TableMemberStore>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<IPersonalDataHolder, MemberPersonalData>();
        return services;
    }
}
