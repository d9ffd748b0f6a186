using System;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>A Communications Mining project: the owner of datasets and sources (their <c>owner</c>).</summary>
public sealed record Project
{
    /// <summary>The project's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The API name that appears in URLs.</summary>
    public required string Name { get; init; }

    /// <summary>A short description.</summary>
    public required string Title { get; init; }

    /// <summary>A longer description.</summary>
    public required string Description { get; init; }

    /// <summary>When the project was created, by the emulator's clock.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the project was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether users of the tenant join the project automatically.</summary>
    public required bool UserAutoJoin { get; init; }
}
