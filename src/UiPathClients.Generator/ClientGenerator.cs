using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Readers;

namespace UiPathClients.Generator;

/// <summary>
/// Generates typed clients from OData EDMX documents listed as <c>AdditionalFiles</c>.
/// This class only wires the pipeline; each step's logic lives in a named class.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var candidates = context.AdditionalTextsProvider
            .Where(SpecFileSelector.HasCandidateExtension)
            .WithTrackingName(TrackingNames.CandidateFiles);

        var specFiles = candidates
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SpecFileSelector.Select(pair.Left, pair.Right, cancellationToken))
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var readResults = specFiles
            .Select(SpecReader.Read)
            .WithTrackingName(TrackingNames.ReadResults);

        var readDiagnostics = readResults
            .Select((result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(readDiagnostics, ReportDiagnostics);

        // Emit sees the model only: a diagnostic that moves (a line added above a warning) changes the read result but
        // not the model, so nothing is emitted again.
        var models = readResults
            .Select((result, _) => new SpecModel(result.FilePath, result.Model))
            .WithTrackingName(TrackingNames.Models);

        // Reduced to bools at once: the compilation changes on every keystroke, the bools almost never.
        var environment = context.CompilationProvider
            .Select((compilation, _) => new EmitEnvironment(
                HasDateOnly: compilation.GetTypeByMetadataName("System.DateOnly") is not null,
                HasRequiredMembers: compilation is Microsoft.CodeAnalysis.CSharp.CSharpCompilation { LanguageVersion: >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11 }
                    && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null
                    && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null,
                TooOldLanguageVersion: compilation is Microsoft.CodeAnalysis.CSharp.CSharpCompilation { LanguageVersion: < Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9 } csharp
                    ? Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(csharp.LanguageVersion)
                    : null))
            .WithTrackingName(TrackingNames.EmitEnvironment);

        // Include-lists (EntitySets, Operations, Tags) are read apart from the spec files: editing one plans and emits again
        // but reads nothing again. Collected into an equatable array, so an unchanged list leaves every plan cached.
        var selections = candidates
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, _) => SpecFileSelector.ReadSelection(pair.Left, pair.Right))
            .Collect()
            .Select((all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.Selections);

        var plans = models
            .Combine(selections)
            .Select((pair, cancellationToken) => ClientPlanner.Plan(pair.Left, ClientPlanner.SelectionOf(pair.Left.FilePath, pair.Right), cancellationToken))
            .WithTrackingName(TrackingNames.Plans);

        var emittedClients = plans
            .Combine(environment)
            .Select((pair, cancellationToken) => EmittedClient.Emit(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.GeneratedFiles);

        var claims = emittedClients
            .Where(client => client.ClientName is not null)
            .Select((client, _) => new ClientNameClaim(client.ClientName!, client.FilePath))
            .Collect();

        context.RegisterSourceOutput(emittedClients.Combine(claims), (productionContext, pair) => AddSources(productionContext, pair.Left, pair.Right));
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void AddSources(SourceProductionContext context, EmittedClient client, ImmutableArray<ClientNameClaim> claims)
    {
        ReportDiagnostics(context, client.Diagnostics);
        if (client.ClientName is null)
        {
            return;
        }

        // Two specs with one client name would write the same hint names; the first by path wins, deterministically.
        var owner = claims
            .Where(claim => string.Equals(claim.ClientName, client.ClientName, StringComparison.OrdinalIgnoreCase))
            .Select(claim => claim.FilePath)
            .OrderBy(path => path, StringComparer.Ordinal)
            .First();
        if (!string.Equals(owner, client.FilePath, StringComparison.Ordinal))
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClientName, SpecPosition.StartOf(client.FilePath), client.FilePath, owner, client.ClientName);
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
            return;
        }

        foreach (var file in client.Files)
        {
            context.AddSource(file.HintName, file.Source);
        }
    }
}
