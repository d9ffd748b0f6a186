using System;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Runtime.Rest;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>One C# parameter of an operation method: a path/query/header/cookie parameter, a body field, or the body.</summary>
internal sealed class RestParameter
{
    private readonly string _type;
    private readonly string _apply;

    /// <param name="model">The parameter or field.</param>
    /// <param name="typeMapper">The C# types of spec types.</param>
    /// <param name="scope">The method's parameter names.</param>
    /// <param name="fieldEncoding">For a body field: whether the body is a form or multipart.</param>
    public RestParameter(RestParameterModel model, TypeMapper typeMapper, NameScope scope, BodyEncoding? fieldEncoding = null)
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
            _type = typeMapper.Map(model.Type);
        }

        // Required and not declared nullable: null is no value of it. Value types cannot be null; nothing to check.
        RefusesNull = IsRequired && !_type.EndsWith("?", StringComparison.Ordinal)
            && (model.Type.QualifiedName == "Edm.Stream" || model.Type.IsCollection || model.Type.IsMap || typeMapper.IsReferenceType(model.Type.QualifiedName));
        if (!IsRequired && !_type.EndsWith("?", StringComparison.Ordinal))
        {
            _type += "?";
        }

        // A format whose text is not the C# type's usual JSON is written by its converter before styling.
        var value = typeMapper.WireConverter(model.Type, _type) is { } converter
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

    public RestParameter(RestBodyModel body, TypeMapper typeMapper, NameScope scope)
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
            BodyEncoding.Json => (typeMapper.Map(body.Type!), $"WithJsonBody({CSharpName}, {mediaType})"),
            BodyEncoding.Text => ("string", $"WithTextBody({CSharpName}, {mediaType})"),
            _ => ("global::System.IO.Stream", $"WithStreamBody({CSharpName}, {mediaType})"),
        };
        RefusesNull = IsRequired && !_type.EndsWith("?", StringComparison.Ordinal)
            && (body.Encoding != BodyEncoding.Json || body.Type!.IsCollection || body.Type.IsMap || typeMapper.IsReferenceType(body.Type.QualifiedName));
        if (!IsRequired && !_type.EndsWith("?", StringComparison.Ordinal))
        {
            _type += "?";
        }

        if (body.Encoding == BodyEncoding.Json && typeMapper.WireConverter(body.Type!, _type) is { } converter)
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
