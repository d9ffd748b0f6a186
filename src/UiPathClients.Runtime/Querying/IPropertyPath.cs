namespace UiPathClients.Runtime.Querying;

/// <summary>Something with a property path (<c>Name</c>, <c>Robot/Name</c>): an operand or a related entity's surface. Used by <c>$select</c>.</summary>
public interface IPropertyPath
{
    /// <summary>The path, segments separated by '/'.</summary>
    string Path { get; }
}
