using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// System.Text.Json metadata for every generated type, written out as calls to the runtime's
/// <c>ODataJsonMetadata</c> helpers: the STJ source generator cannot see our output, and reflection
/// would break trimming and native AOT.
/// </summary>
internal sealed partial class ClientEmitter
{
    private const string Metadata = "global::UiPathClients.Runtime.Serialization.ODataJsonMetadata.";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    private GeneratedFile EmitJsonMetadata()
    {
        var entries = new CodeLines();
        // Each type once; collections and nullable forms of everything properties and parameters use.
        var extraTypes = new SortedSet<string>(System.StringComparer.Ordinal);
        var listItems = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        var nullableEnums = new SortedSet<string>(System.StringComparer.Ordinal);

        void NoteUse(TypeReference reference)
        {
            // typeof() cannot name nullable reference types, and string? is string at run time anyway.
            var item = _typeMapper.MapSingle(reference.QualifiedName, reference.IsNullable && !_typeMapper.IsReferenceType(reference.QualifiedName));
            if (reference.IsCollection)
            {
                listItems[item] = item;
            }

            var underlying = Underlying(reference.QualifiedName);
            if (_typesByQualifiedName.TryGetValue(underlying, out var declared) && declared.Kind == TypeKind.Enum)
            {
                nullableEnums.Add(TypeFullName(underlying));
            }
        }

        foreach (var type in _model.Types)
        {
            switch (type.Kind)
            {
                case TypeKind.Entity:
                case TypeKind.Complex:
                    AddObjectMetadata(entries, type);
                    foreach (var property in type.Properties)
                    {
                        NoteUse(property.Type);
                    }

                    break;
                case TypeKind.Enum:
                    entries.Line($"[typeof({TypeFullName(type.QualifiedName)})] = static options => {Metadata}EnumInfo<{TypeFullName(type.QualifiedName)}>(options, {ConverterFullName(type.QualifiedName)}.Default),");
                    break;
            }
        }

        foreach (var operation in _model.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                NoteUse(parameter.Type);
            }

            if (operation.ReturnType is not null)
            {
                NoteUse(operation.ReturnType);
            }
        }

        foreach (var enumType in nullableEnums)
        {
            entries.Line($"[typeof({enumType}?)] = static options => {Metadata}NullableInfo<{enumType}>(options),");
        }

        foreach (var item in listItems.Keys)
        {
            entries.Line($"[typeof(global::System.Collections.Generic.IList<{item}>)] = static options => {Metadata}ListInfo<{item}>(options),");
            entries.Line($"[typeof(global::System.Collections.Generic.List<{item}>)] = static options => {Metadata}ConcreteListInfo<{item}>(options),");
        }

        var factoryType = $"global::System.Func<{Options}, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>";
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>The shared instance; pass it to <c>JsonSerializerOptions.TypeInfoResolver</c> (chained with <c>ODataPrimitiveJsonResolver</c>).</summary>")
                .Line($"public static {_jsonMetadataName} Default {{ get; }} = new {_jsonMetadataName}();")
                .ToMember(),
            new CodeLines()
                .Line($"private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, {factoryType}> Factories = new global::System.Collections.Generic.Dictionary<global::System.Type, {factoryType}>")
                .Open()
                .Lines(RawLines(entries))
                .Close(";")
                .ToMember(),
            new CodeLines()
                .Line("/// <inheritdoc />")
                .Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Options} options) =>")
                .Indent().Line("Factories.TryGetValue(type, out var factory) ? factory(options) : null;").Outdent()
                .ToMember(),
        };

        var view = new CodeFileView
        {
            Namespace = _model.Namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                "/// System.Text.Json metadata for every type of the service, without reflection (trim- and AOT-safe).",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {_jsonMetadataName} : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver",
            Members = members,
        };
        return new GeneratedFile(_model.ClientName + "/" + _jsonMetadataName + ".g.cs", TemplateRenderer.RenderCodeFile(view));
    }

    private void AddObjectMetadata(CodeLines entries, TypeModel type)
    {
        var full = TypeFullName(type.QualifiedName);
        var create = type.IsAbstract ? "null" : $"static () => new {full}()";
        entries.Line($"[typeof({full})] = static options => {Metadata}ObjectInfo<{full}>(options, {create}, static options => new global::System.Text.Json.Serialization.Metadata.JsonPropertyInfo[]");
        entries.Open();

        // Base properties first, as System.Text.Json orders them; the root type holds AdditionalData.
        var chain = new List<TypeModel>();
        for (var current = type; current is not null; current = BaseOf(current))
        {
            chain.Insert(0, current);
        }

        foreach (var declaring in chain)
        {
            var declaringFull = TypeFullName(declaring.QualifiedName);
            var names = PropertyNames(declaring);
            foreach (var property in declaring.Properties)
            {
                var propertyType = PropertyClrType(property);
                var name = names[property.Name];
                entries.Line($"{Metadata}PropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value),");
            }
        }

        entries.Line($"{Metadata}AdditionalDataInfo<{TypeFullName(chain[0].QualifiedName)}>(options),");
        entries.Close("),");
    }

    /// <summary>The C# type of a property exactly as the class declares it.</summary>
    private string PropertyClrType(PropertyModel property) =>
        property.Kind == PropertyKind.Navigation
            ? property.Type.IsCollection
                ? "global::System.Collections.Generic.IList<" + _typeMapper.MapSingle(property.Type.QualifiedName, isNullable: false) + ">?"
                : _typeMapper.MapSingle(property.Type.QualifiedName, isNullable: true)
            : _typeMapper.Map(property.Type);

    /// <summary>The lines of a <see cref="CodeLines"/> without their member indentation, to nest them.</summary>
    private static IEnumerable<string> RawLines(CodeLines lines) =>
        lines.ToMember().Lines.Select(line => line.Length >= 8 ? line.Substring(8) : line.TrimStart());
}
