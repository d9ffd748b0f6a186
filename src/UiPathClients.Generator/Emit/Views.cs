using System.Collections.Generic;

namespace UiPathClients.Generator.Emit;

// Views are what ViewRenderer prints: every decision is already made and every string is final C#,
// so the renderer only loops and tests flags. They are built and thrown away inside one emit step
// and never cached, so they may use ordinary lists.

/// <summary>One class file (entity or complex type).</summary>
internal sealed class ClassView
{
    public string Namespace { get; set; } = "";
    public string GeneratorVersion { get; set; } = "";
    public IReadOnlyList<string> DocLines { get; set; } = new List<string>();
    public IReadOnlyList<string> Attributes { get; set; } = new List<string>();
    public string Modifiers { get; set; } = "";
    public string Name { get; set; } = "";
    public string? BaseType { get; set; }
    public IReadOnlyList<PropertyView> Properties { get; set; } = new List<PropertyView>();

    /// <summary>A constructor as final lines, or empty for none.</summary>
    public IReadOnlyList<string> ConstructorLines { get; set; } = new List<string>();

    public bool HasConstructor => ConstructorLines.Count > 0;

    /// <summary>Members placed before the properties as final lines (e.g. the property tracker of a root class), or empty.</summary>
    public IReadOnlyList<string> LeadingLines { get; set; } = new List<string>();

    public bool HasLeadingLines => LeadingLines.Count > 0;
}

/// <summary>One property of a class.</summary>
internal sealed class PropertyView
{
    public IReadOnlyList<string> DocLines { get; set; } = new List<string>();
    public IReadOnlyList<string> Attributes { get; set; } = new List<string>();
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Initializer { get; set; }

    /// <summary>The private field behind a property whose setter notes the assignment; <see langword="null"/> for an auto-property.</summary>
    public string? BackingField { get; set; }

    /// <summary>The statement the setter runs after storing the value (e.g. marks the property set).</summary>
    public string? AfterSet { get; set; }

    public bool IsTracked => BackingField is not null;

    /// <summary>A C# 11 <c>required</c> member: an object initializer that leaves it out does not compile.</summary>
    public bool IsRequired { get; set; }
}

/// <summary>One enum file.</summary>
internal sealed class EnumView
{
    public string Namespace { get; set; } = "";
    public string GeneratorVersion { get; set; } = "";
    public IReadOnlyList<string> DocLines { get; set; } = new List<string>();
    public IReadOnlyList<string> Attributes { get; set; } = new List<string>();
    public string Name { get; set; } = "";
    public string UnderlyingType { get; set; } = "";
    public string FullName { get; set; } = "";
    public string ConverterName { get; set; } = "";
    public string IsFlags { get; set; } = "false";

    /// <summary>The converter's base constructor arguments, e.g. <c>new string[] { "Pending" }, new long[] { 0 }, isFlags: false</c>.</summary>
    public string BaseArguments { get; set; } = "";
    public IReadOnlyList<EnumMemberView> Members { get; set; } = new List<EnumMemberView>();
}

/// <summary>One enum member.</summary>
internal sealed class EnumMemberView
{
    public IReadOnlyList<string> DocLines { get; set; } = new List<string>();
    public IReadOnlyList<string> Attributes { get; set; } = new List<string>();
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";

    /// <summary>Whether the member has a doc comment; documented members are set apart by a blank line, the rest are a list.</summary>
    public bool IsDocumented => DocLines.Count > 0;
}

/// <summary>
/// One generated type whose members are written out by the emitter (service client, entity set and
/// entity clients, filter surfaces, JSON metadata): the renderer only places them.
/// </summary>
internal sealed class CodeFileView
{
    public string Namespace { get; set; } = "";
    public string GeneratorVersion { get; set; } = "";
    public IReadOnlyList<string> DocLines { get; set; } = new List<string>();
    public IReadOnlyList<string> Attributes { get; set; } = new List<string>();

    /// <summary>E.g. <c>public sealed partial class JobsCollection : global::…EntitySetClient&lt;…&gt;</c>.</summary>
    public string Declaration { get; set; } = "";
    public IReadOnlyList<MemberView> Members { get; set; } = new List<MemberView>();
}

/// <summary>One member with its doc comment, as final lines (indentation included, blank lines empty).</summary>
internal sealed class MemberView
{
    public IReadOnlyList<string> Lines { get; set; } = new List<string>();
}
