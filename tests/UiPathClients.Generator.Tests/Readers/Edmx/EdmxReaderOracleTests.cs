using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers.Edmx;
using UiPathClients.Generator.Tests.TestSupport;
using UiPathClients.Tests.Common;

namespace UiPathClients.Generator.Tests.Readers.Edmx;

/// <summary>
/// Holds our System.Xml CSDL reader to Microsoft.OData.Edm's <see cref="CsdlReader"/>: both read the
/// same document into a flat, sorted list of facts (types, properties with type and nullability,
/// keys, navigation, sets, operations) and the lists must be equal.
/// </summary>
public sealed class EdmxReaderOracleTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        data.Add(TestPaths.BundledOrchestratorSpec);
        foreach (var file in TestPaths.FeatureSpecs())
        {
            data.Add(file);
        }

        return data;
    }

    public static TheoryData<string> CorpusDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.CorpusEdmxFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusDocuments))]
    public void Reader_agrees_with_Microsoft_OData_Edm_on_real_documents(string path) => Reader_agrees_with_Microsoft_OData_Edm(path);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reader_agrees_with_Microsoft_OData_Edm(string path)
    {
        var text = File.ReadAllText(path);
        var ours = EdmxReader.Read(new SpecFile(path, SpecKind.Edmx, text, new SpecOptions(null, null, null)), CancellationToken.None);
        Assert.NotNull(ours.Model);

        using var xml = XmlReader.Create(new StringReader(text));
        // CsdlReader rejects some valid CSDL 4.0 facets (MaxLength on a TypeDefinition in the Core
        // vocabulary); ignoring unexpected attributes keeps it usable as an oracle for the rest.
        Assert.True(CsdlReader.TryParse(xml, ignoreUnexpectedAttributesAndElements: true, out var oracle, out var parseErrors), "CsdlReader refused the document: " + string.Join("; ", parseErrors ?? Array.Empty<EdmError>()));

        var expected = OracleFacts(oracle, OverloadTargetedOptionalParameters(text), out var unresolvedInOracle);
        var actual = OurFacts(ours.Model!);

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"Our model differs from CsdlReader's for {Path.GetFileName(path)}:\n" +
            string.Join("\n", missing.Take(40).Select(fact => "  only in CsdlReader: " + fact)) + "\n" +
            string.Join("\n", extra.Take(40).Select(fact => "  only in ours:       " + fact)));

        // Members CsdlReader could not resolve are left out by us: each must have been reported.
        var reportedUnresolved = ours.Diagnostics.Count(diagnostic => diagnostic.DescriptorId == "UIPC0003");
        Assert.Equal(unresolvedInOracle, reportedUnresolved);
    }

    /// <summary>
    /// Core.OptionalParameter aimed at one overload (<c>Ns.Fn(Ns.Binding,Edm.Int32)/p</c>, CSDL §14.2.1, as SAP CAP writes it):
    /// CsdlReader 8.4 does not resolve such targets, so the oracle reads them from the document, as <c>Ns.Fn/p</c>.
    /// </summary>
    private static HashSet<string> OverloadTargetedOptionalParameters(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var edm = System.Xml.Linq.XNamespace.Get("http://docs.oasis-open.org/odata/ns/edm");
        foreach (var annotations in System.Xml.Linq.XDocument.Parse(text).Descendants(edm + "Annotations"))
        {
            var target = (string?)annotations.Attribute("Target") ?? string.Empty;
            var open = target.IndexOf('(', StringComparison.Ordinal);
            var slash = target.LastIndexOf(")/", StringComparison.Ordinal);
            if (open > 0 && slash > open && annotations.Elements(edm + "Annotation").Any(annotation => ((string?)annotation.Attribute("Term"))?.EndsWith(".OptionalParameter", StringComparison.Ordinal) == true))
            {
                found.Add(target.Substring(0, open) + target.Substring(slash + 1));
            }
        }

        return found;
    }

    /// <summary>CsdlReader makes an inline Core.OptionalParameter an <see cref="IEdmOptionalParameter"/>; one in an Annotations block stays an annotation.</summary>
    private static bool IsOptionalByAnnotation(IEdmModel model, IEdmOperationParameter parameter) =>
        model.VocabularyAnnotations.Any(annotation =>
            annotation.Term.FullName() == "Org.OData.Core.V1.OptionalParameter"
            && annotation.Qualifier is null
            && annotation.Target is IEdmOperationParameter target
            && target.Name == parameter.Name
            && target.DeclaringOperation?.FullName() == parameter.DeclaringOperation.FullName());

    private static List<string> OracleFacts(IEdmModel model, ISet<string> overloadTargetedOptional, out int unresolvedMembers)
    {
        var facts = new List<string>();
        var unresolved = 0;

        // A name resolves when the document declares it or it is an Edm primitive. Asking the model
        // (FindType, IsBad) is not enough: it also flags good types that contain a bad member, and the
        // Core vocabulary document collides with CsdlReader's built-in copy of that vocabulary.
        var declared = new HashSet<string>(model.SchemaElements.OfType<IEdmSchemaType>().Select(type => type.FullName()), StringComparer.Ordinal);

        string? Describe(IEdmTypeReference? reference, bool includeNullability = true)
        {
            if (reference is null)
            {
                return "void";
            }

            var isCollection = reference.IsCollection();
            var element = isCollection ? reference.AsCollection().ElementType() : reference;
            var fullName = element.FullName();
            if (fullName is null || !(declared.Contains(fullName) || fullName.StartsWith("Edm.", StringComparison.Ordinal)))
            {
                return null;
            }

            return Format(fullName, isCollection, element.IsNullable, includeNullability);
        }

        foreach (var element in model.SchemaElements)
        {
            switch (element)
            {
                case IEdmEnumType enumType:
                    facts.Add($"enum {enumType.FullName()} {enumType.UnderlyingType.FullName()}{(enumType.IsFlags ? " flags" : "")}");
                    facts.AddRange(enumType.Members.Select(member => $"member {enumType.FullName()}/{member.Name}={member.Value.Value}"));
                    break;
                case IEdmTypeDefinition definition:
                    facts.Add($"typedef {definition.FullName()} {definition.UnderlyingType.FullName()}");
                    break;
                case IEdmStructuredType structured:
                    var name = ((IEdmSchemaElement)structured).FullName();
                    var kind = structured is IEdmEntityType ? "entity" : "complex";
                    var flags = (structured.IsAbstract ? " abstract" : "") + (structured.IsOpen ? " open" : "")
                        + (structured is IEdmEntityType { HasStream: true } ? " stream" : "")
                        + (structured.BaseType is IEdmSchemaElement baseType ? " : " + baseType.FullName() : "");
                    facts.Add($"{kind} {name}{flags}");
                    if (structured is IEdmEntityType entity && entity.DeclaredKey is { } key)
                    {
                        facts.Add($"key {name} {string.Join(",", key.Select(property => property.Name))}");
                    }

                    foreach (var property in structured.DeclaredProperties)
                    {
                        if (property is IEdmNavigationProperty navigation)
                        {
                            var type = Describe(navigation.Type, includeNullability: !navigation.Type.IsCollection());
                            if (type is null)
                            {
                                unresolved++;
                            }
                            else
                            {
                                facts.Add($"nav {name}/{navigation.Name} {type}{(navigation.ContainsTarget ? " contained" : "")}{(navigation.Partner is null ? "" : " partner " + navigation.Partner.Name)}");
                            }
                        }
                        else
                        {
                            var type = Describe(property.Type);
                            if (type is null)
                            {
                                unresolved++;
                            }
                            else
                            {
                                facts.Add($"prop {name}/{property.Name} {type}");
                            }
                        }
                    }

                    break;
                case IEdmOperation operation:
                    var parameters = operation.Parameters.Select(parameter => parameter.Name + ":" + Describe(parameter.Type) + (parameter is IEdmOptionalParameter || IsOptionalByAnnotation(model, parameter) || overloadTargetedOptional.Contains(operation.FullName() + "/" + parameter.Name) ? " optional" : string.Empty)).ToList();
                    var returnType = Describe(operation.GetReturn()?.Type);
                    if (returnType is null || parameters.Any(parameter => parameter.EndsWith(":", StringComparison.Ordinal)))
                    {
                        // We leave out an operation with any unresolved type (and say so once).
                        unresolved++;
                        break;
                    }

                    facts.Add($"{(operation is IEdmAction ? "action" : "function")} {operation.FullName()}{(operation.IsBound ? " bound" : "")}({string.Join(", ", parameters)}) -> {returnType}");
                    break;
            }
        }

        if (model.EntityContainer is { } container)
        {
            facts.AddRange(container.EntitySets().Select(set => $"set {set.Name} {set.EntityType.FullName()}"));
            facts.AddRange(container.Singletons().Select(singleton => $"singleton {singleton.Name} {singleton.EntityType.FullName()}"));
            facts.AddRange(container.OperationImports().Select(import => $"import {(import.IsActionImport() ? "action" : "function")} {import.Name} {import.Operation.FullName()}"));
        }

        unresolvedMembers = unresolved;
        facts.Sort(StringComparer.Ordinal);
        return facts.Distinct().ToList();
    }

    private static List<string> OurFacts(ClientModel model)
    {
        var facts = new List<string>();
        string Describe(TypeReference? reference, bool includeNullability = true) =>
            reference is null ? "void" : Format(reference.QualifiedName, reference.IsCollection, reference.IsNullable, includeNullability);

        foreach (var type in model.Types)
        {
            switch (type.Kind)
            {
                case TypeKind.Enum:
                    facts.Add($"enum {type.QualifiedName} {type.UnderlyingType}{(type.IsFlags ? " flags" : "")}");
                    facts.AddRange(type.Members.Select(member => $"member {type.QualifiedName}/{member.Name}={member.Value}"));
                    break;
                case TypeKind.TypeDefinition:
                    facts.Add($"typedef {type.QualifiedName} {type.UnderlyingType}");
                    break;
                default:
                    var kind = type.Kind == TypeKind.Entity ? "entity" : "complex";
                    var flags = (type.IsAbstract ? " abstract" : "") + (type.IsOpen ? " open" : "") + (type.HasStream ? " stream" : "")
                        + (type.BaseType is null ? "" : " : " + type.BaseType);
                    facts.Add($"{kind} {type.QualifiedName}{flags}");
                    if (type.Kind == TypeKind.Entity && type.Key.Count > 0)
                    {
                        facts.Add($"key {type.QualifiedName} {string.Join(",", type.Key)}");
                    }

                    foreach (var property in type.Properties)
                    {
                        facts.Add(property.Kind == PropertyKind.Navigation
                            ? $"nav {type.QualifiedName}/{property.Name} {Describe(property.Type, includeNullability: !property.Type.IsCollection)}{(property.ContainsTarget ? " contained" : "")}{(property.Partner is null ? "" : " partner " + property.Partner)}"
                            : $"prop {type.QualifiedName}/{property.Name} {Describe(property.Type)}");
                    }

                    break;
            }
        }

        foreach (var operation in model.Operations)
        {
            var parameters = operation.Parameters.Select(parameter => parameter.Name + ":" + Describe(parameter.Type) + (parameter.IsOptional ? " optional" : string.Empty));
            facts.Add($"{(operation.Kind == OperationKind.Action ? "action" : "function")} {operation.QualifiedName}{(operation.IsBound ? " bound" : "")}({string.Join(", ", parameters)}) -> {Describe(operation.ReturnType)}");
        }

        facts.AddRange(model.EntitySets.Select(set => $"{(set.IsSingleton ? "singleton" : "set")} {set.Name} {set.EntityType}"));
        facts.AddRange(model.OperationImports.Select(import => $"import {(import.Kind == OperationKind.Action ? "action" : "function")} {import.Name} {import.Operation}"));

        facts.Sort(StringComparer.Ordinal);
        return facts.Distinct().ToList();
    }

    private static string Format(string elementName, bool isCollection, bool isNullable, bool includeNullability) =>
        (isCollection ? "Collection(" + elementName + ")" : elementName) + (includeNullability ? (isNullable ? " null" : " not-null") : "");
}
