using System;
using System.Globalization;
using System.Threading;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers.Edmx;

namespace UiPathClients.Generator.Readers;

/// <summary>Dispatches a spec file to the reader for its format.</summary>
internal static class SpecReader
{
    public static ReadResult Read(SpecFile file, CancellationToken cancellationToken) => Read(file, SpecLimits.MaxTextLength, cancellationToken);

    /// <param name="file">The spec.</param>
    /// <param name="maxTextLength">The longest text read (<see cref="SpecLimits.MaxTextLength"/>; smaller in tests).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    internal static ReadResult Read(SpecFile file, int maxTextLength, CancellationToken cancellationToken)
    {
        if (file.Text.Length > maxTextLength)
        {
            // Refused before any parser runs: reading is what would cost the time and memory.
            var reason = $"it is {file.Text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long, more than the {maxTextLength.ToString("N0", CultureInfo.InvariantCulture)} the generator reads";
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.SpecLimitExceeded, SpecPosition.StartOf(file.Path), file.Path, reason);
            return new ReadResult(file.Path, null, new[] { diagnostic }.ToEquatableArray());
        }

        try
        {
            return file.Kind switch
            {
                SpecKind.Edmx => EdmxReader.Read(file, cancellationToken),
                SpecKind.OpenApiJson or SpecKind.OpenApiYaml => OpenApi.OpenApiReader.Read(file, cancellationToken),
                _ => throw new NotSupportedException($"Spec kind {file.Kind} has no reader."),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw into the compiler: a reader bug becomes a diagnostic on the spec.
            var diagnostic = DiagnosticInfo.GeneratorFailure(file.Path, exception);
            return new ReadResult(file.Path, null, new[] { diagnostic }.ToEquatableArray());
        }
    }
}
