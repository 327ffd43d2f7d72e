using SharingHub.Common;

namespace SharingHub.Stories;

/// <summary>draft → submitted → published, or rejected (with a reason); published can be withdrawn. Anything else is 409.</summary>
public static class StoryLifecycle
{
    public static Story Submit(Story story) =>
        Require(story, "submit", StoryStatus.Draft, StoryStatus.Rejected, StoryStatus.Withdrawn) with
        {
            Status = StoryStatus.Submitted,
            RejectionReason = null,
        };

    public static Story Publish(Story story, DateTimeOffset now) =>
        Require(story, "publish", StoryStatus.Submitted) with { Status = StoryStatus.Published, PublishedAt = now };

    public static Story Reject(Story story, string reason) =>
        Require(story, "reject", StoryStatus.Submitted) with { Status = StoryStatus.Rejected, RejectionReason = reason };

    public static Story Withdraw(Story story) =>
        Require(story, "withdraw", StoryStatus.Published) with { Status = StoryStatus.Withdrawn };

    private static Story Require(Story story, string action, params StoryStatus[] allowed)
    {
        if (!allowed.Contains(story.Status))
        {
            var from = string.Join(" or ", allowed.Select(StoryEntities.Status));
            throw new ConflictException($"Cannot {action} story '{story.Id}': it is {StoryEntities.Status(story.Status)}, and only a story that is {from} can be.");
        }
        return story;
    }
}
