using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Emit;

/// <summary>The files emitted for one spec, plus any failure of the emitter itself.</summary>
/// <param name="FilePath">The spec file the files come from.</param>
/// <param name="ClientName">The client name, which is also the hint-name folder and must be unique.</param>
/// <param name="Files">The emitted files.</param>
/// <param name="Diagnostics">The plan's (names in include-lists that match nothing), then emitter failures, or UIPC0013 when the consumer's C# is too old (never spec problems: the reader reports those).</param>
internal sealed record EmittedClient(string FilePath, string? ClientName, EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The generator's version as written into <c>[GeneratedCode]</c>, without build metadata.</summary>
    public static readonly string GeneratorVersion = ReadGeneratorVersion();

    public static EmittedClient Emit(SpecPlan result, EmitEnvironment environment, CancellationToken cancellationToken)
    {
        var planned = result.Diagnostics;
        if (result.Plan is null)
        {
            return new EmittedClient(result.FilePath, null, EquatableArray<GeneratedFile>.Empty, planned);
        }

        if (environment.TooOldLanguageVersion is { } languageVersion)
        {
            var tooOld = DiagnosticInfo.Create(
                DiagnosticDescriptors.LanguageVersionTooOld, SpecPosition.StartOf(result.FilePath), result.FilePath, EmitEnvironment.MinimumLanguageVersion, languageVersion);
            return new EmittedClient(result.FilePath, result.Plan.Model.ClientName, EquatableArray<GeneratedFile>.Empty, planned.Append(tooOld).ToEquatableArray());
        }

        try
        {
            var files = ClientEmitter.Emit(result.Plan, environment, GeneratorVersion, cancellationToken);
            return new EmittedClient(result.FilePath, result.Plan.Model.ClientName, files, planned);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw into the compiler: an emitter bug becomes a diagnostic on the spec.
            var diagnostic = DiagnosticInfo.GeneratorFailure(result.FilePath, exception);
            return new EmittedClient(result.FilePath, result.Plan.Model.ClientName, EquatableArray<GeneratedFile>.Empty, planned.Append(diagnostic).ToEquatableArray());
        }
    }

    private static string ReadGeneratorVersion()
    {
        var assembly = typeof(EmittedClient).GetTypeInfo().Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}

/// <summary>Which spec produces which client name; used to refuse two specs writing the same files.</summary>
internal sealed record ClientNameClaim(string ClientName, string FilePath);
