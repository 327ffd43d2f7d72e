namespace SharingHub.Access;

/// <summary>
/// Opens a form's POST to callers without credentials: signing in (which is how they get credentials) and signing out
/// (which must work for an expired session too). Only for forms whose handler checks the antiforgery token; it opens
/// nothing else, and a route never declared stays closed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublicFormAttribute : Attribute;
