using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// A consumer of the generated Orchestrator client on net10.0, where System.Linq.AsyncEnumerable is in the BCL:
/// a query the service cannot run does not compile, and the error says what to write instead; everything the
/// query surface offers compiles without a diagnostic.
/// </summary>
public sealed class UntranslatableQueryTests
{
    private static readonly System.Lazy<GeneratorRun> Orchestrator = new(() => GeneratorHarness.Run(new[] { Spec.FromFile(TestPaths.BundledOrchestratorSpec) }));

    private static Diagnostic[] Compile(string body)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Consumer.Orchestrator;

            namespace Consumer.Checks;

            internal static class Check
            {
                internal static async Task Run(OrchestratorClient orchestrator, CancellationToken cancellationToken)
                {
                    {{body}}
                    await Task.CompletedTask;
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Check.cs");
        var compilation = Orchestrator.Value.OutputCompilation.AddSyntaxTrees(tree);
        return compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Location.SourceTree == tree && diagnostic.Severity > DiagnosticSeverity.Info)
            .ToArray();
    }

    private static void AssertSingleError(string body, string id, params string[] words)
    {
        var diagnostics = Compile(body);
        var error = Assert.Single(diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var word in words)
        {
            Assert.Contains(word, message, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Contains_with_a_StringComparison_says_to_compare_lower_case_text()
    {
        AssertSingleError(
            """var jobs = orchestrator.Jobs.Where(j => j.ReleaseName!.Contains("invoice", StringComparison.OrdinalIgnoreCase));""",
            "CS0619",
            "StringOperand.Contains(string, StringComparison)", "take no StringComparison", "ToLower().Contains(");
    }

    [Fact]
    public void Other_string_near_misses_say_what_OData_offers()
    {
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.ReleaseName.StartsWith("inv", StringComparison.Ordinal));""", "CS0619", "StartsWith", "ToLower()");
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.ReleaseName.Equals("Invoices", StringComparison.OrdinalIgnoreCase));""", "CS0619", "ToLower() ==");
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.ReleaseName.Equals("Invoices"));""", "CS0619", "== \"text\"");
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.ReleaseName.ToLowerInvariant().Contains("inv"));""", "CS0619", "Use ToLower()");
    }

    [Fact]
    public void In_is_bound_against_the_filter_surface_not_the_entity()
    {
        // Before, the BCL's Where bound j to JobDto and said "'JobState?' does not contain a definition for 'In'".
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.State.In("Faulted"));""", "CS1503", "string", "JobState");
        Assert.Empty(Compile("""var q = orchestrator.Jobs.Where(j => j.State.In(JobState.Faulted, JobState.Stopped)); var r = orchestrator.Jobs.Where(j => j.State.In(new List<JobState> { JobState.Faulted }));"""));
    }

    [Fact]
    public void Year_is_a_property_of_the_date_operand()
    {
        AssertSingleError("""var q = orchestrator.Jobs.Where(j => j.CreationTime.Year() == 2024);""", "CS1955", "DateTimeOffsetOperand.Year", "cannot be used like a method");
        Assert.Empty(Compile("""var q = orchestrator.Jobs.Where(j => j.CreationTime.Year == 2024);"""));
    }

    [Fact]
    public void LINQ_operators_the_service_cannot_run_name_the_translated_member()
    {
        AssertSingleError("""var job = await orchestrator.Jobs.FirstAsync();""", "CS0619", "FirstOrDefaultAsync()", "$top=1");
        AssertSingleError("""var job = await orchestrator.Jobs.FirstAsync(j => j.Id > 5);""", "CS0619", "Where(predicate).FirstOrDefaultAsync()");
        AssertSingleError("""var jobs = orchestrator.Jobs.Take(5);""", "CS0619", "Use Top(count)", "$top");
        AssertSingleError("""var count = orchestrator.Jobs.Where(j => j.Id > 5).Count();""", "CS0619", "CountAsync()", "$count");
        AssertSingleError("""var any = await orchestrator.Jobs.AnyAsync();""", "CS0619", "FirstOrDefaultAsync()");
    }

    [Fact]
    public void Everything_the_query_offers_compiles_and_client_side_LINQ_needs_AsAsyncEnumerable()
    {
        Assert.Empty(Compile("""
            var query = orchestrator.Jobs.Where(j => j.Id > 5 & j.ReleaseName.ToLower().Contains("invoice")).OrderBy(j => j.CreationTime).Top(5);
            await foreach (var job in query) { }
            await foreach (var job in query.WithCancellation(cancellationToken).ConfigureAwait(false)) { }
            List<JobDto> list = await query.ToListAsync(cancellationToken);
            JobDto? first = await query.FirstOrDefaultAsync(cancellationToken);
            long count = await query.CountAsync(cancellationToken);
            var page = await query.ToPageAsync(cancellationToken);
            """));

        // The BCL's async LINQ is in this compilation: through the explicit opt-in the same lambda binds to the entity.
        Assert.Empty(Compile("""
            var onTheClient = await orchestrator.Jobs.Top(100).AsAsyncEnumerable()
                .Where(j => j.ReleaseName!.Contains("invoice", StringComparison.OrdinalIgnoreCase)).Take(5).ToListAsync(cancellationToken);
            """));
    }
}
