using System;
using UiPathClients.Emulator.CommunicationsMining;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Triggers;

namespace UiPathClients.Emulator;

/// <summary>What the emulator's tenant holds before <see cref="OrchestratorEmulatorOptions.AddData"/> runs.</summary>
public enum EmulatorSeed
{
    /// <summary>
    /// The fixed starting tenant: folders <c>Shared</c>, <c>Finance</c>, <c>Finance/Invoices</c> and <c>Équipe Données</c>,
    /// their releases, robots, machines, queues, assets, webhooks and a deterministic history of jobs and queue items.
    /// </summary>
    Default,

    /// <summary>No folders and no rows: the test adds everything it needs in <see cref="OrchestratorEmulatorOptions.AddData"/>.</summary>
    Empty,
}

/// <summary>
/// What <see cref="OrchestratorEmulatorOptions.AddData"/> is given: the emulator's data before it accepts a connection,
/// and the start time its seed's times are relative to.
/// </summary>
public sealed class EmulatorSeedContext
{
    internal EmulatorSeedContext(OrchestratorData orchestrator, CommunicationsMiningData communicationsMining, DateTimeOffset started)
    {
        Orchestrator = orchestrator;
        CommunicationsMining = communicationsMining;
        Started = started;
    }

    /// <summary>The Orchestrator tenant: add folders, releases, queues, users … to its tables (<see cref="OrchestratorData.Table{TEntity, TKey}"/> for the other sets).</summary>
    public OrchestratorData Orchestrator { get; }

    /// <summary>The Communications Mining tenant (empty at start).</summary>
    public CommunicationsMiningData CommunicationsMining { get; }

    /// <summary>When the emulator started by its clock (<see cref="OrchestratorEmulatorOptions.TimeProvider"/>).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>
    /// Adds a folder by its full path (<c>Parent/Child</c>), as Orchestrator names folders in the folder headers; its
    /// parent must exist already. Key, display name and parent id are filled in.
    /// </summary>
    /// <param name="fullyQualifiedName">The folder's path, e.g. <c>Tests</c> or <c>Tests/Invoices</c>.</param>
    /// <returns>The stored folder, with its id (what folder-scoped rows are added to).</returns>
    /// <exception cref="ArgumentException">The path is empty, taken, or its parent does not exist.</exception>
    public FolderDto AddFolder(string fullyQualifiedName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullyQualifiedName);
        if (Orchestrator.FindFolderByPath(fullyQualifiedName) is not null)
        {
            throw new ArgumentException($"The folder '{fullyQualifiedName}' exists already.", nameof(fullyQualifiedName));
        }

        var slash = fullyQualifiedName.LastIndexOf('/');
        long? parentId = null;
        if (slash >= 0)
        {
            var parentPath = fullyQualifiedName[..slash];
            parentId = (Orchestrator.FindFolderByPath(parentPath)
                ?? throw new ArgumentException($"The parent folder '{parentPath}' of '{fullyQualifiedName}' does not exist; add it first.", nameof(fullyQualifiedName))).Id;
        }

        return SeedData.AddFolder(Orchestrator, fullyQualifiedName, parentId, Guid.NewGuid());
    }

    /// <summary>Adds an API trigger (<c>/t/{slug}</c>) on an existing release.</summary>
    /// <param name="slug">The invoke URL after <c>/t/</c>.</param>
    /// <param name="method">The HTTP method it answers.</param>
    /// <param name="release">The release whose job it starts.</param>
    /// <param name="defaultCallMode">The mode used when a call names none.</param>
    /// <param name="allowedCallModes">The modes a call may name with <c>$callMode</c>.</param>
    /// <returns>The stored trigger.</returns>
    public ApiTrigger AddApiTrigger(
        string slug,
        string method,
        ReleaseDto release,
        TriggerCallModes defaultCallMode = TriggerCallModes.AsyncRequestReply,
        TriggerCallModes allowedCallModes = TriggerCallModes.All)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Orchestrator.ApiTriggers.Add(new ApiTrigger(slug, method, release.Key ?? throw new ArgumentException("The release has no key.", nameof(release)), defaultCallMode, allowedCallModes));
    }
}
