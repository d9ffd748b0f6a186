using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>The pagers of an operation whose answers page: by next-page link (<c>x-ms-pageable</c>) or by continuation token.</summary>
internal sealed partial class RestMethod
{
    /// <summary>Query parameters a next-page link must carry with the caller's value, whatever the link says: the API version.</summary>
    private IEnumerable<RestParameter> CallerQueryOnNextPages() =>
        _parameters.Where(parameter => parameter.Model.Location == ParameterLocation.Query && string.Equals(parameter.Model.Name, "api-version", StringComparison.OrdinalIgnoreCase));

    private MemberView NextPageRequestMethod()
    {
        var carried = CallerQueryOnNextPages().ToList();
        var linkName = new NameScope(carried.Select(parameter => parameter.CSharpName)).Claim("nextPageLink");
        var lines = new CodeLines()
            .Line($"private {Rest}RestRequest {_nextPageBuildName}({string.Join(", ", new[] { "global::System.Uri " + linkName }.Concat(carried.Select(parameter => parameter.PlainDeclaration)))})")
            .Open()
            .Line($"var request = Connection.CreateNextPageRequest({linkName});");

        // Azure-style services link the next page without the API version, or with their own: the caller's one is sent.
        foreach (var parameter in carried)
        {
            lines.Line($"request.ReplaceQuery({Literal(parameter.Model.Name)}, {parameter.CSharpName});");
        }

        foreach (var error in Operation.Errors)
        {
            lines.Line($"request.WithError<{_context.TypeMapper.Map(error.Type!)}>({Literal(error.StatusCode)});");
        }

        foreach (var status in Operation.ExpectedStatuses)
        {
            lines.Line($"request.WithExpectedStatus({status.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
        }

        return lines.Line("return request;").Close().ToMember();
    }

    /// <summary>
    /// The pager of an <c>x-ms-pageable</c> operation: the first page from this operation, the next ones from the link
    /// the previous page gave (a <c>GET</c> of it, resolved against that page's URI), or, with <c>operationName</c>,
    /// from that operation called with the link and this call's arguments of the same names.
    /// </summary>
    private MemberView? NextLinkPagingMethod(NextLinkShape paging, IReadOnlyList<RestMethod> siblings)
    {
        var answer = Answer();
        var pageType = answer.ResponseType;
        var send = answer.Send;
        var first = $"{_buildName}({Arguments()}).{send}token)";
        string fetch;
        string nextToken;
        if (paging.NextLinkProperty is null)
        {
            fetch = first;
            nextToken = "page => null";
        }
        else if (paging.NextOperationName is null)
        {
            var carried = string.Concat(CallerQueryOnNextPages().Select(parameter => ", " + parameter.CSharpName));
            fetch = $"continuation is null ? {first} : {_nextPageBuildName}(new global::System.Uri(continuation){carried}).{send}token)";
            nextToken = $"page => page.ResolveLink(page.Value?.{paging.NextLinkProperty})?.AbsoluteUri";
        }
        else
        {
            var next = siblings.FirstOrDefault(method => string.Equals(method.Operation.Name, paging.NextOperationName, StringComparison.Ordinal));
            if (next is null || next.Operation.Success?.Type != Operation.Success?.Type || next.NextArguments(this) is not { } nextArguments)
            {
                return null;
            }

            fetch = $"continuation is null ? {first} : {next.BuildName}({nextArguments}).{send}token)";
            nextToken = $"page => page.Value?.{paging.NextLinkProperty}";
        }

        var lines = new CodeLines().Lines(Documentation($"Every item of every page (<c>{DocComment.Escape(paging.ItemsJsonName)}</c>), requesting the next page only when the previous one is consumed."));
        if (Operation.IsDeprecated)
        {
            lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
        }

        var declaration = string.Join(", ", _parameters.Select(parameter => parameter.Declaration).Concat(new[] { CancellationTokenParameter }));
        return lines
            .Line($"public global::System.Collections.Generic.IAsyncEnumerable<{paging.ItemType}> {_pagingName}({declaration}) =>")
            .Indent()
            .Line($"{Rest}ContinuationPaging.EnumerateAsync<{pageType}, {paging.ItemType}>(")
            .Indent()
            .Line("null,")
            .Line($"(continuation, token) => {fetch},")
            .Line($"page => page.Value?.{paging.ItemsProperty},")
            .Line(nextToken + ",")
            .Line("cancellationToken);")
            .Outdent()
            .Outdent()
            .ToMember();
    }

    /// <summary>
    /// This operation's request builder arguments when it fetches a next page for <paramref name="first"/>'s pager:
    /// its <c>nextLink</c> parameter takes the link, the others <paramref name="first"/>'s arguments of the same name
    /// and location; <see langword="null"/> when a required one has no counterpart.
    /// </summary>
    public string? NextArguments(RestMethod first)
    {
        var arguments = new List<string>();
        foreach (var parameter in _parameters)
        {
            if (parameter.Model.Location == ParameterLocation.Path && string.Equals(parameter.Model.Name, "nextLink", StringComparison.OrdinalIgnoreCase))
            {
                arguments.Add("continuation");
            }
            else if (first._parameters.FirstOrDefault(own => own.Model.Name == parameter.Model.Name && own.Model.Location == parameter.Model.Location) is { } same)
            {
                arguments.Add(same.CSharpName);
            }
            else if (!parameter.IsRequired)
            {
                arguments.Add("default");
            }
            else
            {
                return null;
            }
        }

        return string.Join(", ", arguments);
    }

    private MemberView PagingMethod(PagingShape paging)
    {
        var lines = new CodeLines().Lines(Documentation($"Every <c>{DocComment.Escape(paging.ItemsJsonName)}</c> item of every page, requesting the next page (<c>continuation</c>) only when the previous one is consumed."));
        if (Operation.IsDeprecated)
        {
            lines.Line("[global::System.Obsolete(\"The API description marks this operation deprecated.\")]");
        }

        var declaration = string.Join(", ", _parameters.Select(parameter => parameter.Declaration).Concat(new[] { CancellationTokenParameter }));
        var pageArguments = string.Join(", ", _parameters.Select(parameter => parameter == paging.TokenParameter ? "continuation" : parameter.CSharpName));
        var answer = Answer();
        var pageType = answer.ResponseType;
        var send = answer.Send;
        var fetch = paging.TokenParameter is null
            ? $"{_buildName}({pageArguments}).WithJsonBodyProperty({Literal(paging.RequestTokenJsonName)}, continuation).{send}token)"
            : $"{_buildName}({pageArguments}).{send}token)";
        return lines
            .Line($"public global::System.Collections.Generic.IAsyncEnumerable<{paging.ItemType}> {_pagingName}({declaration}) =>")
            .Indent()
            .Line($"{Rest}ContinuationPaging.EnumerateAsync<{pageType}, {paging.ItemType}>(")
            .Indent()
            .Line(paging.FirstToken + ",")
            .Line($"(continuation, token) => {fetch},")
            .Line($"page => page.Value.{paging.ItemsProperty},")
            .Line($"page => page.Value.{paging.NextTokenProperty},")
            .Line("cancellationToken);")
            .Outdent()
            .Outdent()
            .ToMember();
    }
}
