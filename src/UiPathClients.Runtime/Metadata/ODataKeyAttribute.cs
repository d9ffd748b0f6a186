using System;

namespace UiPathClients.Runtime.Metadata;

/// <summary>Marks a property that is part of its entity type's key.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class ODataKeyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="order">The position of the property in the key, starting at 0; composite keys are formatted in this order.</param>
    public ODataKeyAttribute(int order = 0) => Order = order;

    /// <summary>The position of the property in the key, starting at 0.</summary>
    public int Order { get; }
}
