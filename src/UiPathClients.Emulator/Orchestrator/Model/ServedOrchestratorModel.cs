using Microsoft.OData.Edm;

namespace UiPathClients.Emulator.Orchestrator.Model;

/// <summary>What the Orchestrator slice serves for one Orchestrator version (cloud, or an on-premises one).</summary>
/// <param name="Model">
/// The model OData routes, parses and serializes with: the version's description bound to the emulator's classes, less
/// (for an on-premises version) the properties those classes cannot hold (<see cref="OnPremisesRoutingModel"/>).
/// </param>
/// <param name="MetadataDocument">
/// The <c>$metadata</c> text of an on-premises version: its whole description (ASP.NET Core OData would write
/// <paramref name="Model"/>). Null for cloud, whose model is its whole description.
/// </param>
internal sealed record ServedOrchestratorModel(IEdmModel Model, string? MetadataDocument);
