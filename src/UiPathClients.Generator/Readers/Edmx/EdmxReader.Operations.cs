using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>Actions and functions, and the entity container: entity sets, singletons and operation imports.</summary>
internal sealed partial class EdmxReader
{
    private OperationModel? ReadOperation(XElement element, string @namespace)
    {
        var name = (string?)element.Attribute("Name");
        if (name is null)
        {
            ReportMissing(element, element.Name.LocalName, "Name");
            return null;
        }

        var kind = element.Name.LocalName == "Action" ? OperationKind.Action : OperationKind.Function;
        var qualifiedName = @namespace + "." + name;
        var description = $"{kind} '{qualifiedName}'";

        var parameters = new List<ParameterModel>();
        var signature = OverloadSignature(element, kind);
        foreach (var parameter in element.Elements(CsdlNames.Edm + "Parameter"))
        {
            var parameterName = (string?)parameter.Attribute("Name");
            var typeAttribute = parameter.Attribute("Type");
            if (parameterName is null || typeAttribute is null)
            {
                ReportMissing(parameter, $"A parameter of {description}", parameterName is null ? "Name" : "Type");
                return null;
            }

            var type = ResolveType(typeAttribute, ReadBoolean(parameter, "Nullable", true), $"Parameter '{parameterName}' of {description}", kind.ToString().ToLowerInvariant());
            if (type is null)
            {
                return null;
            }

            // Core.OptionalParameter may target every overload (Ns.Op/p) or one (Ns.Op(Ns.Binding,Edm.Int32)/p).
            var isOptional = _annotations.IsTagged(parameter, qualifiedName + "/" + parameterName, CsdlNames.OptionalParameterTerm)
                || (signature is not null && _annotations.IsTagged(parameter, qualifiedName + signature + "/" + parameterName, CsdlNames.OptionalParameterTerm));
            parameters.Add(new ParameterModel(parameterName, type, isOptional, _annotations.ParameterLocation(parameter, qualifiedName + "/" + parameterName)));
        }

        var isBound = ReadBoolean(element, "IsBound", false);
        if (isBound && parameters.Count == 0)
        {
            ReportMissing(element, $"Bound {description}", "binding Parameter");
            return null;
        }

        TypeReference? returnType = null;
        var returnElement = element.Element(CsdlNames.Edm + "ReturnType");
        if (returnElement is not null)
        {
            var typeAttribute = returnElement.Attribute("Type");
            if (typeAttribute is null)
            {
                ReportMissing(returnElement, $"The return type of {description}", "Type");
                return null;
            }

            returnType = ResolveType(typeAttribute, ReadBoolean(returnElement, "Nullable", true), $"The return type of {description}", kind.ToString().ToLowerInvariant());
            if (returnType is null)
            {
                return null;
            }
        }
        else if (kind == OperationKind.Function)
        {
            ReportMissing(element, description, "ReturnType");
            return null;
        }

        return new OperationModel(
            kind,
            @namespace,
            name,
            isBound,
            IsComposable: kind == OperationKind.Function && ReadBoolean(element, "IsComposable", false),
            EntitySetPath: (string?)element.Attribute("EntitySetPath"),
            parameters.ToEquatableArray(),
            returnType,
            _annotations.Documentation(element, qualifiedName));
    }

    /// <summary>
    /// The overload part of an annotation target, <c>(Ns.Binding,Edm.Int32)</c>: every parameter type of a function, only the
    /// binding parameter's type of an action (CSDL §14.2.1). Types are written as declared; aliases are resolved.
    /// </summary>
    private string? OverloadSignature(XElement element, OperationKind kind)
    {
        var types = new List<string>();
        var isBound = ReadBoolean(element, "IsBound", false);
        foreach (var parameter in element.Elements(CsdlNames.Edm + "Parameter"))
        {
            if (kind == OperationKind.Action && (!isBound || types.Count == 1))
            {
                break;
            }

            var type = (string?)parameter.Attribute("Type");
            if (type is null)
            {
                return null;
            }

            var (reference, _) = _resolver.Resolve(type, isNullable: true);
            types.Add(reference.IsCollection ? "Collection(" + reference.QualifiedName + ")" : reference.QualifiedName);
        }

        return "(" + string.Join(",", types) + ")";
    }

