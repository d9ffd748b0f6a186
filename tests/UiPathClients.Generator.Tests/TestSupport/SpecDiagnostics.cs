using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>Runs the generator on one hostile spec and checks that what it reports is one located diagnostic, never a generator failure.</summary>
internal static class SpecDiagnostics
{
    /// <summary>The generator's diagnostics for one spec; asserts nothing escaped and no UIPC0099 was reported.</summary>
    public static ImmutableArray<Diagnostic> Of(string path, string text)
    {
        var run = GeneratorHarness.Run(new[] { new Spec(path, text) });
        Assert.Null(run.Generator.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "UIPC0099");
        return run.GeneratorDiagnostics;
    }

    /// <summary>Asserts the spec gets exactly one diagnostic, with this ID, on this 1-based line of this file, its message containing <paramref name="messagePart"/>.</summary>
    public static Diagnostic AssertSingle(string path, string text, string id, int line, string messagePart)
    {
        var diagnostic = Assert.Single(Of(path, text));
        AssertAt(diagnostic, id, path, line, messagePart);
        return diagnostic;
    }

    public static void AssertAt(Diagnostic diagnostic, string id, string path, int line, string messagePart)
    {
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
