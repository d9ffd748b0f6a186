using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// The REST client of an OpenAPI description: a root client with one sub-client per group (first tag, else
/// first path segment), each with one method per operation on the runtime's <c>RestConnection</c>. Every
/// operation has a private request builder, a method returning the body and one returning the whole answer.
/// </summary>
internal sealed partial class ClientEmitter
{
    private const string Rest = "global::UiPathClients.Runtime.Rest.";

    /// <summary>Names the operation methods use for their own parameters and lambda parameters.</summary>
    private static readonly string[] RestLocalNames = { "cancellationToken", "continuation", "token", "sequenceId", "process", "maxBatches", "page", "batch" };

    /// <summary>Words after which the group's noun is part of the meaning (<c>GetThreadsBySource</c>), so it stays.</summary>
    private static readonly string[] Prepositions = { "By", "From", "In", "Of", "For", "To", "With", "On", "At", "Into", "Per" };

    /// <summary>
    /// Headers the description may list as parameters but the client itself sets (OpenAPI says to ignore them).
    /// <c>Content-Type</c> is not among them: a description that lists it lets the caller choose the media type (one
    /// of several the operation consumes, or a header the service checks on a bodiless call), so it is a parameter.
    /// </summary>
    private static readonly string[] ReservedHeaders = { "Accept", "Authorization" };

    private IEnumerable<GeneratedFile> EmitRestClient(CancellationToken cancellationToken)
    {
        if (_model.RestOperations.Count == 0)
        {
            yield break;
        }

        yield return new GeneratedFile(FileHint(null, _serviceClientName), TemplateRenderer.RenderCodeFile(BuildRestClientView()));
        foreach (var group in _plan.RestGroups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var className = _restGroupClassNames[group.Key];
            yield return new GeneratedFile(FileHint("Operations", className), TemplateRenderer.RenderCodeFile(BuildRestGroupView(group, className)));
        }
    }

