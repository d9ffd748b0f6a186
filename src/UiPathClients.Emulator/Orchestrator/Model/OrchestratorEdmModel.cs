using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.ModelBuilder;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.Emulator.Orchestrator.Model;

/// <summary>
/// The emulator's EDM models: a bundled Orchestrator EDMX read with <see cref="CsdlReader"/>, each EDM type bound
/// to the class our generator emitted from the cloud EDMX, so ASP.NET Core OData can bind <c>$filter</c>,
/// <c>$select</c> and <c>$expand</c> to real CLR members and serialize the emulator's data.
/// </summary>
/// <remarks>
/// The emulator implements one Orchestrator: the cloud description's classes, tables and controllers. An on-premises
/// version (<see cref="OrchestratorEmulatorOptions.OrchestratorVersion"/>) is served through its own description over
/// that implementation: its routes, its <c>$metadata</c>, and its entity shapes (a property the older version lacks is
/// not written). Types and properties are matched by their OData names; see <see cref="ServedOrchestratorModel"/>.
/// </remarks>
internal static class OrchestratorEdmModel
{
    private const string CloudResourceName = "orchestrator.edmx";

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Classes = new(() => typeof(OrchestratorEdmModel).Assembly.GetTypes()
        .Select(type => (Type: type, OData: type.GetCustomAttribute<ODataTypeAttribute>()))
        .Where(pair => pair.OData is not null)
        .ToDictionary(pair => pair.OData!.QualifiedName, pair => pair.Type, StringComparer.Ordinal));

    private static readonly ConcurrentDictionary<string, Lazy<ServedOrchestratorModel>> Served = new(StringComparer.Ordinal);

    /// <summary>The cloud model: what the emulator implements (read once per process: it is immutable after annotation).</summary>
    public static IEdmModel Instance => For(null).Model;

    /// <summary>The model served for <paramref name="version"/> (null: cloud; else one of <see cref="OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions"/>).</summary>
    public static ServedOrchestratorModel For(string? version) =>
        Served.GetOrAdd(version ?? string.Empty, key => new Lazy<ServedOrchestratorModel>(() => Load(key.Length == 0 ? null : key))).Value;

