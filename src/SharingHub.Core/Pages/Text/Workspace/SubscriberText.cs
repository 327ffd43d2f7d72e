namespace SharingHub.Pages.Text;

/// <summary>The subscriber's pages: subscriptions, preview, deliveries, Teams; and the admin's digest actions.</summary>
public sealed record SubscriberText
{
}
