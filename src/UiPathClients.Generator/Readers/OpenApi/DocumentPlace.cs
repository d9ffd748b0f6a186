using System.Collections.Generic;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Where in the document a schema or operation is being read, as the JSON pointer a diagnostic names: each place
/// knows its parent and one escaped token, so entering a place costs one small object and the pointer text is built
/// only when something is reported there.
/// </summary>
internal sealed class DocumentPlace
{
    private readonly DocumentPlace? _parent;
    private readonly string? _token;

    private DocumentPlace(DocumentPlace? parent, string? token)
    {
        _parent = parent;
        _token = token;
    }

    /// <summary>The document itself (<c>#/</c>).</summary>
    public static DocumentPlace Root { get; } = new(null, null);

    /// <summary>The JSON pointer of this place, as a URI fragment (<c>#/paths/~1pets/get</c>).</summary>
    public string Pointer
    {
        get
        {
            var tokens = new List<string>();
            for (var place = this; place._token is not null; place = place._parent!)
            {
                tokens.Add(place._token);
            }

            tokens.Reverse();
            return "#/" + string.Join("/", tokens);
        }
    }

    /// <summary>The place under this one named by <paramref name="token"/> (unescaped: RFC 6901 escaping is applied here).</summary>
    public DocumentPlace Child(string token) => new(this, token.Replace("~", "~0").Replace("/", "~1"));

    /// <summary>The place two tokens under this one.</summary>
    public DocumentPlace Child(string token, string next) => Child(token).Child(next);

    /// <summary>The place three tokens under this one.</summary>
    public DocumentPlace Child(string token, string next, string last) => Child(token).Child(next).Child(last);
}
