using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>One operation's methods: the request builder, the body method, the whole-answer method and, when it pages, the enumerator.</summary>
internal sealed partial class RestMethod
{
    private readonly EmitContext _context;
    private readonly ConstraintsWriter _constraints;
    private readonly RestOperationPlan _plan;
    private readonly string _buildName;
    private readonly string? _valueName;
    private readonly string? _pagingName;
    private readonly string? _nextPageBuildName;
    private readonly List<RestParameter> _parameters = new();
    private readonly List<RestParameter> _constants = new();

    public RestMethod(RestOperationPlan plan, RestMethodNames names, EmitContext context, RestAnswerShapes shapes, ConstraintsWriter constraints)
    {
        var operation = plan.Operation;
        Operation = operation;
        _plan = plan;
        _context = context;
        _constraints = constraints;
        var parameterScope = new NameScope(RestClientWriter.RestLocalNames);
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Path))
        {
            _parameters.Add(new RestParameter(parameter, context.TypeMapper, parameterScope));
        }

        // Path parameters in the order the path names them: the call reads like the URL.
        _parameters.Sort((left, right) => operation.PathPosition(left.Model.Name).CompareTo(operation.PathPosition(right.Model.Name)));
        if (operation.Body is { } body)
        {
            if (body.Encoding is BodyEncoding.Form or BodyEncoding.Multipart)
            {
                _parameters.AddRange(body.Fields.Select(field => new RestParameter(field, context.TypeMapper, parameterScope, body.Encoding)));
            }
            else
            {
                Body = new RestParameter(body, context.TypeMapper, parameterScope);
                _parameters.Add(Body);
            }
        }

        _parameters.AddRange(operation.Parameters
            .Where(parameter => parameter.Location != ParameterLocation.Path)
            .Where(parameter => !(parameter.Location == ParameterLocation.Header && RestClientWriter.ReservedHeaders.Any(header => string.Equals(header, parameter.Name, StringComparison.OrdinalIgnoreCase))))
            .Select(parameter => new RestParameter(parameter, context.TypeMapper, parameterScope)));

        // Constants (a one-value enum) are sent by the request builder; the methods do not ask for them.
        _constants.AddRange(_parameters.Where(parameter => parameter.IsConstant));
        _parameters.RemoveAll(parameter => parameter.IsConstant);

        // Required parameters first, C# needs optional ones last; the order among each keeps the description's.
        var ordered = _parameters.Where(parameter => parameter.IsRequired).Concat(_parameters.Where(parameter => !parameter.IsRequired)).ToList();
        _parameters.Clear();
        _parameters.AddRange(ordered);

        // The names and kinds are the plan's; the shapes resolve them to C# properties and types.
        _buildName = names.BuildRequest;
        _valueName = names.Value;
        WithResponseName = names.WithResponse;
        _pagingName = names.All;
        _nextPageBuildName = names.NextPageRequest;
        Envelope = shapes.EnvelopeShapeFor(plan);
        Paging = shapes.ContinuationPagingShapeFor(plan, this);
        NextLinkPaging = shapes.NextLinkShapeFor(plan);
    }

    /// <summary>AutoRest paging (<c>x-ms-pageable</c>): the answer's items and the link to the next page.</summary>
    public NextLinkShape? NextLinkPaging { get; }

    /// <summary>The request builder's name, for another operation's pager that fetches its next pages with this one.</summary>
    public string BuildName => _buildName;

    public RestOperationModel Operation { get; }

    public RestParameter? Body { get; }

    public bool IsDownload => _plan.Answer == RestAnswerKind.Stream;

    public string WithResponseName { get; }

    public IEnumerable<RestParameter> PathParameters => _parameters.Where(parameter => parameter.Model.Location == ParameterLocation.Path);

    public IReadOnlyList<RestParameter> Parameters => _parameters;

    /// <summary>The envelope's payload: the one property besides <c>status</c>; absent when the answer is not such an envelope.</summary>
    public EnvelopeShape? Envelope { get; }

    public PagingShape? Paging { get; }

    private bool IsExistenceCheck => _plan.Answer == RestAnswerKind.ExistenceCheck;

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

    /// <summary>The answer's C# shape (see <see cref="AnswerShape"/>).</summary>
    private AnswerShape Answer()
    {
        var call = $"{WithResponseName}({string.Concat(_parameters.Select(parameter => parameter.CSharpName + ", "))}cancellationToken)";
        var awaited = $"(await {call}.ConfigureAwait(false))";
        switch (_plan.Answer)
        {
            case RestAnswerKind.Text:
                return new AnswerShape($"{Rest}RestResponse<string>", "SendForTextAsync(", "string", awaited + ".Value", ValueAwaits: true);
            case RestAnswerKind.ExistenceCheck:
                return new AnswerShape($"{Rest}RestResponse", "SendAsync(", "bool", awaited + ".IsSuccessStatusCode", ValueAwaits: true);
            case RestAnswerKind.None:
                return new AnswerShape($"{Rest}RestResponse", "SendAsync(", null, call, ValueAwaits: false);
        }

        var type = Operation.Success?.Type ?? throw new InvalidOperationException($"The plan reads a JSON body of '{Operation.Name}', which declares none.");
        var bodyType = _context.TypeMapper.Map(type);
        var response = $"{Rest}RestResponse<{bodyType}>";
        // The send call up to its cancellation token: a formatted body (RFC 1123, unix time, base64url) names its converter.
        var send = _context.TypeMapper.WireConverter(type, bodyType) is { } converter
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
        var checks = _context.ConstraintsName is null && !_parameters.Any(parameter => parameter.Model.Constraints is not null)
            ? new List<string>()
            : _constraints.ValidationLines(_parameters.Where(parameter => parameter.Model.Type.QualifiedName != "Edm.Stream").Select(parameter => (parameter.CSharpName, parameter.Model.Type, parameter.Model.Constraints)));
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
            lines.Line($"request.WithError<{_context.TypeMapper.Map(error.Type!)}>({Literal(error.StatusCode)});");
        }

        foreach (var status in Operation.ExpectedStatuses)
        {
            lines.Line($"request.WithExpectedStatus({status.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
        }

        // The body method returns Success's type; another 2xx declaring another type is read as that type.
        foreach (var other in Operation.OtherSuccesses.Where(other => other.Type is not null && int.TryParse(other.StatusCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            lines.Line($"request.WithSuccessBody<{_context.TypeMapper.Map(other.Type!)}>({other.StatusCode});");
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
        if (_context.Plan.ResponseCheck == ResponseCheck.CommunicationsMiningEnvelope)
        {
            lines.Add($"/// <exception cref=\"{Errors}CommunicationsMiningException\">The service answered with an error (<c>\"status\": \"error\"</c>).</exception>");
            lines.Add($"/// <exception cref=\"{Errors}CommunicationsMiningTransportException\">The request did not reach the service, or something on the way answered instead.</exception>");
        }

        lines.Add($"/// <exception cref=\"{Rest}RestApiException\">The service answered with an error status{(Operation.Errors.Count > 0 ? " (a declared error body throws the typed <see cref=\"" + Rest + "RestApiException{TError}\"/>)" : string.Empty)}.</exception>");
        return lines;
    }

    private string Arguments() => string.Join(", ", _parameters.Select(parameter => parameter.CSharpName));
}
