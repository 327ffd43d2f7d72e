using SharingHub.Common;

namespace SharingHub.Workspace;

/// <summary>A posted form without a valid antiforgery token (or not a form at all): refused before anything is read from it.</summary>
public sealed class FormRejectedException(string detail) : HubException(detail);