    private static ServedOrchestratorModel Load(string? version)
    {
        var resourceName = version is null ? CloudResourceName : $"orchestrator-{version}.edmx";
        XDocument edmx;
        using (var stream = typeof(OrchestratorEdmModel).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The emulator assembly lacks its embedded {resourceName}."))
        {
            edmx = XDocument.Load(stream);
        }

        string? document = null;
        if (version is not null)
        {
            // Served as the version describes itself (with the emulator's ETag annotations, as the cloud $metadata has them);
            // routed and serialized without the properties the emulator's classes cannot hold.
            var described = new XDocument(edmx);
            Concurrency.EmulatorETags.Annotate(described);
            document = described.Declaration + Environment.NewLine + described.ToString(SaveOptions.DisableFormatting);
            OnPremisesRoutingModel.Adapt(edmx, Classes.Value);
        }

        Concurrency.EmulatorETags.Annotate(edmx);
        IEdmModel model;
        using (var xml = edmx.CreateReader())
        {
            if (!CsdlReader.TryParse(xml, out model, out var errors))
            {
                throw new InvalidOperationException($"The bundled {resourceName} does not parse: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        BindClrTypes(model, cloud: version is null ? model : Instance);
        return new ServedOrchestratorModel(model, document);
    }

    /// <summary>
    /// Annotates every EDM structured and enum type with the generated class of the same OData name (read from its
    /// <see cref="ODataTypeAttribute"/>), and every property whose C# name differs from the EDM name. The cloud model
    /// (<paramref name="model"/> is <paramref name="cloud"/>) must bind whole; an older version's types the cloud no longer
    /// has stay unbound (only routes the emulator does not implement use them).
    /// </summary>
    private static void BindClrTypes(IEdmModel model, IEdmModel cloud)
    {
        var strict = ReferenceEquals(model, cloud);
        foreach (var schemaType in model.SchemaElements.OfType<IEdmSchemaType>())
        {
            if (!Classes.Value.TryGetValue(schemaType.FullName(), out var clrType))
            {
                if (strict)
                {
                    throw new InvalidOperationException($"No generated class for EDM type {schemaType.FullName()}.");
                }

                continue;
            }

            switch (schemaType)
            {
                case IEdmStructuredType structured when BindProperties(model, structured, clrType, strict):
                    model.SetAnnotationValue(schemaType, new ClrTypeAnnotation(clrType));
                    break;
                case IEdmEnumType enumType when clrType.IsEnum:
                    BindEnum(model, enumType, clrType, cloud);
                    break;
            }
        }

        if (!strict)
        {
            foreach (var (enumType, clrType) in EnumsByUse(model, cloud))
            {
                BindEnum(model, enumType, clrType, cloud);
            }
        }
    }

    private static void BindEnum(IEdmModel model, IEdmEnumType enumType, Type clrType, IEdmModel cloud)
    {
        model.SetAnnotationValue(enumType, new ClrTypeAnnotation(clrType));
        // The cloud type the class was generated from names its values.
        var cloudEnumType = (IEdmEnumType)cloud.FindDeclaredType(clrType.GetCustomAttribute<ODataTypeAttribute>()!.QualifiedName);
        BindEnumMembers(model, enumType, cloudEnumType, clrType);
    }

    /// <summary>
    /// The generated enum for each of a version's enum types the cloud names differently, found where it is used: a property
    /// of a bound type whose class member is an enum (2019.10's <c>RobotWithLicenseType</c> is the cloud's
    /// <c>RobotType</c>), or an action parameter the cloud's action of the same name has with an enum type (2020.10's
    /// <c>StopJobParametersStrategy</c> is the cloud's <c>StopJobRequestStrategy</c>). Without it, OData cannot read a
    /// request that carries one.
    /// </summary>
    private static IEnumerable<(IEdmEnumType EnumType, Type ClrType)> EnumsByUse(IEdmModel model, IEdmModel cloud)
    {
        var found = new Dictionary<IEdmEnumType, Type>();
        void Use(IEdmTypeReference type, Type? candidate)
        {
            if (ElementOf(type).Definition is IEdmEnumType enumType && candidate is { IsEnum: true } && model.GetAnnotationValue<ClrTypeAnnotation>(enumType) is null)
            {
                found.TryAdd(enumType, candidate);
            }
        }

        foreach (var structured in model.SchemaElements.OfType<IEdmStructuredType>())
        {
            if (model.GetAnnotationValue<ClrTypeAnnotation>(structured)?.ClrType is not { } clrType)
            {
                continue;
            }

            var members = OnPremisesRoutingModel.MembersByJsonName(clrType);
            foreach (var property in structured.DeclaredStructuralProperties())
            {
                var memberType = members.GetValueOrDefault(property.Name)?.PropertyType;
                Use(property.Type, memberType is null ? null : OnPremisesRoutingModel.ElementType(memberType));
            }
        }

        foreach (var operation in model.SchemaElements.OfType<IEdmOperation>())
        {
            var cloudOperation = cloud.FindDeclaredOperations(operation.FullName())
                .FirstOrDefault(candidate => candidate.IsBound == operation.IsBound
                    && (!operation.IsBound || candidate.Parameters.First().Type.FullName() == operation.Parameters.First().Type.FullName()));
            foreach (var parameter in operation.Parameters)
            {
                var cloudType = cloudOperation?.FindParameter(parameter.Name)?.Type;
                Use(parameter.Type, cloudType is not null && ElementOf(cloudType).Definition is IEdmEnumType cloudEnum ? Classes.Value.GetValueOrDefault(cloudEnum.FullName()) : null);
            }
        }

        return found.Select(pair => (pair.Key, pair.Value));
    }

    /// <summary>The element type of a collection type, else the type itself.</summary>
    private static IEdmTypeReference ElementOf(IEdmTypeReference type) => type.IsCollection() ? type.AsCollection().ElementType() : type;

    /// <summary>Binds each declared property to the class's member of the same JSON name; false when one has none (not strict).</summary>
    private static bool BindProperties(IEdmModel model, IEdmStructuredType structured, Type clrType, bool strict)
    {
        var byJsonName = OnPremisesRoutingModel.MembersByJsonName(clrType);
        var bindings = new List<(IEdmProperty Property, PropertyInfo Member)>();
        foreach (var property in structured.DeclaredProperties)
        {
            if (!byJsonName.TryGetValue(property.Name, out var clrProperty))
            {
                // Only a key property is left unmatched in a version's model (OnPremisesRoutingModel keeps keys).
                return strict ? throw new InvalidOperationException($"The generated {clrType.Name} lacks the EDM property {property.Name}.") : false;
            }

            bindings.Add((property, clrProperty));
        }

        foreach (var (property, member) in bindings.Where(binding => binding.Member.Name != binding.Property.Name))
        {
            model.SetAnnotationValue(property, new ClrPropertyInfoAnnotation(member));
        }

        return true;
    }

    /// <summary>
    /// Maps each value of the generated enum to the member of <paramref name="enumType"/> with the name the cloud
    /// description (<paramref name="cloudEnumType"/>, which the enum was generated from) gives that value: versions
    /// number some members differently (2020.10's <c>AttendedRobotRobotType</c> has Studio = 3, the cloud's 4).
    /// </summary>
    private static void BindEnumMembers(IEdmModel model, IEdmEnumType enumType, IEdmEnumType cloudEnumType, Type clrType)
    {
        var byName = enumType.Members.ToDictionary(member => member.Name, StringComparer.Ordinal);
        var cloudNames = cloudEnumType.Members.GroupBy(member => member.Value.Value).ToDictionary(group => group.Key, group => group.First().Name);
        var members = new Dictionary<Enum, IEdmEnumMember>();
        foreach (Enum value in Enum.GetValues(clrType))
        {
            if (cloudNames.TryGetValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), out var name)
                && byName.TryGetValue(name, out var member))
            {
                members.TryAdd(value, member);
            }
        }

        model.SetAnnotationValue(enumType, new ClrEnumMemberAnnotation(members));
    }
}
