using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Naming;

/// <summary>A spec name and the C# name given to it.</summary>
/// <param name="SpecName">The name in the spec (a property, enum member, entity set or group).</param>
/// <param name="CSharpName">The C# identifier, unique in its scope.</param>
internal readonly record struct NamePair(string SpecName, string CSharpName);

/// <summary>Name pairs as a lookup from spec name to C# name.</summary>
internal static class NamePairs
{
    public static Dictionary<string, string> ToNameMap(this EquatableArray<NamePair> pairs) =>
        pairs.ToDictionary(pair => pair.SpecName, pair => pair.CSharpName, StringComparer.Ordinal);
}

/// <summary>The C# names of one spec type and of the helper types generated for it.</summary>
/// <param name="QualifiedName">The type's qualified name in the spec.</param>
/// <param name="Namespace">The C# namespace it is declared in.</param>
/// <param name="Name">The C# type name.</param>
/// <param name="HintPrefix">The sub-namespace path as a hint-name prefix (<c>Partners.Billing.</c>), empty in the client's namespace.</param>
/// <param name="ConverterName">The JSON converter of an enum or union, else <see langword="null"/>.</param>
/// <param name="FilterName">The <c>$filter</c> surface, where the plan gives the type one.</param>
/// <param name="EntityClientName">The entity client of an entity type.</param>
/// <param name="Members">Properties (entities, complex types, unions) or members (enums) by spec name, in declaration order; an enum's unknown-value member under <see cref="ClientNamer.UnknownEnumMember"/>.</param>
/// <param name="FilterMembers">
/// The filter surface's members: an operand per property that has one, by the property's spec name, then the casts to
/// each derived type's surface, by <see cref="ClientNamer.CastKey"/> and <see cref="ClientNamer.TypeTestKey"/>; named in
/// one scope with everything the surface inherits. Empty without a surface.
/// </param>
internal sealed record TypeNames(
    string QualifiedName,
    string Namespace,
    string Name,
    string HintPrefix,
    string? ConverterName,
    string? FilterName,
    string? EntityClientName,
    EquatableArray<NamePair> Members,
    EquatableArray<NamePair> FilterMembers)
{
    /// <summary>The fully qualified C# name, <c>global::</c> included.</summary>
    public string FullName => "global::" + Namespace + "." + Name;
}

/// <summary>
/// Every C# name that more than one generated file uses, decided in one pass by <see cref="ClientNamer"/>: the types and
/// their helpers, the client-level classes, each class's properties and each enum's members. Names that only one
/// class's own members use (its methods' parameters) are chosen by the writer of that class, in that class's scope.
/// </summary>
/// <param name="Types">Every emitted spec type, in model order.</param>
/// <param name="ServiceClientName">The root client (<c>OrchestratorClient</c>).</param>
/// <param name="JsonMetadataName">The System.Text.Json metadata resolver.</param>
/// <param name="ConstraintsName">The constraint tables' class, when the client checks constraints.</param>
/// <param name="EntitySetClasses">Each entity set's client class, by set name.</param>
/// <param name="RestGroupClasses">Each REST group's class, by group key.</param>
/// <param name="ConstraintFields">The constraints class's member holding each constrained type's table, by qualified type name.</param>
/// <param name="RestGroups">Each REST group's method names, in the plan's group order.</param>
/// <param name="ODataClients">Each OData client class's member names, in the plan's order.</param>
internal sealed record ClientNames(
    EquatableArray<TypeNames> Types,
    string ServiceClientName,
    string JsonMetadataName,
    string? ConstraintsName,
    EquatableArray<NamePair> EntitySetClasses,
    EquatableArray<NamePair> RestGroupClasses,
    EquatableArray<NamePair> ConstraintFields,
    EquatableArray<RestGroupNames> RestGroups,
    EquatableArray<ODataClientNames> ODataClients);

/// <summary>The members of one OData client class, named in that class's scope, each array parallel to the plan's.</summary>
/// <param name="Accessors">The service client's property per entity set and singleton.</param>
/// <param name="Operations">The method of each operation overload (overloads of one operation share a name).</param>
/// <param name="Navigations">The property of each navigation.</param>
internal sealed record ODataClientNames(EquatableArray<string> Accessors, EquatableArray<string> Operations, EquatableArray<string> Navigations);

/// <summary>The methods of one REST group's class, named in that class's scope.</summary>
/// <param name="Methods">Each operation's methods, in the plan's operation order.</param>
/// <param name="StreamLoops">The <c>ProcessAsync</c> helper of each stream loop, in the plan's loop order.</param>
internal sealed record RestGroupNames(EquatableArray<RestMethodNames> Methods, EquatableArray<string> StreamLoops);

/// <summary>The methods one REST operation gets.</summary>
/// <param name="BuildRequest">The private request builder (<c>CreateGetJobRequest</c>).</param>
/// <param name="Value">The method returning the body (<c>GetJobAsync</c>); none for a stream, whose one method returns the answer.</param>
/// <param name="WithResponse">The method returning the whole answer (<c>GetJobWithResponseAsync</c>, or <c>DownloadAsync</c> for a stream).</param>
/// <param name="All">The enumerator over every page's items (<c>ListJobsAllAsync</c>), when the answers page.</param>
/// <param name="NextPageRequest">The builder of a next-page request from a link, when the pager follows links with no other operation.</param>
internal sealed record RestMethodNames(string BuildRequest, string? Value, string WithResponse, string? All, string? NextPageRequest);