    private void ReadContainer(XElement container, string qualifiedContainerName, List<EntitySetModel> entitySets, List<OperationImportModel> imports)
    {
        var extends = container.Attribute("Extends");
        if (extends is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(extends), $"EntityContainer '{qualifiedContainerName}' extending '{extends.Value}'", "only the container's own members are generated");
        }

        // CSDL: entity sets, singletons and operation imports share one name space in their container.
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != CsdlNames.Edm)
            {
                continue;
            }

            if (element.Name.LocalName is "EntitySet" or "Singleton" or "ActionImport" or "FunctionImport"
                && element.Attribute("Name") is { } nameAttribute
                && !memberNames.Add(nameAttribute.Value))
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(nameAttribute), qualifiedContainerName, nameAttribute.Value, $"this {element.Name.LocalName} repeats a container member declared before it");
                continue;
            }

            switch (element.Name.LocalName)
            {
                case "EntitySet":
                case "Singleton":
                    var set = ReadEntitySet(element, qualifiedContainerName);
                    if (set is not null)
                    {
                        entitySets.Add(set);
                    }

                    break;
                case "ActionImport":
                case "FunctionImport":
                    var import = ReadOperationImport(element);
                    if (import is not null)
                    {
                        imports.Add(import);
                    }

                    break;
                case "Annotation":
                    break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(element), $"Container element '{element.Name.LocalName}'", "unknown CSDL element");
                    break;
            }
        }
    }

    private EntitySetModel? ReadEntitySet(XElement element, string qualifiedContainerName)
    {
        var isSingleton = element.Name.LocalName == "Singleton";
        var typeAttributeName = isSingleton ? "Type" : "EntityType";
        var name = (string?)element.Attribute("Name");
        var typeAttribute = element.Attribute(typeAttributeName);
        if (name is null || typeAttribute is null)
        {
            ReportMissing(element, element.Name.LocalName, name is null ? "Name" : typeAttributeName);
            return null;
        }

        var entityType = _resolver.ResolveAlias(typeAttribute.Value.Trim());
        if (_resolver.KindOf(entityType) != TypeKind.Entity)
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(typeAttribute), $"{element.Name.LocalName} '{name}'", typeAttribute.Value, element.Name.LocalName.ToLowerInvariant());
            return null;
        }

        var bindings = element.Elements(CsdlNames.Edm + "NavigationPropertyBinding")
            .Select(binding => (Path: (string?)binding.Attribute("Path"), Target: (string?)binding.Attribute("Target")))
            .Where(binding => binding.Path is not null && binding.Target is not null)
            .Select(binding => new NavigationBindingModel(binding.Path!, binding.Target!))
            .ToEquatableArray();

        var target = qualifiedContainerName + "/" + name;
        return new EntitySetModel(name, entityType, isSingleton, bindings, _annotations.Documentation(element, target), _annotations.Capabilities(element, target));
    }

    private OperationImportModel? ReadOperationImport(XElement element)
    {
        var isAction = element.Name.LocalName == "ActionImport";
        var operationAttributeName = isAction ? "Action" : "Function";
        var name = (string?)element.Attribute("Name");
        var operation = (string?)element.Attribute(operationAttributeName);
        if (name is null || operation is null)
        {
            ReportMissing(element, element.Name.LocalName, name is null ? "Name" : operationAttributeName);
            return null;
        }

        return new OperationImportModel(
            isAction ? OperationKind.Action : OperationKind.Function,
            name,
            _resolver.ResolveAlias(operation.Trim()),
            (string?)element.Attribute("EntitySet"));
    }
}
