using System;

namespace UiPathClients.Runtime.Metadata;

/// <summary>
/// Marks a navigation property. Navigation properties are only present in a response when the
/// request asked for them with <c>$expand</c>, so they are always nullable in generated code.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class ODataNavigationAttribute : Attribute
{
    /// <summary>Whether the related entities are contained in (owned by) the declaring entity.</summary>
    public bool ContainsTarget { get; set; }

    /// <summary>The navigation property on the target type that leads back, when the metadata declares one.</summary>
    public string? Partner { get; set; }
}
