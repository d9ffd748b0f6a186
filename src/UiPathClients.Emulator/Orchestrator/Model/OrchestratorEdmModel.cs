using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.ModelBuilder;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.Emulator.Orchestrator.Model;

/// <summary>
/// The emulator's EDM model: the bundled Orchestrator EDMX read with <see cref="CsdlReader"/>, each EDM
/// type bound to the class our generator emitted from the same file, so ASP.NET Core OData can bind
/// <c>$filter</c>, <c>$select</c> and <c>$expand</c> to real CLR members.
/// </summary>
internal static class OrchestratorEdmModel
{
    private const string ResourceName = "orchestrator.edmx";

    private static readonly Lazy<IEdmModel> Shared = new(Load);

    /// <summary>The model (read once per process: it is immutable after annotation).</summary>
    public static IEdmModel Instance => Shared.Value;

    /// <summary>The EDMX text the model is read from, as bundled.</summary>
    public static string ReadEdmx()
    {
        using var stream = OpenEdmx();
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static System.IO.Stream OpenEdmx() =>
        typeof(OrchestratorEdmModel).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The emulator assembly lacks its embedded {ResourceName}.");

    private static IEdmModel Load()
    {
        IEdmModel model;
        System.Xml.Linq.XDocument edmx;
        using (var stream = OpenEdmx())
        {
            edmx = System.Xml.Linq.XDocument.Load(stream);
        }

        Concurrency.EmulatorETags.Annotate(edmx);
        using (var xml = edmx.CreateReader())
        {
            if (!CsdlReader.TryParse(xml, out model, out var errors))
            {
                throw new InvalidOperationException("The bundled Orchestrator EDMX does not parse: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        BindClrTypes(model);
        return model;
    }

    /// <summary>
    /// Annotates every EDM structured and enum type with the generated class of the same OData name (read
    /// from its <see cref="ODataTypeAttribute"/>), and every property whose C# name differs from the EDM name.
    /// </summary>
    private static void BindClrTypes(IEdmModel model)
    {
        var generated = typeof(OrchestratorEdmModel).Assembly.GetTypes()
            .Select(type => (Type: type, OData: type.GetCustomAttribute<ODataTypeAttribute>()))
            .Where(pair => pair.OData is not null)
            .ToDictionary(pair => pair.OData!.QualifiedName, pair => pair.Type, StringComparer.Ordinal);

        foreach (var schemaType in model.SchemaElements.OfType<IEdmSchemaType>())
        {
            if (!generated.TryGetValue(schemaType.FullName(), out var clrType))
            {
                throw new InvalidOperationException($"No generated class for EDM type {schemaType.FullName()}.");
            }

            model.SetAnnotationValue(schemaType, new ClrTypeAnnotation(clrType));
            switch (schemaType)
            {
                case IEdmStructuredType structured:
                    BindProperties(model, structured, clrType);
                    break;
                case IEdmEnumType enumType:
                    BindEnumMembers(model, enumType, clrType);
                    break;
            }
        }
    }

    private static void BindProperties(IEdmModel model, IEdmStructuredType structured, Type clrType)
    {
        var byJsonName = clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(property => (Property: property, Json: property.GetCustomAttribute<JsonPropertyNameAttribute>()))
            .Where(pair => pair.Json is not null)
            .ToDictionary(pair => pair.Json!.Name, pair => pair.Property, StringComparer.Ordinal);
        foreach (var property in structured.DeclaredProperties)
        {
            if (!byJsonName.TryGetValue(property.Name, out var clrProperty))
            {
                throw new InvalidOperationException($"The generated {clrType.Name} lacks the EDM property {property.Name}.");
            }

            if (clrProperty.Name != property.Name)
            {
                model.SetAnnotationValue(property, new ClrPropertyInfoAnnotation(clrProperty));
            }
        }
    }

    private static void BindEnumMembers(IEdmModel model, IEdmEnumType enumType, Type clrType)
    {
        var byValue = new Dictionary<long, Enum>();
        foreach (Enum value in Enum.GetValues(clrType))
        {
            byValue.TryAdd(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), value);
        }

        var members = new Dictionary<Enum, IEdmEnumMember>();
        foreach (var member in enumType.Members)
        {
            if (byValue.TryGetValue(member.Value.Value, out var clrValue))
            {
                members[clrValue] = member;
            }
        }

        model.SetAnnotationValue(enumType, new ClrEnumMemberAnnotation(members));
    }
}
