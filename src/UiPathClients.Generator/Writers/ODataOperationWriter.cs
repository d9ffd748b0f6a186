using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// OData actions and functions as methods, for the service client (operation imports), an entity set client (bound to
/// the collection) and an entity client (bound to one entity): where each parameter goes (function path, alias, query or
/// action body), overloads, optional parameters, and what the call returns.
/// </summary>
internal sealed class ODataOperationWriter
{
    private readonly EmitContext _context;

    public ODataOperationWriter(EmitContext context) => _context = context;

    /// <summary>Names the operation methods use for their own locals and parameters.</summary>
    private static readonly string[] OperationLocalNames = { "cancellationToken", "path", "writer", "WriteParameters", "ifMatch", "arguments", "aliases", "query" };

    private static readonly string[] ETagParameter = { "string? ifMatch = null" };

    /// <summary>
    /// One method per operation overload. Overloads of one operation share a method name; overloads
    /// that would have the same C# parameter types (they differ only in binding) are emitted once.
    /// </summary>
    /// <param name="members">Where the methods go.</param>
    /// <param name="operations">The overloads the plan makes callable from the class, with their path segment (qualified name, or cast + qualified name, or import name).</param>
    /// <param name="methodNames">Each overload's method name, from the plan's names.</param>
    /// <param name="pathExpression">The C# expression of the binding path (<c>Path</c>), or <see langword="null"/> for imports (service root).</param>
    /// <param name="takesETag">Bound to one entity: the methods take the entity's ETag for <c>If-Match</c>, which services that version the entity may require.</param>
    public void AddOperations(List<MemberView> members, EquatableArray<ODataOperationPlan> operations, EquatableArray<string> methodNames, string? pathExpression, bool takesETag)
    {
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < operations.Count; index++)
        {
            var (operationIndex, segment, isImport) = operations[index];
            var operation = _context.Model.Operations[operationIndex];
            var parameters = operation.Parameters.Skip(operation.IsBound ? 1 : 0).ToList();
            var methodName = methodNames[index];

            var parameterScope = new NameScope(OperationLocalNames);
            var csharpParameters = parameters
                .Select(parameter => (Model: parameter, Name: CSharpIdentifier.EscapeKeyword(parameterScope.Claim(CSharpIdentifier.ToCamelCase(parameter.Name))), Type: ParameterType(parameter)))
                .ToList();
            if (!signatures.Add(methodName + "(" + string.Join(",", csharpParameters.Select(parameter => parameter.Type)) + ")"))
            {
                continue;
            }

            members.Add(BuildOperationMethod(operation, segment, isImport, pathExpression, methodName, csharpParameters, takesETag));
        }
    }

    private MemberView BuildOperationMethod(
        OperationModel operation,
        string segment,
        bool isImport,
        string? pathExpression,
        string methodName,
        List<(ParameterModel Model, string Name, string Type)> parameters,
        bool takesETag)
    {
        var isAction = operation.Kind == OperationKind.Action;
        var verb = isAction ? "POST" : "GET";
        var lines = new CodeLines().Lines(DocComment.Lines(
            operation.Documentation,
            $"{(isAction ? "Action" : "Function")} <c>{DocComment.Escape(operation.QualifiedName)}</c>: <c>{verb} …/{DocComment.Escape(segment)}{(isAction ? string.Empty : "(…)")}</c>."));
        foreach (var parameter in parameters.Where(parameter => parameter.Model.IsOptional))
        {
            lines.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">Optional: left out of the request when null, so the service applies its default.</param>");
        }

        if (takesETag)
        {
            lines.Line("/// <param name=\"ifMatch\">The entity's ETag (<c>GetETag()</c> of the entity read) sent as <c>If-Match</c>; services that version the entity may require it (428) and refuse a stale one (412).</param>");
        }

        lines.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        var returnType = operation.ReturnType;
        string resultType;
        if (returnType is null)
        {
            resultType = Tasks + "Task";
        }
        else if (returnType.IsCollection)
        {
            resultType = $"{Tasks}Task<global::System.Collections.Generic.IReadOnlyList<{ResultItemType(returnType)}>>";
        }
        else
        {
            resultType = $"{Tasks}Task<{_context.TypeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable)}>";
        }

        // Optional parameters default to null only where no required one follows (CSDL puts them last; C# needs them last).
        var firstTrailingOptional = parameters.Count;
        while (firstTrailingOptional > 0 && parameters[firstTrailingOptional - 1].Model.IsOptional)
        {
            firstTrailingOptional--;
        }

        var signature = string.Join(", ", parameters
            .Select((parameter, index) => parameter.Type + " " + parameter.Name + (index >= firstTrailingOptional ? " = null" : string.Empty))
            .Concat(takesETag ? ETagParameter : Array.Empty<string>())
            .Concat(new[] { CancellationTokenParameter }));
        lines.Line($"public {resultType} {methodName}({signature})").Open();
        foreach (var parameter in parameters.Where(parameter => !parameter.Model.IsOptional && !parameter.Model.Type.IsNullable && !parameter.Model.Type.IsCollection && _context.TypeMapper.IsReferenceType(parameter.Model.Type.QualifiedName)))
        {
            lines.Line($"if ({parameter.Name} is null)").Open()
                .Line($"throw new global::System.ArgumentNullException(nameof({parameter.Name}));")
                .Close().Blank();
        }

        var target = pathExpression is null ? Literal(segment) : $"{pathExpression} + {Literal("/" + segment)}";

        // Where each parameter goes: a function's in its path segment, an action's in its body, unless the spec says
        // the service reads it from the query or (for an action) from the path segment.
        var pathParameters = parameters.Where(parameter => isAction ? parameter.Model.Location == ODataParameterLocation.Segment : parameter.Model.Location != ODataParameterLocation.Query).ToList();
        var queryParameters = parameters.Where(parameter => parameter.Model.Location == ODataParameterLocation.Query).ToList();
        var bodyParameters = isAction ? parameters.Where(parameter => parameter.Model.Location == ODataParameterLocation.OData).ToList() : new();
        if (isAction && pathParameters.Count == 0)
        {
            lines.Line($"var path = {target};");
        }
        else if (pathParameters.Any(parameter => parameter.Model.IsOptional))
        {
            EmitFunctionPathWithOptionalParameters(lines, target, pathParameters);
        }
        else
        {
            EmitInlinePath(lines, target, pathParameters);
        }

        if (queryParameters.Count > 0)
        {
            lines.Line("var query = new global::System.Collections.Generic.List<string>();");
            foreach (var parameter in queryParameters)
            {
                lines.Line($"Connection.AddQueryParameter(query, {Literal(parameter.Model.Name)}, {parameter.Name});");
            }

            lines.Line($"path = {Client}ODataConnection.AppendQuery(path, query);");
        }

        string writer;
        if (isAction)
        {
            writer = bodyParameters.Count == 0 ? "static writer => { }" : "WriteParameters";
            if (bodyParameters.Count > 0)
            {
                lines.Line("void WriteParameters(global::System.Text.Json.Utf8JsonWriter writer)").Open();
                foreach (var parameter in bodyParameters)
                {
                    var write = $"Connection.WriteParameter(writer, {Literal(parameter.Model.Name)}, {parameter.Name});";
                    if (parameter.Model.IsOptional)
                    {
                        // An optional parameter left out of the body takes the service's default; null would be a value.
                        lines.Line($"if ({parameter.Name} is not null)").Open().Line(write).Close();
                    }
                    else
                    {
                        lines.Line(write);
                    }
                }

                lines.Close().Blank();
            }
        }
        else
        {
            writer = "null";
        }

        var method = isAction ? "global::System.Net.Http.HttpMethod.Post" : "global::System.Net.Http.HttpMethod.Get";
        var eTag = takesETag ? "ifMatch, " : string.Empty;
        if (returnType is null)
        {
            lines.Line($"return Connection.InvokeAsync(path, {writer}, {eTag}cancellationToken);");
        }
        else if (returnType.IsCollection)
        {
            lines.Line($"return Connection.InvokeCollectionAsync<{ResultItemType(returnType)}>({method}, path, {writer}, {eTag}cancellationToken);");
        }
        else
        {
            var unwrap = !_context.IsStructured(_context.Underlying(returnType.QualifiedName));
            lines.Line($"return Connection.InvokeAsync<{_context.TypeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable)}>({method}, path, {writer}, unwrapValue: {(unwrap ? "true" : "false")}, allowNull: {(returnType.IsNullable ? "true" : "false")}, {eTag}cancellationToken);");
        }

        return lines.Close().ToMember();
    }

    /// <summary>The path of an operation whose URL parameters are all required: <c>Op(a=1,b='x')</c>, complex values as aliases.</summary>
    private void EmitInlinePath(CodeLines lines, string target, List<(ParameterModel Model, string Name, string Type)> parameters)
    {
        var inline = new List<string>();
        var aliases = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = parameter.Model.Name;
            if (!parameter.Model.Type.IsCollection && _context.HasLiteral(parameter.Model.Type.QualifiedName))
            {
                var local = parameter.Name.TrimStart('@') + "Value";
                var literal = parameter.Model.Type.IsNullable && !_context.TypeMapper.IsReferenceType(parameter.Model.Type.QualifiedName)
                    ? $"({parameter.Name} is {{ }} {local} ? {_context.LiteralExpression(parameter.Model.Type.QualifiedName, local)} : {Querying}ODataLiteral.Null)"
                    : _context.LiteralExpression(parameter.Model.Type.QualifiedName, parameter.Name);
                inline.Add($"{Literal(name + "=")} + {Querying}ODataKey.EscapeForPath({literal})");
            }
            else
            {
                // Complex and collection values go as parameter aliases: Fn(p=@p)?@p={json}.
                inline.Add(Literal(name + "=@" + name));
                aliases.Add($"{Literal("@" + name + "=")} + global::System.Uri.EscapeDataString(Connection.ToJson({parameter.Name}))");
            }
        }

        var call = inline.Count == 0 ? "\"()\"" : "\"(\" + " + string.Join(" + \",\" + ", inline) + " + \")\"";
        var query = aliases.Count == 0 ? string.Empty : " + \"?\" + " + string.Join(" + \"&\" + ", aliases);
        lines.Line($"var path = {target} + {call}{query};");
    }

    /// <summary>
    /// A function path whose optional parameters are left out when null (the service then applies its default; <c>p=null</c>
    /// would be a value the service may refuse): the arguments are collected at run time.
    /// </summary>
    private void EmitFunctionPathWithOptionalParameters(CodeLines lines, string target, List<(ParameterModel Model, string Name, string Type)> parameters)
    {
        var hasAliases = parameters.Any(parameter => parameter.Model.Type.IsCollection || !_context.HasLiteral(parameter.Model.Type.QualifiedName));
        lines.Line("var arguments = new global::System.Collections.Generic.List<string>();");
        if (hasAliases)
        {
            lines.Line("var aliases = new global::System.Collections.Generic.List<string>();");
        }

        foreach (var parameter in parameters)
        {
            var name = parameter.Model.Name;
            var isValueType = !parameter.Model.Type.IsCollection && !_context.TypeMapper.IsReferenceType(parameter.Model.Type.QualifiedName);
            var local = parameter.Name.TrimStart('@') + "Value";
            var nullable = parameter.Model.IsOptional || parameter.Model.Type.IsNullable;
            var value = nullable && isValueType ? local : parameter.Name;
            var statements = new List<string>();
            if (!parameter.Model.Type.IsCollection && _context.HasLiteral(parameter.Model.Type.QualifiedName))
            {
                statements.Add($"arguments.Add({Literal(name + "=")} + {Querying}ODataKey.EscapeForPath({_context.LiteralExpression(parameter.Model.Type.QualifiedName, value)}));");
            }
            else
            {
                statements.Add($"arguments.Add({Literal(name + "=@" + name)});");
                statements.Add($"aliases.Add({Literal("@" + name + "=")} + global::System.Uri.EscapeDataString(Connection.ToJson({parameter.Name})));");
            }

            if (parameter.Model.IsOptional)
            {
                lines.Line(isValueType ? $"if ({parameter.Name} is {{ }} {local})" : $"if ({parameter.Name} is not null)").Open();
                foreach (var statement in statements)
                {
                    lines.Line(statement);
                }

                lines.Close().Blank();
            }
            else if (nullable && isValueType)
            {
                lines.Line($"if ({parameter.Name} is {{ }} {local})").Open().Line(statements[0]).Close()
                    .Line("else").Open().Line($"arguments.Add({Literal(name + "=")} + {Querying}ODataLiteral.Null);").Close().Blank();
            }
            else
            {
                foreach (var statement in statements)
                {
                    lines.Line(statement);
                }
            }
        }

        var query = hasAliases ? " + (aliases.Count == 0 ? string.Empty : \"?\" + string.Join(\"&\", aliases))" : string.Empty;
        lines.Line($"var path = {target} + \"(\" + string.Join(\",\", arguments) + \")\"{query};");
    }

    /// <summary>An optional parameter is nullable whatever the spec says: null is how a caller leaves it out.</summary>
    private string ParameterType(ParameterModel parameter)
    {
        if (!parameter.IsOptional)
        {
            return _context.TypeMapper.Map(parameter.Type);
        }

        return parameter.Type.IsCollection
            ? _context.TypeMapper.Map(parameter.Type) + "?"
            : _context.TypeMapper.Map(parameter.Type with { IsNullable = true });
    }

    /// <summary>Items of a collection result: structured items are never null; primitive items follow the spec.</summary>
    private string ResultItemType(TypeReference returnType) =>
        _context.TypeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable && !_context.TypeMapper.IsReferenceType(returnType.QualifiedName) && !_context.IsStructured(returnType.QualifiedName));
}
