using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using UiPathClients.Generator.Naming;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Querying;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Generator.Tests.Naming;

/// <summary>
/// The namer and writers keep the member names of the runtime classes generated classes derive from as lists, so a generated member
/// never hides one (CS0108) or takes its name. Each list must be exactly those members: one the runtime gains and the list
/// lacks would be hidden by a spec name; one the list keeps after the runtime dropped it renames spec members for nothing.
/// </summary>
public sealed class ReservedNamesTests
{
    [Fact]
    public void The_object_member_list_is_the_members_of_object() =>
        AssertSameNames(ReservedNames.ObjectMembers, MembersVisibleToDerivedClasses(typeof(object)));

    [Fact]
    public void The_filter_surface_list_is_the_members_of_FilterSurface() =>
        AssertSameNames(ReservedNames.FilterSurfaceMembers, MembersVisibleToDerivedClasses(typeof(FilterSurface)).Except(ReservedNames.ObjectMembers));

    [Fact]
    public void The_entity_set_list_is_the_members_of_both_entity_set_bases() =>
        AssertSameNames(
            ReservedNames.EntitySetBaseMembers,
            MembersVisibleToDerivedClasses(typeof(EntitySetClient<,>))
                .Union(MembersVisibleToDerivedClasses(typeof(UnqueryableEntitySetClient<,>)))
                .Except(ReservedNames.ObjectMembers));

    [Fact]
    public void The_entity_list_is_the_members_of_both_entity_bases() =>
        AssertSameNames(
            ReservedNames.EntityBaseMembers,
            MembersVisibleToDerivedClasses(typeof(EntityClient<,>))
                .Union(MembersVisibleToDerivedClasses(typeof(EntityClientBase<,>)))
                .Except(ReservedNames.ObjectMembers));

    [Fact]
    public void The_union_list_is_the_members_of_JsonUnion() =>
        AssertSameNames(ReservedNames.UnionMembers, MembersVisibleToDerivedClasses(typeof(JsonUnion)).Except(ReservedNames.ObjectMembers));

    /// <summary>
    /// Names of the members a class in another assembly deriving from <paramref name="type"/> could hide: every member that is
    /// not private, inherited ones included. Internal members count too, because the runtime lets a friend assembly
    /// (Benchmarks) see them and it compiles generated clients. Constructors, operators, accessors and explicit interface
    /// implementations (private, named with their interface) have no name a member could take.
    /// </summary>
    private static IEnumerable<string> MembersVisibleToDerivedClasses(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            names.UnionWith(current.GetMembers(All).Where(IsVisibleToDerivedClasses).Select(member => member.Name));
        }

        return names;
    }

    private static bool IsVisibleToDerivedClasses(MemberInfo member) => member switch
    {
        ConstructorInfo => false,
        MethodInfo method => !method.IsSpecialName && !method.IsPrivate,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(accessor => !accessor.IsPrivate),
        EventInfo @event => @event.AddMethod is { IsPrivate: false },
        FieldInfo field => !field.IsSpecialName && !field.IsPrivate,
        Type nested => !nested.IsNestedPrivate,
        _ => false,
    };

    private static void AssertSameNames(IEnumerable<string> list, IEnumerable<string> members) =>
        Assert.Equal(members.OrderBy(name => name, StringComparer.Ordinal), list.Distinct().OrderBy(name => name, StringComparer.Ordinal));
}
