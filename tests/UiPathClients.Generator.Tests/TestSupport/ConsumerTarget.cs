using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>
/// A consumer project the generated code is compiled in: the assemblies it compiles against (its framework's
/// reference assemblies, the runtime built for that framework and the runtime's dependencies) and its C# version.
/// </summary>
/// <remarks>
/// The net8.0 and netstandard2.0 reference lists are written by the test project's build (target
/// WriteConsumerReferenceLists): they are what the runtime itself compiled against for that framework, which is
/// what a project of that framework referencing the runtime compiles against too.
/// </remarks>
internal sealed class ConsumerTarget
{
    /// <summary>The SDK passes /nowarn:1701,1702 (assembly unification notes) to every build.</summary>
    private static readonly Dictionary<string, ReportDiagnostic> SdkSuppressions = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private readonly Lazy<ImmutableArray<MetadataReference>> references;

    private ConsumerTarget(string name, Func<ImmutableArray<MetadataReference>> references, LanguageVersion languageVersion, bool hasAsyncLinq)
    {
        Name = name;
        this.references = new Lazy<ImmutableArray<MetadataReference>>(references);
        LanguageVersion = languageVersion;
        HasAsyncLinq = hasAsyncLinq;
        ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(languageVersion).WithDocumentationMode(DocumentationMode.Diagnose);
    }

    public string Name { get; }

    public LanguageVersion LanguageVersion { get; }

    /// <summary>Whether LINQ operators over <c>IAsyncEnumerable&lt;T&gt;</c> are in the compilation (the BCL's on net10.0, System.Linq.Async's elsewhere).</summary>
    public bool HasAsyncLinq { get; }

    public CSharpParseOptions ParseOptions { get; }

    public ImmutableArray<MetadataReference> References => references.Value;

    /// <summary>Nullable enabled, as in this repository's projects, where the C# version has it (a C# 7.3 project cannot enable it).</summary>
    public CSharpCompilationOptions CompilationOptions =>
        new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable)
            .WithSpecificDiagnosticOptions(SdkSuppressions);

    public override string ToString() => Name;

    private static readonly Lazy<ImmutableArray<MetadataReference>> HostReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ODataTypeAttribute).Assembly.Location))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80References = new(() => ReadReferenceList("net8.0.txt"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetStandard20References = new(() => ReadReferenceList("netstandard2.0.txt"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80AsyncLinq = new(() => ReadReferenceList("net8.0.System.Linq.Async.txt"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetStandard20AsyncLinq = new(() => ReadReferenceList("netstandard2.0.System.Linq.Async.txt"));

    /// <summary>The test host's own framework (net10.0, whose BCL has System.Linq.AsyncEnumerable) and the latest C#.</summary>
    public static ConsumerTarget Host { get; } = new("net10.0", () => HostReferences.Value, LanguageVersion.Latest, hasAsyncLinq: true);

    /// <summary>net8.0 with the C# version the SDK gives it by default (12).</summary>
    public static ConsumerTarget Net80 { get; } = new("net8.0, C# 12", () => Net80References.Value, LanguageVersion.CSharp12, hasAsyncLinq: false);

    public static ConsumerTarget Net80Latest { get; } = new("net8.0, C# latest", () => Net80References.Value, LanguageVersion.Latest, hasAsyncLinq: false);

    public static ConsumerTarget Net80WithSystemLinqAsync { get; } =
        new("net8.0, C# 12, System.Linq.Async", () => Net80References.Value.AddRange(Net80AsyncLinq.Value), LanguageVersion.CSharp12, hasAsyncLinq: true);

    /// <summary>
    /// netstandard2.0 with C# 9, the oldest version generated code compiles under (the SDK's default for netstandard2.0
    /// is 7.3: see <see cref="TooOld"/>).
    /// </summary>
    public static ConsumerTarget NetStandard20 { get; } = new("netstandard2.0, C# 9", () => NetStandard20References.Value, LanguageVersion.CSharp9, hasAsyncLinq: false);

    public static ConsumerTarget NetStandard20Latest { get; } = new("netstandard2.0, C# latest", () => NetStandard20References.Value, LanguageVersion.Latest, hasAsyncLinq: false);

    public static ConsumerTarget NetStandard20WithSystemLinqAsync { get; } =
        new("netstandard2.0, C# latest, System.Linq.Async", () => NetStandard20References.Value.AddRange(NetStandard20AsyncLinq.Value), LanguageVersion.Latest, hasAsyncLinq: true);

    /// <summary>
    /// Targets whose C# the generator refuses (UIPC0013): netstandard2.0 as the SDK leaves it when the project sets no
    /// LangVersion (7.3), and C# 8, which has nullable annotations but not the static lambdas generated code uses.
    /// </summary>
    public static IReadOnlyList<ConsumerTarget> TooOld { get; } = new[]
    {
        new ConsumerTarget("netstandard2.0, C# 7.3", () => NetStandard20References.Value, LanguageVersion.CSharp7_3, hasAsyncLinq: false),
        new ConsumerTarget("netstandard2.0, C# 8", () => NetStandard20References.Value, LanguageVersion.CSharp8, hasAsyncLinq: false),
    };

    /// <summary>Every target generated code must compile in.</summary>
    public static IReadOnlyList<ConsumerTarget> Supported { get; } = new[]
    {
        Host, Net80, Net80Latest, Net80WithSystemLinqAsync, NetStandard20, NetStandard20Latest, NetStandard20WithSystemLinqAsync,
    };

    /// <summary>Names of <see cref="Supported"/> for xunit theories (names keep test cases readable and serializable).</summary>
    public static TheoryData<string> SupportedNames() => NamesOf(Supported);

    /// <summary>Names of <see cref="TooOld"/> for xunit theories.</summary>
    public static TheoryData<string> TooOldNames() => NamesOf(TooOld);

    public static ConsumerTarget Named(string name) =>
        Supported.Concat(TooOld).Single(target => target.Name == name);

    private static TheoryData<string> NamesOf(IEnumerable<ConsumerTarget> targets)
    {
        var data = new TheoryData<string>();
        foreach (var target in targets)
        {
            data.Add(target.Name);
        }

        return data;
    }

    private static ImmutableArray<MetadataReference> ReadReferenceList(string fileName)
    {
        var listPath = Path.Combine(AppContext.BaseDirectory, "ConsumerReferences", fileName);
        Assert.True(File.Exists(listPath), $"{listPath} is missing: the test project's build writes it (target WriteConsumerReferenceLists).");
        var paths = File.ReadAllLines(listPath).Where(line => line.Length > 0).ToList();
        var missing = paths.Where(path => !File.Exists(path)).ToList();
        Assert.True(missing.Count == 0, $"{fileName} lists assemblies that do not exist:\n  " + string.Join("\n  ", missing));
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
