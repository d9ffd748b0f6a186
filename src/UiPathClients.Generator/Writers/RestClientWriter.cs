using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// The REST client of an OpenAPI description: a root client with one sub-client per group (first tag, else
/// first path segment), each with one method per operation on the runtime's <c>RestConnection</c>. Every
/// operation has a private request builder, a method returning the body and one returning the whole answer.
/// </summary>
internal sealed class RestClientWriter
{
    private readonly EmitContext _context;
    private readonly ConstraintsWriter _constraints;
    private readonly RestAnswerShapes _shapes;

    public RestClientWriter(EmitContext context, ConstraintsWriter constraints)
    {
        _context = context;
        _constraints = constraints;
        _shapes = new RestAnswerShapes(context);
    }

    /// <summary>Names the operation methods use for their own parameters and lambda parameters.</summary>
    internal static readonly string[] RestLocalNames = { "cancellationToken", "continuation", "token", "sequenceId", "process", "maxBatches", "page", "batch" };

    /// <summary>
    /// Headers the description may list as parameters but the client itself sets (OpenAPI says to ignore them).
    /// <c>Content-Type</c> is not among them: a description that lists it lets the caller choose the media type (one
    /// of several the operation consumes, or a header the service checks on a bodiless call), so it is a parameter.
    /// </summary>
    internal static readonly string[] ReservedHeaders = { "Accept", "Authorization" };

    public IEnumerable<GeneratedFile> Write(CancellationToken cancellationToken)
    {
        if (_context.Model.RestOperations.Count == 0)
        {
            yield break;
        }

        yield return new GeneratedFile(_context.FileHint(null, _context.ServiceClientName), ViewRenderer.RenderCodeFile(BuildRestClientView()));
        for (var index = 0; index < _context.Plan.RestGroups.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = _context.Plan.RestGroups[index];
            var className = _context.RestGroupClassNames[group.Key];
            yield return new GeneratedFile(_context.FileHint("Operations", className), ViewRenderer.RenderCodeFile(BuildRestGroupView(group, index, className)));
        }
    }

