namespace SharingHub.Access;

/// <summary>
/// Declares a GET route readable without credentials. Every route is closed (401) unless it carries this:
/// the self-host reads it from endpoint metadata (the core handler method or <c>.AllowPublicRead()</c>),
/// the Functions app from the function method. It never opens a route for writing.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Delegate, AllowMultiple = false)]
public sealed class PublicReadAttribute : Attribute;
