using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SharingHub.Members;
using SharingHub.Storage;

namespace SharingHub.SignIn;

public static class SignInModule
{
    /// <summary>The application name every instance of both hosts protects cookies under, so each reads the others'.</summary>
    public const string ApplicationName = "SharingHub";

    /// <summary>Sign-in to the workspace: the session cookie, its Data Protection keys, and Entra ID sign-in when configured.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>()
            .Bind(configuration.GetSection(SignInOptions.Section))
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.MaxSessionLifetime >= o.SessionLifetime,
                "SignIn:SessionLifetime must be positive and at most SignIn:MaxSessionLifetime.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Entra.ClientId) == string.IsNullOrWhiteSpace(o.Entra.ClientSecret),
                "SignIn:Entra:ClientId and SignIn:Entra:ClientSecret must be set together.")
            .ValidateOnStart();

        services.AddStorageResource(StorageKind.Table, TableSignInSessionStore.TableName);
        services.AddStorageResource(StorageKind.Container, BlobKeyRepository.ContainerName);
        services.AddSingleton<ISignInSessionStore, TableSignInSessionStore>();
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<EntraSignIn>();
        services.AddMembers();

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new BlobKeyRepository(sp.GetRequiredService<HubStorage>());
            KeyVaultKeyWrap.Apply(o, sp);
        }));

        // No default scheme, not even the only one: nothing but the hub's gate (on page routes only) reads the session, so
        // the authentication middleware the self-host's builder adds by itself never decrypts the cookie (the gate would
        // overwrite the user it set anyway). AuthenticationOptions.DisableAutoDefaultScheme is internal; this is its switch.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        var authentication = services.AddAuthentication()
            .AddCookie(SignInSessions.Scheme, o =>
            {
                o.Cookie.Name = SignInSessions.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
                o.SlidingExpiration = true;
            });
        services.AddOptions<CookieAuthenticationOptions>(SignInSessions.Scheme)
            .Configure<IOptions<SignInOptions>, TimeProvider>((o, signIn, clock) =>
            {
                o.ExpireTimeSpan = signIn.Value.SessionLifetime;
                o.TimeProvider = clock;
            });
        if (configuration.GetSection(SignInOptions.Section).Get<SignInOptions>()?.Entra.IsConfigured == true)
        {
            authentication.AddRemoteScheme<OpenIdConnectOptions, EntraSignInHandler>(EntraSignIn.Scheme, "Microsoft", null);
            services.AddOptions<OpenIdConnectOptions>(EntraSignIn.Scheme)
                .Configure<IOptions<SignInOptions>, TimeProvider>((o, signIn, clock) => EntraSignIn.Configure(o, signIn.Value.Entra, clock));
            // What AddOpenIdConnect registers beside the scheme: metadata, state and nonce protection from the options.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        }
        return services;
    }
}