    private CodeFileView BuildRestClientView()
    {
        var name = _serviceClientName;
        var ensureSuccess = _plan.ResponseCheck == ResponseCheck.CommunicationsMiningEnvelope
            ? "global::UiPathClients.Runtime.CommunicationsMining.CommunicationsMiningResponse.EnsureSuccessAsync"
            : "null";
        var server = _model.DefaultServer is null ? "the API's server URL" : $"the API's server URL, e.g. <c>{DocComment.Escape(_model.DefaultServer)}</c>";
        var members = new List<MemberView>();
        if (_model.DefaultServer is not null)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>The first server URL of the API description; use it as the HTTP client's base address unless you talk to another deployment.</summary>")
                .Line($"public const string DefaultServerUrl = {Literal(_model.DefaultServer)};")
                .ToMember());
        }

        members.Add(new CodeLines()
            .Line("/// <summary>Creates the client.</summary>")
            .Line($"/// <param name=\"httpClient\">The HTTP client: its base address is {server}; its handlers authenticate, retry and log.</param>")
            .Line($"public {name}(global::System.Net.Http.HttpClient httpClient)")
            .Indent().Line($": this(new {Rest}RestConnection(httpClient, global::{_model.Namespace}.{_jsonMetadataName}.Default, {ensureSuccess}))").Outdent()
            .Open().Close()
            .ToMember());

        var groups = _plan.RestGroups;
        var scope = new NameScope(new[] { "Connection", name }.Concat(ObjectMemberNames));
        var accessors = groups.Select(group => (Group: group.Key, Property: scope.Claim(group.Key))).ToList();
        var constructor = new CodeLines()
            .Line("/// <summary>Creates the client over an existing connection.</summary>")
            .Line($"public {name}({Rest}RestConnection connection)")
            .Open()
            .Line("Connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));");
        foreach (var (group, property) in accessors)
        {
            constructor.Line($"{property} = new global::{_model.Namespace}.{_restGroupClassNames[group]}(connection);");
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
                .Line($"public global::{_model.Namespace}.{_restGroupClassNames[group]} {property} {{ get; }}")
                .ToMember());
        }

        return new CodeFileView
        {
            Namespace = _model.Namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed client of the <c>{DocComment.Escape(_model.ClientName)}</c> API: one property per group of operations.",
                "/// Cheap to create; share the <see cref=\"global::System.Net.Http.HttpClient\"/>.",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {name}",
            Members = members,
        };
    }

    private CodeFileView BuildRestGroupView(RestGroupPlan groupPlan, string className)
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

        var scope = new NameScope(new[] { "Connection", className }.Concat(ObjectMemberNames), StringComparer.Ordinal);
        var group = groupPlan.Key;
        var methods = OperationBaseNames(group, groupPlan.Operations).Select(named => new RestMethod(named.Operation, this, named.BaseName, scope)).ToList();
        foreach (var method in methods)
        {
            members.AddRange(method.Members(methods));
        }

        members.AddRange(StreamProcessors(groupPlan.StreamLoops, methods, scope));

        return new CodeFileView
        {
            Namespace = _model.Namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[] { $"/// <summary>The <c>{DocComment.Escape(group)}</c> operations of <see cref=\"global::{_model.Namespace}.{_serviceClientName}\"/>.</summary>" },
            Declaration = $"public sealed partial class {className}",
            Members = members,
        };
    }

    /// <summary>
    /// Method names without the group: <c>Jobs_GetById</c> in <c>Jobs</c> → <c>GetById</c>, <c>getDataset</c> in
    /// <c>Datasets</c> → <c>Get</c>. A name that would then clash with another operation's keeps its full form.
    /// </summary>
    private static List<(RestOperationPlan Operation, string BaseName)> OperationBaseNames(string group, EquatableArray<RestOperationPlan> operations)
    {
        var candidates = operations.Select(operation =>
        {
            var full = CSharpIdentifier.ToPascalCase(operation.Operation.Name);
            return (Operation: operation, Full: full, Short: WithoutGroupNoun(WithoutGroupPrefix(full, group), group));
        }).ToList();
        var shortCounts = candidates.GroupBy(candidate => candidate.Short, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // operationIds that are one name after PascalCase (get_item, getItem, GetItem) are numbered on the base name, so each
        // operation's methods share one number: GetItem2Async, GetItem2WithResponseAsync, CreateGetItem2Request.
        var unique = new NameScope();
        return candidates.Select(candidate => (Operation: candidate.Operation, BaseName: unique.Claim(shortCounts[candidate.Short] == 1 ? candidate.Short : candidate.Full))).ToList();
    }

    private static string WithoutGroupPrefix(string name, string group) =>
        name.Length > group.Length && name.StartsWith(group, StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[group.Length])
            ? name.Substring(group.Length)
            : name;

    private static string WithoutGroupNoun(string name, string group)
    {
        var nouns = new List<string> { group };
        if (group.EndsWith("ies", StringComparison.Ordinal) && group.Length > 3)
        {
            nouns.Add(group.Substring(0, group.Length - 3) + "y");
        }
        else if (group.EndsWith("s", StringComparison.Ordinal) && group.Length > 1)
        {
            nouns.Add(group.Substring(0, group.Length - 1));
        }

        foreach (var noun in nouns)
        {
            for (var index = name.IndexOf(noun, 1, StringComparison.Ordinal); index > 0; index = name.IndexOf(noun, index + 1, StringComparison.Ordinal))
            {
                var end = index + noun.Length;
                var atWordEnd = end == name.Length || char.IsUpper(name[end]) || char.IsDigit(name[end]);
                var before = name.Substring(0, index);
                if (atWordEnd && char.IsLower(before[before.Length - 1]) && !Prepositions.Any(word => before.EndsWith(word, StringComparison.Ordinal)))
                {
                    return before + name.Substring(end);
                }
            }
        }

        return name;
    }

    /// <summary>
    /// A <c>ProcessAsync</c> helper per stream the convention finds (<see cref="StreamLoopConvention"/>), running the
    /// fetch → process → advance loop.
    /// </summary>
    private IEnumerable<MemberView> StreamProcessors(EquatableArray<StreamLoopConvention> loops, List<RestMethod> methods, NameScope scope)
    {
        foreach (var loop in loops)
        {
            var fetch = methods.First(method => method.Operation == loop.Fetch);
            var advance = methods.First(method => method.Operation == loop.Advance);
            var batchType = _typesByQualifiedName[loop.BatchType];
            var advanceBody = _typesByQualifiedName[loop.AdvanceBodyType];
            var results = ConventionProperty(batchType, loop.ResultsJsonName);
            var batchSequenceId = ConventionProperty(batchType, loop.SequenceIdJsonName);
            var isEndSequence = ConventionProperty(batchType, loop.IsEndJsonName);
            var advanceSequenceId = ConventionProperty(advanceBody, loop.AdvanceSequenceIdJsonName);
            if (fetch.Body is null)
            {
                throw new InvalidOperationException($"The stream loop of '{loop.Fetch.Name}' needs a JSON request body.");
            }

            var name = scope.Claim("ProcessAsync");
            var batchFull = TypeFullName(batchType.QualifiedName);
            var resultType = _typeMapper.MapSingle(results.Model.Type.QualifiedName, results.Model.Type.IsNullable);
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
                .Line($"(sequenceId, token) => {advance.WithResponseName}({pathArguments}new {TypeFullName(advanceBody.QualifiedName)} {{ {advanceSequenceId.CSharpName} = sequenceId }}, token),")
                .Line("process,")
                .Line("maxBatches,")
                .Line("cancellationToken);")
                .Outdent()
                .Outdent();
            yield return lines.ToMember();
        }
    }

    /// <summary>One operation's methods: the request builder, the body method, the whole-answer method and, when it pages, the enumerator.</summary>
    private sealed class RestMethod
    {
        private readonly ClientEmitter _emitter;
        private readonly string _baseName;
        private readonly string _buildName;
        private readonly string? _valueName;
        private readonly string? _pagingName;
        private readonly string? _nextPageBuildName;
        private readonly List<RestParameter> _parameters = new();
        private readonly List<RestParameter> _constants = new();

        public RestMethod(RestOperationPlan plan, ClientEmitter emitter, string baseName, NameScope scope)
        {
            var operation = plan.Operation;
            Operation = operation;
            _emitter = emitter;
            _baseName = baseName;
            var parameterScope = new NameScope(RestLocalNames);
            foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Path))
            {
                _parameters.Add(new RestParameter(parameter, emitter, parameterScope));
            }

            // Path parameters in the order the path names them: the call reads like the URL.
            _parameters.Sort((left, right) => operation.PathPosition(left.Model.Name).CompareTo(operation.PathPosition(right.Model.Name)));
            if (operation.Body is { } body)
            {
                if (body.Encoding is BodyEncoding.Form or BodyEncoding.Multipart)
                {
                    _parameters.AddRange(body.Fields.Select(field => new RestParameter(field, emitter, parameterScope, body.Encoding)));
                }
                else
                {
                    Body = new RestParameter(body, emitter, parameterScope);
                    _parameters.Add(Body);
                }
            }

            _parameters.AddRange(operation.Parameters
                .Where(parameter => parameter.Location != ParameterLocation.Path)
                .Where(parameter => !(parameter.Location == ParameterLocation.Header && ReservedHeaders.Any(header => string.Equals(header, parameter.Name, StringComparison.OrdinalIgnoreCase))))
                .Select(parameter => new RestParameter(parameter, emitter, parameterScope)));

            // Constants (a one-value enum) are sent by the request builder; the methods do not ask for them.
            _constants.AddRange(_parameters.Where(parameter => parameter.IsConstant));
            _parameters.RemoveAll(parameter => parameter.IsConstant);

            // Required parameters first, C# needs optional ones last; the order among each keeps the description's.
            var ordered = _parameters.Where(parameter => parameter.IsRequired).Concat(_parameters.Where(parameter => !parameter.IsRequired)).ToList();
            _parameters.Clear();
            _parameters.AddRange(ordered);

            IsDownload = operation.Success?.Encoding == BodyEncoding.Binary;
            _buildName = scope.Claim("Create" + baseName + "Request");
            if (IsDownload)
            {
                WithResponseName = scope.Claim(baseName + "Async");
            }
            else
            {
                _valueName = scope.Claim(baseName + "Async");
                WithResponseName = scope.Claim(baseName + "WithResponseAsync");
            }

            Envelope = emitter.EnvelopeShapeFor(plan);
            Paging = emitter.ContinuationPagingShapeFor(plan, this);
            if (Paging is not null)
            {
                _pagingName = scope.Claim(baseName + "AllAsync");
            }

            NextLinkPaging = Paging is null && !IsDownload && operation.Paging is { } pageable ? emitter.NextLinkPaging(operation, pageable) : null;
            if (NextLinkPaging is not null)
            {
                _pagingName = scope.Claim(baseName + "AllAsync");
                if (NextLinkPaging.NextOperationName is null && NextLinkPaging.NextLinkProperty is not null)
                {
                    _nextPageBuildName = scope.Claim("Create" + baseName + "NextPageRequest");
                }
            }
        }

        /// <summary>AutoRest paging (<c>x-ms-pageable</c>): the answer's items and the link to the next page.</summary>
        public NextLinkShape? NextLinkPaging { get; }

        /// <summary>The request builder's name, for another operation's pager that fetches its next pages with this one.</summary>
        public string BuildName => _buildName;

        public RestOperationModel Operation { get; }

        public RestParameter? Body { get; }

        public bool IsDownload { get; }

        public string WithResponseName { get; }

        public IEnumerable<RestParameter> PathParameters => _parameters.Where(parameter => parameter.Model.Location == ParameterLocation.Path);

        public IReadOnlyList<RestParameter> Parameters => _parameters;

        /// <summary>The envelope's payload: the one property besides <c>status</c>; absent when the answer is not such an envelope.</summary>
        public EnvelopeShape? Envelope { get; }

        public PagingShape? Paging { get; }

        /// <summary>A <c>HEAD</c> without a body that declares <c>404</c>: it asks whether something exists, so it answers a bool.</summary>
        private bool IsExistenceCheck =>
            Operation.Method == "HEAD" && Operation.Success?.Type is null && Operation.Success?.Encoding != BodyEncoding.Text && Operation.ExpectedStatuses.Contains(404);

        public IEnumerable<MemberView> Members(IReadOnlyList<RestMethod> siblings)
        {
            yield return BuildRequestMethod();
            if (IsDownload)
            {
                yield return PublicMethod(WithResponseName, $"global::System.Threading.Tasks.Task<{Rest}RestStreamResponse>", $"{_buildName}({Arguments()}).SendForStreamAsync(cancellationToken)", "The answer, its body unbuffered: dispose it once the content is read.");
                yield break;
            }

            var answer = Answer();
            var valueReturns = IsExistenceCheck
                ? "<see langword=\"true\"/> when the service answered 2xx, <see langword=\"false\"/> when it answered 404."
                : "The answer's body.";
            yield return PublicMethod(_valueName!, Task(answer.ValueType), answer.ValueExpression, valueReturns, isAsync: answer.ValueAwaits);
            yield return PublicMethod(WithResponseName, Task(answer.ResponseType), $"{_buildName}({Arguments()}).{answer.Send}cancellationToken)", "The whole answer: status, headers, <c>Server-Timing</c> and body.");
            if (Paging is { } paging)
            {
                yield return PagingMethod(paging);
            }

            if (NextLinkPaging is { } nextLinkPaging)
            {
                if (_nextPageBuildName is not null)
                {
                    yield return NextPageRequestMethod();
                }

                if (NextLinkPagingMethod(nextLinkPaging, siblings) is { } pager)
                {
                    yield return pager;
                }
            }
        }

        /// <summary>Query parameters a next-page link must carry with the caller's value, whatever the link says: the API version.</summary>
        private IEnumerable<RestParameter> CallerQueryOnNextPages() =>
            _parameters.Where(parameter => parameter.Model.Location == ParameterLocation.Query && string.Equals(parameter.Model.Name, "api-version", StringComparison.OrdinalIgnoreCase));

        private MemberView NextPageRequestMethod()
        {
            var carried = CallerQueryOnNextPages().ToList();
            var linkName = new NameScope(carried.Select(parameter => parameter.CSharpName)).Claim("nextPageLink");
            var lines = new CodeLines()
                .Line($"private {Rest}RestRequest {_nextPageBuildName}({string.Join(", ", new[] { "global::System.Uri " + linkName }.Concat(carried.Select(parameter => parameter.PlainDeclaration)))})")
                .Open()
                .Line($"var request = Connection.CreateNextPageRequest({linkName});");

            // Azure-style services link the next page without the API version, or with their own: the caller's one is sent.
            foreach (var parameter in carried)
            {
                lines.Line($"request.ReplaceQuery({Literal(parameter.Model.Name)}, {parameter.CSharpName});");
            }

            foreach (var error in Operation.Errors)
            {
                lines.Line($"request.WithError<{_emitter._typeMapper.Map(error.Type!)}>({Literal(error.StatusCode)});");
            }

            foreach (var status in Operation.ExpectedStatuses)
            {
                lines.Line($"request.WithExpectedStatus({status.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
            }

            return lines.Line("return request;").Close().ToMember();
        }

        /// <summary>
        /// The pager of an <c>x-ms-pageable</c> operation: the first page from this operation, the next ones from the link
        /// the previous page gave (a <c>GET</c> of it, resolved against that page's URI), or, with <c>operationName</c>,
        /// from that operation called with the link and this call's arguments of the same names.
        /// </summary>
        private MemberView? NextLinkPagingMethod(NextLinkShape paging, IReadOnlyList<RestMethod> siblings)
        {
            var answer = Answer();
            var pageType = answer.ResponseType;
            var send = answer.Send;
            var first = $"{_buildName}({Arguments()}).{send}token)";
            string fetch;
            string nextToken;
            if (paging.NextLinkProperty is null)
            {
                fetch = first;
                nextToken = "page => null";
            }
            else if (paging.NextOperationName is null)
            {
                var carried = string.Concat(CallerQueryOnNextPages().Select(parameter => ", " + parameter.CSharpName));
                fetch = $"continuation is null ? {first} : {_nextPageBuildName}(new global::System.Uri(continuation){carried}).{send}token)";
                nextToken = $"page => page.ResolveLink(page.Value?.{paging.NextLinkProperty})?.AbsoluteUri";
            }
            else
            {
                var next = siblings.FirstOrDefault(method => string.Equals(method.Operation.Name, paging.NextOperationName, StringComparison.Ordinal));
                if (next is null || next.Operation.Success?.Type != Operation.Success?.Type || next.NextArguments(this) is not { } nextArguments)
                {
                    return null;
                }

                fetch = $"continuation is null ? {first} : {next.BuildName}({nextArguments}).{send}token)";
                nextToken = $"page => page.Value?.{paging.NextLinkProperty}";
            }

            var lines = new CodeLines().Lines(Documentation($"Every item of every page (<c>{DocComment.Escape(paging.ItemsJsonName)}</c>), requesting the next page only when the previous one is consumed."));
            if (Operation.IsDeprecated)
            {
                lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
            }

            var declaration = string.Join(", ", _parameters.Select(parameter => parameter.Declaration).Concat(new[] { CancellationTokenParameter }));
            return lines
                .Line($"public global::System.Collections.Generic.IAsyncEnumerable<{paging.ItemType}> {_pagingName}({declaration}) =>")
                .Indent()
                .Line($"{Rest}ContinuationPaging.EnumerateAsync<{pageType}, {paging.ItemType}>(")
                .Indent()
                .Line("null,")
                .Line($"(continuation, token) => {fetch},")
                .Line($"page => page.Value?.{paging.ItemsProperty},")
                .Line(nextToken + ",")
                .Line("cancellationToken);")
                .Outdent()
                .Outdent()
                .ToMember();
        }

        /// <summary>
        /// This operation's request builder arguments when it fetches a next page for <paramref name="first"/>'s pager:
        /// its <c>nextLink</c> parameter takes the link, the others <paramref name="first"/>'s arguments of the same name
        /// and location; <see langword="null"/> when a required one has no counterpart.
        /// </summary>
        public string? NextArguments(RestMethod first)
        {
            var arguments = new List<string>();
            foreach (var parameter in _parameters)
            {
                if (parameter.Model.Location == ParameterLocation.Path && string.Equals(parameter.Model.Name, "nextLink", StringComparison.OrdinalIgnoreCase))
                {
                    arguments.Add("continuation");
                }
                else if (first._parameters.FirstOrDefault(own => own.Model.Name == parameter.Model.Name && own.Model.Location == parameter.Model.Location) is { } same)
                {
                    arguments.Add(same.CSharpName);
                }
                else if (!parameter.IsRequired)
                {
                    arguments.Add("default");
                }
                else
                {
                    return null;
                }
            }

            return string.Join(", ", arguments);
        }

        /// <summary>The answer's C# shape (see <see cref="AnswerShape"/>).</summary>
        private AnswerShape Answer()
        {
            var success = Operation.Success;
            var call = $"{WithResponseName}({string.Concat(_parameters.Select(parameter => parameter.CSharpName + ", "))}cancellationToken)";
            var awaited = $"(await {call}.ConfigureAwait(false))";
            if (success?.Encoding == BodyEncoding.Text)
            {
                return new AnswerShape($"{Rest}RestResponse<string>", "SendForTextAsync(", "string", awaited + ".Value", ValueAwaits: true);
            }

            if (success?.Type is not { } type)
            {
                return IsExistenceCheck
                    ? new AnswerShape($"{Rest}RestResponse", "SendAsync(", "bool", awaited + ".IsSuccessStatusCode", ValueAwaits: true)
                    : new AnswerShape($"{Rest}RestResponse", "SendAsync(", null, call, ValueAwaits: false);
            }

            var bodyType = _emitter._typeMapper.Map(type);
            var response = $"{Rest}RestResponse<{bodyType}>";
            // The send call up to its cancellation token: a formatted body (RFC 1123, unix time, base64url) names its converter.
            var send = _emitter._typeMapper.WireConverter(type, bodyType) is { } converter
                ? $"SendWithConverterAsync<{bodyType}>({converter}, "
                : $"SendAsync<{bodyType}>(";
            return Envelope switch
            {
                { PropertyName: null } => new AnswerShape(response, send, null, call, ValueAwaits: false),
                { } envelope => new AnswerShape(response, send, envelope.Type, $"{awaited}.Value.{envelope.PropertyName}", ValueAwaits: true),
                _ => new AnswerShape(response, send, bodyType, awaited + ".Value", ValueAwaits: true),
            };
        }

        /// <summary><c>Task</c>, or <c>Task&lt;T&gt;</c> of the awaited type.</summary>
        private static string Task(string? awaitedType) =>
            awaitedType is null ? "global::System.Threading.Tasks.Task" : $"global::System.Threading.Tasks.Task<{awaitedType}>";

        private MemberView BuildRequestMethod()
        {
            var lines = new CodeLines()
                .Line($"private {Rest}RestRequest {_buildName}({string.Join(", ", _parameters.Select(parameter => parameter.PlainDeclaration))})")
                .Open();

            // A required argument passed as null fails here, before anything is sent, naming the parameter.
            foreach (var parameter in _parameters.Where(parameter => parameter.RefusesNull))
            {
                lines.Line($"if ({parameter.CSharpName} is null)")
                    .Open()
                    .Line($"throw new global::System.ArgumentNullException(nameof({parameter.CSharpName}));")
                    .Close()
                    .Blank();
            }

            // Opt-in: the description's value constraints, checked before anything is sent.
            var checks = _emitter._constraintsName is null && !_parameters.Any(parameter => parameter.Model.Constraints is not null)
                ? new List<string>()
                : _emitter.ValidationLines(_parameters.Where(parameter => parameter.Model.Type.QualifiedName != "Edm.Stream").Select(parameter => (parameter.CSharpName, parameter.Model.Type, parameter.Model.Constraints)));
            if (checks.Count > 0)
            {
                lines.Line("if (Connection.ValidatesConstraints)").Open();
                foreach (var check in checks)
                {
                    lines.Line(check);
                }

                lines.Close().Blank();
            }

            lines.Line($"var request = Connection.CreateRequest({Literal(Operation.Method)}, {Literal(Operation.Path)});");
            foreach (var parameter in _parameters.Concat(_constants))
            {
                lines.Line(parameter.Apply("request"));
            }

            foreach (var error in Operation.Errors)
            {
                lines.Line($"request.WithError<{_emitter._typeMapper.Map(error.Type!)}>({Literal(error.StatusCode)});");
            }

            foreach (var status in Operation.ExpectedStatuses)
            {
                lines.Line($"request.WithExpectedStatus({status.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
            }

            // The body method returns Success's type; another 2xx declaring another type is read as that type.
            foreach (var other in Operation.OtherSuccesses.Where(other => other.Type is not null && int.TryParse(other.StatusCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                lines.Line($"request.WithSuccessBody<{_emitter._typeMapper.Map(other.Type!)}>({other.StatusCode});");
            }

            return lines.Line("return request;").Close().ToMember();
        }

        private MemberView PublicMethod(string name, string returnType, string expression, string returns, bool isAsync = false)
        {
            var lines = new CodeLines().Lines(Documentation(returns));
            if (Operation.IsDeprecated)
            {
                lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
            }

            var declaration = string.Join(", ", _parameters.Select(parameter => parameter.Declaration).Concat(new[] { CancellationTokenParameter }));
            return lines
                .Line($"public {(isAsync ? "async " : string.Empty)}{returnType} {name}({declaration}) =>")
                .Indent().Line(expression + ";").Outdent()
                .ToMember();
        }

        private MemberView PagingMethod(PagingShape paging)
        {
            var lines = new CodeLines().Lines(Documentation($"Every <c>{DocComment.Escape(paging.ItemsJsonName)}</c> item of every page, requesting the next page (<c>continuation</c>) only when the previous one is consumed."));
            if (Operation.IsDeprecated)
            {
                lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
            }

            var declaration = string.Join(", ", _parameters.Select(parameter => parameter.Declaration).Concat(new[] { CancellationTokenParameter }));
            var pageArguments = string.Join(", ", _parameters.Select(parameter => parameter == paging.TokenParameter ? "continuation" : parameter.CSharpName));
            var answer = Answer();
            var pageType = answer.ResponseType;
            var send = answer.Send;
            var fetch = paging.TokenParameter is null
                ? $"{_buildName}({pageArguments}).WithJsonBodyProperty({Literal(paging.RequestTokenJsonName)}, continuation).{send}token)"
                : $"{_buildName}({pageArguments}).{send}token)";
            return lines
                .Line($"public global::System.Collections.Generic.IAsyncEnumerable<{paging.ItemType}> {_pagingName}({declaration}) =>")
                .Indent()
                .Line($"{Rest}ContinuationPaging.EnumerateAsync<{pageType}, {paging.ItemType}>(")
                .Indent()
                .Line(paging.FirstToken + ",")
                .Line($"(continuation, token) => {fetch},")
                .Line($"page => page.Value.{paging.ItemsProperty},")
                .Line($"page => page.Value.{paging.NextTokenProperty},")
                .Line("cancellationToken);")
                .Outdent()
                .Outdent()
                .ToMember();
        }

        private List<string> Documentation(string returns)
        {
            var remarks = new List<string> { $"<c>{DocComment.Escape(Operation.Method)} {DocComment.Escape(Operation.Path)}</c> (<c>{DocComment.Escape(Operation.Name)}</c>)." };
            var lines = new List<string>(DocComment.Lines(Operation.Documentation, $"Calls <c>{DocComment.Escape(Operation.Name)}</c>.", remarks));
            foreach (var parameter in _parameters)
            {
                lines.Add($"/// <param name=\"{parameter.CSharpName.TrimStart('@')}\">{parameter.Summary}</param>");
            }

            lines.Add("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            lines.Add($"/// <returns>{returns}</returns>");
            if (_emitter._plan.ResponseCheck == ResponseCheck.CommunicationsMiningEnvelope)
            {
                lines.Add("/// <exception cref=\"global::UiPathClients.Runtime.Errors.CommunicationsMiningException\">The service answered with an error (<c>\"status\": \"error\"</c>).</exception>");
                lines.Add("/// <exception cref=\"global::UiPathClients.Runtime.Errors.CommunicationsMiningTransportException\">The request did not reach the service, or something on the way answered instead.</exception>");
            }

            lines.Add($"/// <exception cref=\"{Rest}RestApiException\">The service answered with an error status{(Operation.Errors.Count > 0 ? " (a declared error body throws the typed <see cref=\"" + Rest + "RestApiException{TError}\"/>)" : string.Empty)}.</exception>");
            return lines;
        }

        private string Arguments() => string.Join(", ", _parameters.Select(parameter => parameter.CSharpName));
    }

    /// <summary>One C# parameter of an operation method: a path/query/header/cookie parameter, a body field, or the body.</summary>
    private sealed class RestParameter
    {
        private readonly string _type;
        private readonly string _apply;

        /// <param name="model">The parameter or field.</param>
        /// <param name="emitter">The emitter, for type names.</param>
        /// <param name="scope">The method's parameter names.</param>
        /// <param name="fieldEncoding">For a body field: whether the body is a form or multipart.</param>
        public RestParameter(RestParameterModel model, ClientEmitter emitter, NameScope scope, BodyEncoding? fieldEncoding = null)
        {
            Model = model;
            IsRequired = model.IsRequired;
            IsConstant = model.Constant is not null;
            CSharpName = model.Constant is { } constant
                ? ConstantLiteral(constant, model.Type)
                : CSharpIdentifier.EscapeKeyword(scope.Claim(CSharpIdentifier.ToCamelCase(model.Name)));
            Summary = model.Documentation.Description is { Length: > 0 } description
                ? DocComment.Escape(description)
                : $"The <c>{DocComment.Escape(model.Name)}</c> {LocationWord(model.Location)}.";
            var name = Literal(model.Name);
            if (model.Type.QualifiedName == "Edm.Stream")
            {
                _type = model.Type.IsCollection ? $"global::System.Collections.Generic.IEnumerable<{Rest}RestFile>" : $"{Rest}RestFile";
            }
            else
            {
                _type = emitter._typeMapper.Map(model.Type);
            }

            // Required and not declared nullable: null is no value of it. Value types cannot be null; nothing to check.
            RefusesNull = IsRequired && !_type.EndsWith("?", StringComparison.Ordinal)
                && (model.Type.QualifiedName == "Edm.Stream" || model.Type.IsCollection || model.Type.IsMap || emitter._typeMapper.IsReferenceType(model.Type.QualifiedName));
            if (!IsRequired && !_type.EndsWith("?", StringComparison.Ordinal))
            {
                _type += "?";
            }

            // A format whose text is not the C# type's usual JSON is written by its converter before styling.
            var value = emitter._typeMapper.WireConverter(model.Type, _type) is { } converter
                ? $"{WireFormats}ToJson({CSharpName}, {converter}, Connection.JsonOptions)"
                : CSharpName;
            _apply = model.Type.QualifiedName == "Edm.Stream"
                ? model.Type.IsCollection ? $"WithMultipartFiles({name}, {CSharpName})" : $"WithMultipartFile({name}, {CSharpName})"
                : model.Location switch
                {
                    ParameterLocation.Path when model.SkipUrlEncoding && model.Type is { QualifiedName: "Edm.String", IsCollection: false, IsMap: false } => $"WithPathUnescaped({name}, {CSharpName})",
                    ParameterLocation.Path => $"WithPath({name}, {value}{StyleArguments(model, ParameterStyle.Simple, defaultExplode: false)})",
                    ParameterLocation.Header when model.IsClientRequestId && !model.IsRequired && model.Type is { QualifiedName: "Edm.String", IsCollection: false, IsMap: false } =>
                        $"WithHeader({name}, {CSharpName} ?? global::System.Guid.NewGuid().ToString())",
                    ParameterLocation.Query => $"WithQuery({name}, {value}{StyleArguments(model, ParameterStyle.Form, defaultExplode: true)})",
                    ParameterLocation.Header => $"WithHeader({name}, {value}{(model.Explode ? ", explode: true" : string.Empty)})",
                    ParameterLocation.Cookie => $"WithCookie({name}, {value}{(model.Explode ? string.Empty : ", explode: false")})",
                    _ => $"{(fieldEncoding == BodyEncoding.Multipart ? "WithMultipartField" : "WithFormField")}({name}, {value})",
                };
        }

        public RestParameter(RestBodyModel body, ClientEmitter emitter, NameScope scope)
        {
            IsRequired = body.IsRequired;
            Model = new RestParameterModel("body", ParameterLocation.Field, body.Type ?? new TypeReference("Edm.String", false, !body.IsRequired), body.IsRequired, ParameterStyle.Form, Explode: false, IsDeprecated: false, body.Documentation, body.Encoding == BodyEncoding.Json ? body.Constant : null);
            IsConstant = Model.Constant is not null;
            CSharpName = Model.Constant is { } constant ? ConstantLiteral(constant, Model.Type) : scope.Claim("body");
            Summary = body.Documentation.Description is { Length: > 0 } description
                ? DocComment.Escape(description)
                : $"The request body (<c>{DocComment.Escape(body.MediaType)}</c>).";
            var mediaType = Literal(body.MediaType);
            (_type, _apply) = body.Encoding switch
            {
                BodyEncoding.Json => (emitter._typeMapper.Map(body.Type!), $"WithJsonBody({CSharpName}, {mediaType})"),
                BodyEncoding.Text => ("string", $"WithTextBody({CSharpName}, {mediaType})"),
                _ => ("global::System.IO.Stream", $"WithStreamBody({CSharpName}, {mediaType})"),
            };
            RefusesNull = IsRequired && !_type.EndsWith("?", StringComparison.Ordinal)
                && (body.Encoding != BodyEncoding.Json || body.Type!.IsCollection || body.Type.IsMap || emitter._typeMapper.IsReferenceType(body.Type.QualifiedName));
            if (!IsRequired && !_type.EndsWith("?", StringComparison.Ordinal))
            {
                _type += "?";
            }

            if (body.Encoding == BodyEncoding.Json && emitter._typeMapper.WireConverter(body.Type!, _type) is { } converter)
            {
                _apply = $"WithJsonBody({WireFormats}ToJson({CSharpName}, {converter}, Connection.JsonOptions), {mediaType})";
            }
        }

        public RestParameterModel Model { get; }

        public bool IsRequired { get; }

        /// <summary>A constant the request builder sends itself; <see cref="CSharpName"/> is then its C# literal.</summary>
        public bool IsConstant { get; }

        /// <summary>Whether the request builder throws <see cref="ArgumentNullException"/> for a null argument.</summary>
        public bool RefusesNull { get; }

        public string CSharpName { get; }

        public string Summary { get; }

        /// <summary>As declared on public methods: optional ones default to null.</summary>
        public string Declaration => _type + " " + CSharpName + (IsRequired ? string.Empty : " = default");

        /// <summary>As declared on the private request builder: every argument is passed.</summary>
        public string PlainDeclaration => _type + " " + CSharpName;

        public string Apply(string request) => request + "." + _apply + ";";

        private static string StyleArguments(RestParameterModel model, ParameterStyle defaultStyle, bool defaultExplode)
        {
            var arguments = string.Empty;
            if (model.Style != defaultStyle)
            {
                arguments += $", {Rest}ParameterStyle.{model.Style}";
            }

            if (model.Explode != defaultExplode)
            {
                arguments += $", explode: {(model.Explode ? "true" : "false")}";
            }

            return arguments;
        }

        private static string LocationWord(ParameterLocation location) => location switch
        {
            ParameterLocation.Path => "path parameter",
            ParameterLocation.Query => "query parameter",
            ParameterLocation.Header => "header",
            ParameterLocation.Cookie => "cookie",
            _ => "field",
        };
    }

    /// <summary>Every type a REST operation serializes or reads, so the JSON metadata knows its list and nullable forms.</summary>
    private static IEnumerable<TypeReference> RestTypesUsed(RestOperationModel operation)
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

    /// <summary>The C# shape of the envelope the convention says the answer comes in, if it says one.</summary>
    private EnvelopeShape? EnvelopeShapeFor(RestOperationPlan plan)
    {
        var operation = plan.Operation;
        if (plan.Envelope is not { } envelope)
        {
            return null;
        }

        if (envelope.PayloadJsonName is null)
        {
            return new EnvelopeShape(null, null);
        }

        var payload = ConventionProperty(_typesByQualifiedName[operation.Success!.Type!.QualifiedName], envelope.PayloadJsonName);
        return new EnvelopeShape(payload.CSharpName, _typeMapper.Map(payload.Model.Type));
    }

    /// <summary>The C# shape of the continuation paging the convention says the operation has, if it says so.</summary>
    private PagingShape? ContinuationPagingShapeFor(RestOperationPlan plan, RestMethod method)
    {
        var operation = plan.Operation;
        if (plan.ContinuationPaging is not { } paging)
        {
            return null;
        }

        var answer = _typesByQualifiedName[operation.Success!.Type!.QualifiedName];
        var items = ConventionProperty(answer, paging.ItemsJsonName);
        var next = ConventionProperty(answer, paging.NextTokenJsonName);
        var itemType = _typeMapper.MapSingle(items.Model.Type.QualifiedName, items.Model.Type.IsNullable);
        if (paging.RequestTokenLocation == ContinuationTokenLocation.Query)
        {
            var tokenParameter = method.Parameters.First(parameter => parameter.Model.Location == ParameterLocation.Query && parameter.Model.Name == paging.RequestTokenName);
            return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, tokenParameter, tokenParameter.CSharpName, paging.RequestTokenName);
        }

        var body = method.Body ?? throw new InvalidOperationException($"The continuation paging of '{operation.Name}' needs a JSON request body.");
        var requestToken = ConventionProperty(_typesByQualifiedName[body.Model.Type.QualifiedName], paging.RequestTokenName);
        return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, null, $"{body.CSharpName}{(body.IsRequired ? string.Empty : "?")}.{requestToken.CSharpName}", paging.RequestTokenName);
    }

    /// <summary>A property a convention named; the convention found it in the model, so it is there.</summary>
    private NamedProperty ConventionProperty(TypeModel type, string jsonName) =>
        FindProperty(type, jsonName) ?? throw new InvalidOperationException($"'{type.QualifiedName}' has no property '{jsonName}' the service convention named.");

    /// <summary>
    /// <c>x-ms-pageable</c>: the success body is an object with the items (<c>itemName</c>) as a list and, unless
    /// <c>nextLinkName</c> is null, the next page's link as a string; otherwise there is no pager.
    /// </summary>
    private NextLinkShape? NextLinkPaging(RestOperationModel operation, RestPagingModel paging)
    {
        if (operation.Success?.Type is not { IsCollection: false, IsMap: false } type
            || !_typesByQualifiedName.TryGetValue(type.QualifiedName, out var page)
            || FindProperty(page, paging.ItemName) is not { Model.Type.IsCollection: true } items)
        {
            return null;
        }

        string? nextLinkProperty = null;
        if (paging.NextLinkName is { } nextLinkName)
        {
            if (FindProperty(page, nextLinkName) is not { Model.Type: { QualifiedName: "Edm.String", IsCollection: false } } nextLink)
            {
                return null;
            }

            nextLinkProperty = nextLink.CSharpName;
        }

        var itemType = _typeMapper.MapSingle(items.Model.Type.QualifiedName, items.Model.Type.IsNullable);
        return new NextLinkShape(items.Model.Name, items.CSharpName, nextLinkProperty, itemType, nextLinkProperty is null ? null : paging.NextOperationName);
    }

    private sealed record EnvelopeShape(string? PropertyName, string? Type);

    /// <summary>What an operation's methods return and how.</summary>
    /// <param name="ResponseType">The whole answer's type (<c>RestResponse&lt;T&gt;</c>), awaited.</param>
    /// <param name="Send">The send call up to its cancellation token (<c>SendAsync&lt;T&gt;(</c>, or with a converter argument first), which callers close with <c>token)</c>.</param>
    /// <param name="ValueType">The body method's awaited type; <see langword="null"/> for a plain <c>Task</c>.</param>
    /// <param name="ValueExpression">The body method's expression.</param>
    /// <param name="ValueAwaits">Whether that expression awaits the whole answer (the method is <c>async</c>).</param>
    private sealed record AnswerShape(string ResponseType, string Send, string? ValueType, string ValueExpression, bool ValueAwaits);

    private sealed record NextLinkShape(string ItemsJsonName, string ItemsProperty, string? NextLinkProperty, string ItemType, string? NextOperationName);

    private sealed record PagingShape(string ItemsJsonName, string ItemsProperty, string NextTokenProperty, string ItemType, RestParameter? TokenParameter, string FirstToken, string RequestTokenJsonName);
}
