namespace SharingHub.Storage;

public enum StorageKind
{
    Table,
    Container,
    Queue,
}

/// <summary>A table, container or queue a feature needs. Features register theirs; <see cref="StorageInitializer"/> creates them at start-up.</summary>
public sealed record StorageResource(StorageKind Kind, string Name);
