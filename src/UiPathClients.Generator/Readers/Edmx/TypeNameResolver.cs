using System;
using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>The outcome of resolving a type name written in the spec.</summary>
internal enum TypeResolution
{
    /// <summary>A primitive or a type declared in this document.</summary>
    Resolved,

    /// <summary>A type from a namespace included through <c>edmx:Reference</c>: it exists, but its shape is not in this document.</summary>
    External,

    /// <summary>Neither: the spec is inconsistent.</summary>
    Unresolved,
}

/// <summary>
/// Resolves type names as written in the spec (<c>Alias.Name</c>, <c>Namespace.Name</c>,
/// <c>Collection(...)</c>) against the aliases and declarations of the document.
/// </summary>
internal sealed class TypeNameResolver
{
    private const string CollectionPrefix = "Collection(";

    private readonly Dictionary<string, string> _namespaceByAlias = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referencedNamespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeKind> _declaredTypes = new(StringComparer.Ordinal);

    public void AddAlias(string alias, string @namespace) => _namespaceByAlias[alias] = @namespace;

    public void AddReferencedNamespace(string @namespace) => _referencedNamespaces.Add(@namespace);

    /// <summary>Registers a declaration; returns false when the name is already taken.</summary>
    public bool TryDeclare(string qualifiedName, TypeKind kind)
    {
        if (_declaredTypes.ContainsKey(qualifiedName))
        {
            return false;
        }

        _declaredTypes.Add(qualifiedName, kind);
        return true;
    }

    public TypeKind? KindOf(string qualifiedName) =>
        _declaredTypes.TryGetValue(qualifiedName, out var kind) ? kind : null;

    /// <summary>Replaces a leading alias with the namespace it stands for: <c>self.Foo</c> → <c>My.Namespace.Foo</c>.</summary>
    public string ResolveAlias(string qualifiedName)
    {
        var dot = qualifiedName.LastIndexOf('.');
        if (dot <= 0)
        {
            return qualifiedName;
        }

        var prefix = qualifiedName.Substring(0, dot);
        return _namespaceByAlias.TryGetValue(prefix, out var @namespace)
            ? @namespace + qualifiedName.Substring(dot)
            : qualifiedName;
    }

    /// <summary>Resolves the path prefix of an annotation target such as <c>Alias.Type/Property</c>.</summary>
    public string ResolveTarget(string target)
    {
        var slash = target.IndexOf('/');
        return slash < 0 ? ResolveAlias(target) : ResolveAlias(target.Substring(0, slash)) + target.Substring(slash);
    }

    /// <summary>Parses and resolves a type expression.</summary>
    public (TypeReference Reference, TypeResolution Resolution) Resolve(string typeExpression, bool isNullable)
    {
        var isCollection = false;
        var name = typeExpression.Trim();
        if (name.StartsWith(CollectionPrefix, StringComparison.Ordinal) && name.EndsWith(")", StringComparison.Ordinal))
        {
            isCollection = true;
            name = name.Substring(CollectionPrefix.Length, name.Length - CollectionPrefix.Length - 1).Trim();
        }

        var qualified = ResolveAlias(name);
        var reference = new TypeReference(qualified, isCollection, isNullable);
        return (reference, Classify(qualified));
    }

    private TypeResolution Classify(string qualifiedName)
    {
        if (EdmPrimitiveTypes.IsPrimitive(qualifiedName) || _declaredTypes.ContainsKey(qualifiedName))
        {
            return TypeResolution.Resolved;
        }

        var dot = qualifiedName.LastIndexOf('.');
        return dot > 0 && _referencedNamespaces.Contains(qualifiedName.Substring(0, dot))
            ? TypeResolution.External
            : TypeResolution.Unresolved;
    }
}
