using System;
using System.Threading;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers.Edmx;

namespace UiPathClients.Generator.Readers;

/// <summary>Dispatches a spec file to the reader for its format.</summary>
internal static class SpecReader
{
    public static ReadResult Read(SpecFile file, CancellationToken cancellationToken)
    {
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
