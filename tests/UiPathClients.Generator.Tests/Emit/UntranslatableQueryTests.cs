using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// A consumer of the generated Orchestrator client, on every framework and C# version the runtime supports
/// (<see cref="ConsumerTarget.Supported"/>): a query the service cannot run does not compile, and the error says
/// what to write instead; everything the query surface offers compiles without a diagnostic. On net10.0 the BCL
/// has System.Linq.AsyncEnumerable; on net8.0 and netstandard2.0 the same holds with and without System.Linq.Async,
/// whose Where/FirstAsync/Take over IAsyncEnumerable would otherwise run a query on the client.
/// </summary>
public sealed class UntranslatableQueryTests
{
    /// <summary>One generator run per target, shared by every test of that target.</summary>
    private static readonly ConcurrentDictionary<string, System.Lazy<GeneratorRun>> Orchestrator = new();

    public static TheoryData<string> Targets => ConsumerTarget.SupportedNames();

    private static GeneratorRun OrchestratorFor(ConsumerTarget target) =>
        Orchestrator.GetOrAdd(
            target.Name,
            _ => new System.Lazy<GeneratorRun>(() => GeneratorHarness.Run(new[] { Spec.FromFile(TestPaths.BundledOrchestratorSpec) }, target: target))).Value;

    private static Diagnostic[] Compile(string targetName, string body)
    {
        var target = ConsumerTarget.Named(targetName);

        // No syntax newer than C# 9 (a block namespace): netstandard2.0 consumers may be on C# 9.
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Consumer.Orchestrator;

            namespace Consumer.Checks
            {
                internal static class Check
                {
                    internal static async Task Run(OrchestratorClient orchestrator, CancellationToken cancellationToken)
                    {
                        {{body}}
                        await Task.CompletedTask;
                    }
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, target.ParseOptions, path: "Check.cs");
        var compilation = OrchestratorFor(target).OutputCompilation.AddSyntaxTrees(tree);
        return compilation.GetSemanticModel(tree).GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Info)
            .ToArray();
    }

    private static void AssertSingleError(string target, string body, string id, params string[] words)
    {
        var diagnostics = Compile(target, body);
        var error = Assert.Single(diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var word in words)
        {
            Assert.Contains(word, message, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_generated_client_compiles_without_a_warning(string target)
    {
        var run = OrchestratorFor(ConsumerTarget.Named(target));
        Assert.Empty(run.GeneratorDiagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Contains_with_a_StringComparison_says_to_compare_lower_case_text(string target)
    {
        AssertSingleError(
            target,
            """var jobs = orchestrator.Jobs.Where(j => j.ReleaseName!.Contains("invoice", StringComparison.OrdinalIgnoreCase));""",
            "CS0619",
            "StringOperand.Contains(string, StringComparison)", "take no StringComparison", "ToLower().Contains(");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Other_string_near_misses_say_what_OData_offers(string target)
    {
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.ReleaseName.StartsWith("inv", StringComparison.Ordinal));""", "CS0619", "StartsWith", "ToLower()");
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.ReleaseName.Equals("Invoices", StringComparison.OrdinalIgnoreCase));""", "CS0619", "ToLower() ==");
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.ReleaseName.Equals("Invoices"));""", "CS0619", "== \"text\"");
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.ReleaseName.ToLowerInvariant().Contains("inv"));""", "CS0619", "Use ToLower()");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void In_is_bound_against_the_filter_surface_not_the_entity(string target)
    {
        // Before, the BCL's Where bound j to JobDto and said "'JobState?' does not contain a definition for 'In'".
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.State.In("Faulted"));""", "CS1503", "string", "JobState");
        Assert.Empty(Compile(target, """var q = orchestrator.Jobs.Where(j => j.State.In(JobState.Faulted, JobState.Stopped)); var r = orchestrator.Jobs.Where(j => j.State.In(new List<JobState> { JobState.Faulted }));"""));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Year_is_a_property_of_the_date_operand(string target)
    {
        AssertSingleError(target, """var q = orchestrator.Jobs.Where(j => j.CreationTime.Year() == 2024);""", "CS1955", "DateTimeOffsetOperand.Year", "cannot be used like a method");
        Assert.Empty(Compile(target, """var q = orchestrator.Jobs.Where(j => j.CreationTime.Year == 2024);"""));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void LINQ_operators_the_service_cannot_run_name_the_translated_member(string target)
    {
        AssertSingleError(target, """var job = await orchestrator.Jobs.FirstAsync();""", "CS0619", "FirstOrDefaultAsync()", "$top=1");
        AssertSingleError(target, """var job = await orchestrator.Jobs.FirstAsync(j => j.Id > 5);""", "CS0619", "Where(predicate).FirstOrDefaultAsync()");
        AssertSingleError(target, """var jobs = orchestrator.Jobs.Take(5);""", "CS0619", "Use Top(count)", "$top");
        AssertSingleError(target, """var count = orchestrator.Jobs.Where(j => j.Id > 5).Count();""", "CS0619", "CountAsync()", "$count");
        AssertSingleError(target, """var any = await orchestrator.Jobs.AnyAsync();""", "CS0619", "FirstOrDefaultAsync()");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Everything_the_query_offers_compiles_and_client_side_LINQ_needs_AsAsyncEnumerable(string target)
    {
        Assert.Empty(Compile(target, """
            var query = orchestrator.Jobs.Where(j => j.Id > 5 & j.ReleaseName.ToLower().Contains("invoice")).OrderBy(j => j.CreationTime).Top(5);
            await foreach (var job in query) { }
            await foreach (var job in query.WithCancellation(cancellationToken).ConfigureAwait(false)) { }
            List<JobDto> list = await query.ToListAsync(cancellationToken);
            JobDto? first = await query.FirstOrDefaultAsync(cancellationToken);
            long count = await query.CountAsync(cancellationToken);
            var page = await query.ToPageAsync(cancellationToken);
            """));

        // IndexOf rather than Contains(string, StringComparison), which netstandard2.0's string lacks.
        const string ClientSide = """
            var onTheClient = await orchestrator.Jobs.Top(100).AsAsyncEnumerable()
                .Where(j => j.ReleaseName!.IndexOf("invoice", StringComparison.OrdinalIgnoreCase) >= 0).Take(5).ToListAsync(cancellationToken);
            """;
        if (ConsumerTarget.Named(target).HasAsyncLinq)
        {
            // Async LINQ (the BCL's or System.Linq.Async) is in this compilation: through the explicit opt-in the lambda binds to the entity.
            Assert.Empty(Compile(target, ClientSide));
        }
        else
        {
            // Without async LINQ, the client-side sequence is still there to enumerate.
            AssertSingleError(target, ClientSide, "CS1061", "IAsyncEnumerable<JobDto>", "Where");
            Assert.Empty(Compile(target, """
                await foreach (var job in orchestrator.Jobs.Top(100).AsAsyncEnumerable().WithCancellation(cancellationToken)) { }
                """));
        }
    }
}
