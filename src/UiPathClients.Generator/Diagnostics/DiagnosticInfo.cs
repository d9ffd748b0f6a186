using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a plain value: descriptor ID, the spec file's path and the span of the
/// offending element. <see cref="Location"/> and <see cref="Diagnostic"/> are not equatable across
/// runs, so they are built only at the very end, in the source output.
/// </summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecPosition position, params string[] arguments) =>
        new(
            descriptor.Id,
            position.FilePath,
            position.Start,
            position.Length,
            position.Line,
            position.Column,
            position.Line,
            position.Column + position.Length,
            arguments.ToEquatableArray());

    /// <summary>A bug in the generator, reported on the spec it was processing instead of thrown into the compiler.</summary>
    public static DiagnosticInfo GeneratorFailure(string filePath, System.Exception exception) =>
        Create(DiagnosticDescriptors.GeneratorFailure, SpecPosition.StartOf(filePath), filePath, exception.GetType().Name + ": " + exception.Message);

    public Diagnostic ToDiagnostic()
    {
        var span = new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));
        var location = Location.Create(FilePath, new TextSpan(Start, Length), span);
        return Diagnostic.Create(DiagnosticDescriptors.Get(DescriptorId), location, Arguments.Cast<object>().ToArray());
    }
}

/// <summary>A position in a spec file: zero-based line and column plus the character offset, as Roslyn wants them.</summary>
internal readonly record struct SpecPosition(string FilePath, int Start, int Length, int Line, int Column)
{
    public static SpecPosition StartOf(string filePath) => new(filePath, 0, 0, 0, 0);
}