    private CodeFileView BuildRestClientView()
    {
        var name = _context.ServiceClientName;
        var ensureSuccess = _context.Plan.ResponseCheck == ResponseCheck.CommunicationsMiningEnvelope
            ? CommunicationsMining + "CommunicationsMiningResponse.EnsureSuccessAsync"
            : "null";
        var server = _context.Model.DefaultServer is null ? "the API's server URL" : $"the API's server URL, e.g. <c>{DocComment.Escape(_context.Model.DefaultServer)}</c>";
        var members = new List<MemberView>();
        if (_context.Model.DefaultServer is not null)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>The first server URL of the API description; use it as the HTTP client's base address unless you talk to another deployment.</summary>")
                .Line($"public const string DefaultServerUrl = {Literal(_context.Model.DefaultServer)};")
                .ToMember());
        }

        members.Add(new CodeLines()
            .Line("/// <summary>Creates the client.</summary>")
            .Line($"/// <param name=\"httpClient\">The HTTP client: its base address is {server}; its handlers authenticate, retry and log.</param>")
            .Line($"public {name}(global::System.Net.Http.HttpClient httpClient)")
            .Indent().Line($": this(new {Rest}RestConnection(httpClient, global::{_context.Model.Namespace}.{_context.JsonMetadataName}.Default, {ensureSuccess}))").Outdent()
            .Open().Close()
            .ToMember());

        var groups = _context.Plan.RestGroups;
        var scope = new NameScope(new[] { "Connection", name }.Concat(ReservedNames.ObjectMembers));
        var accessors = groups.Select(group => (Group: group.Key, Property: scope.Claim(group.Key))).ToList();
        var constructor = new CodeLines()
            .Line("/// <summary>Creates the client over an existing connection.</summary>")
            .Line($"public {name}({Rest}RestConnection connection)")
            .Open()
            .Line("Connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));");
        foreach (var (group, property) in accessors)
        {
            constructor.Line($"{property} = new global::{_context.Model.Namespace}.{_context.RestGroupClassNames[group]}(connection);");
        }

        members.Add(constructor.Close().ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>The connection every request goes through.</summary>")
            .Line($"public {Rest}RestConnection Connection {{ get; }}")
            .ToMember());
        foreach (var (group, property) in accessors)
        {
            members.Add(new CodeLines()
                .Line($"/// <summary>The <c>{DocComment.Escape(group)}</c> operations.</summary>")
                .Line($"public global::{_context.Model.Namespace}.{_context.RestGroupClassNames[group]} {property} {{ get; }}")
                .ToMember());
        }

        return new CodeFileView
        {
            Namespace = _context.Model.Namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed client of the <c>{DocComment.Escape(_context.Model.ClientName)}</c> API: one property per group of operations.",
                "/// Cheap to create; share the <see cref=\"global::System.Net.Http.HttpClient\"/>.",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {name}",
            Members = members,
        };
    }

    private CodeFileView BuildRestGroupView(RestGroupPlan groupPlan, int groupIndex, string className)
    {
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>Creates the operations client.</summary>")
                .Line($"public {className}({Rest}RestConnection connection)")
                .Open()
                .Line("Connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));")
                .Close()
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>The connection every request goes through.</summary>")
                .Line($"public {Rest}RestConnection Connection {{ get; }}")
                .ToMember(),
        };

        var group = groupPlan.Key;
        var names = _context.Plan.Names.RestGroups[groupIndex];
        var methods = groupPlan.Operations.Select((operation, index) => new RestMethod(operation, names.Methods[index], _context, _shapes, _constraints)).ToList();
        foreach (var method in methods)
        {
            members.AddRange(method.Members(methods));
        }

        members.AddRange(StreamProcessors(groupPlan.StreamLoops, names.StreamLoops, methods));

        return new CodeFileView
        {
            Namespace = _context.Model.Namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = new[] { $"/// <summary>The <c>{DocComment.Escape(group)}</c> operations of <see cref=\"global::{_context.Model.Namespace}.{_context.ServiceClientName}\"/>.</summary>" },
            Declaration = $"public sealed partial class {className}",
            Members = members,
        };
    }

    /// <summary>
    /// A <c>ProcessAsync</c> helper per stream the convention finds (<see cref="StreamLoopConvention"/>), running the
    /// fetch → process → advance loop.
    /// </summary>
    private IEnumerable<MemberView> StreamProcessors(EquatableArray<StreamLoopConvention> loops, EquatableArray<string> loopNames, List<RestMethod> methods)
    {
        for (var loopIndex = 0; loopIndex < loops.Count; loopIndex++)
        {
            var loop = loops[loopIndex];
            var fetch = methods.First(method => method.Operation == loop.Fetch);
            var advance = methods.First(method => method.Operation == loop.Advance);
            var batchType = _context.TypesByQualifiedName[loop.BatchType];
            var advanceBody = _context.TypesByQualifiedName[loop.AdvanceBodyType];
            var results = _shapes.PlannedProperty(batchType, loop.ResultsJsonName);
            var batchSequenceId = _shapes.PlannedProperty(batchType, loop.SequenceIdJsonName);
            var isEndSequence = _shapes.PlannedProperty(batchType, loop.IsEndJsonName);
            var advanceSequenceId = _shapes.PlannedProperty(advanceBody, loop.AdvanceSequenceIdJsonName);
            if (fetch.Body is null)
            {
                throw new InvalidOperationException($"The stream loop of '{loop.Fetch.Name}' needs a JSON request body.");
            }

            var name = loopNames[loopIndex];
            var batchFull = _context.TypeFullName(batchType.QualifiedName);
            var resultType = _context.TypeMapper.MapSingle(results.Model.Type.QualifiedName, results.Model.Type.IsNullable);
            var pathArguments = string.Concat(fetch.PathParameters.Select(parameter => parameter.CSharpName + ", "));
            var lines = new CodeLines()
                .Line("/// <summary>")
                .Line($"/// Runs the stream loop: fetches a batch (<see cref=\"{fetch.WithResponseName}\"/>), hands every result to")
                .Line($"/// <paramref name=\"process\"/> in order, and only then advances past the batch (<see cref=\"{advance.WithResponseName}\"/>).")
                .Line("/// A result that throws stops the loop without advancing, so that batch is fetched again next time; nothing is skipped.")
                .Line("/// </summary>");
            foreach (var parameter in fetch.PathParameters)
            {
                lines.Line($"/// <param name=\"{parameter.CSharpName}\">The <c>{DocComment.Escape(parameter.Model.Name)}</c> path parameter.</param>");
            }

            lines.Line($"/// <param name=\"{fetch.Body.CSharpName}\">The fetch request (batch size, filters).</param>")
                .Line("/// <param name=\"process\">Processes one result; the stream advances past a batch only after all its results were processed.</param>")
                .Line("/// <param name=\"maxBatches\">At most this many batches; <see langword=\"null\"/> to stop only at the end of the stream.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the loop; a batch that was not completely processed is not advanced.</param>")
                .Line("/// <returns>How many results were processed.</returns>");
            if (fetch.Operation.IsDeprecated || advance.Operation.IsDeprecated)
            {
                lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
            }

            lines.Line($"public global::System.Threading.Tasks.Task<int> {name}({string.Join(", ", fetch.PathParameters.Select(parameter => parameter.Declaration).Concat(new[] { fetch.Body.PlainDeclaration, $"global::System.Func<{resultType}, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> process", "int? maxBatches = null", CancellationTokenParameter }))}) =>")
                .Indent()
                .Line($"{Rest}StreamProcessing.ProcessAsync<{batchFull}, {resultType}>(")
                .Indent()
                .Line($"async token => (await {fetch.WithResponseName}({pathArguments}{fetch.Body.CSharpName}, token).ConfigureAwait(false)).Value,")
                .Line($"batch => batch.{results.CSharpName},")
                .Line($"batch => batch.{batchSequenceId.CSharpName},")
                .Line($"batch => batch.{isEndSequence.CSharpName},")
                .Line($"(sequenceId, token) => {advance.WithResponseName}({pathArguments}new {_context.TypeFullName(advanceBody.QualifiedName)} {{ {advanceSequenceId.CSharpName} = sequenceId }}, token),")
                .Line("process,")
                .Line("maxBatches,")
                .Line("cancellationToken);")
                .Outdent()
                .Outdent();
            yield return lines.ToMember();
        }
    }


    /// <summary>Every type a REST operation serializes or reads, so the JSON metadata knows its list and nullable forms.</summary>
    internal static IEnumerable<TypeReference> RestTypesUsed(RestOperationModel operation)
    {
        var fields = operation.Body?.Fields ?? EquatableArray<RestParameterModel>.Empty;
        foreach (var parameter in operation.Parameters.Concat(fields).Where(parameter => parameter.Type.QualifiedName != "Edm.Stream"))
        {
            // Optional scalars are passed as their nullable form (for lists and maps, nullability is the items').
            yield return parameter.IsRequired || parameter.Type.IsCollection || parameter.Type.IsMap ? parameter.Type : parameter.Type with { IsNullable = true };
        }

        if (operation.Body?.Type is { } body)
        {
            yield return body;
        }

        foreach (var response in operation.Errors.Concat(operation.Success is null ? Enumerable.Empty<RestResponseModel>() : new[] { operation.Success }))
        {
            if (response.Type is { } type)
            {
                yield return type;
            }
        }
    }
}
