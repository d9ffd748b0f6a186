using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace UiPathClients.AutoRest.Tests.TestSupport;

/// <summary>
/// Which of the server's scenario counters belong to which swagger document. The server names its counters without
/// saying which document they test, so a counter belongs to a document when the server file that serves the
/// document's routes spells the counter's name, or (for names the server builds at run time, such as
/// <c>"UrlQueries" + test</c>) when the name starts with that document's prefix.
/// </summary>
public sealed record CoverageArea(string Document, IReadOnlyList<string> ServerFiles, IReadOnlyList<string> NamePrefixes)
{
    /// <summary>The documents issue 19 attempts, with the server files (relative to the package) that serve them.</summary>
    public static IReadOnlyList<CoverageArea> Attempted { get; } =
    [
        new("body-complex", ["legacy/routes/complex.js"], []),
        new("body-string", ["dist/test-routes/string.js"], []),
        new("body-integer", ["legacy/routes/int.js"], []),
        new("body-number", ["legacy/routes/number.js"], []),
        new("body-date", ["legacy/routes/date.js"], []),
        new("body-datetime", ["legacy/routes/datetime.js"], ["getDateTimeMax"]),
        new("body-duration", ["legacy/routes/duration.js"], []),
        new("body-byte", ["dist/test-routes/byte.js"], []),
        new("body-boolean", ["dist/test-routes/bool.js"], []),
        new("body-array", ["dist/test-routes/array.js"], []),
        new("body-dictionary", ["legacy/routes/dictionary.js"], []),
        new("url", ["legacy/routes/queries.js", "legacy/routes/pathitem.js", "dist/test-routes/paths.js"], ["UrlPaths", "UrlQueries"]),
        new("header", ["legacy/routes/header.js"], []),
        new("required-optional", ["dist/test-routes/required-optional-params/"], []),
        new("httpInfrastructure", ["dist/test-routes/http-responses.js"], ["HttpSuccess", "HttpRedirect", "HttpClientFailure", "HttpServerFailure", "HttpRetry"]),
        new("paging", ["legacy/routes/paging.js", "dist/test-routes/paging.js"], []),
        new("validation", ["legacy/routes/validation.js"], []),
    ];

    /// <summary>The counters of <paramref name="report"/> that belong to this document.</summary>
    public IReadOnlyList<string> ScenariosIn(IEnumerable<string> report, string packageDirectory)
    {
        var sources = ServerFiles
            .SelectMany(file => file.EndsWith('/')
                ? Directory.EnumerateFiles(Path.Combine(packageDirectory, file), "*.js", SearchOption.AllDirectories)
                : [Path.Combine(packageDirectory, file)])
            .Select(File.ReadAllText)
            .ToList();
        return report
            .Where(name => NamePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
                || sources.Any(source => SpellsName(source, name)))
            .ToList();
    }

    private static bool SpellsName(string source, string name) =>
        Regex.IsMatch(source, "[\"'`]" + Regex.Escape(name) + "[\"'`]");
}
