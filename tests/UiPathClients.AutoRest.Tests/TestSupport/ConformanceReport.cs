using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace UiPathClients.AutoRest.Tests.TestSupport;

/// <summary>
/// The server's scenario counters after a run, per attempted document and category, rendered as the coverage section
/// of CONFORMANCE.md: scenarios the server counts, how many a call hit, and the ones not hit with the reason.
/// </summary>
public sealed class ConformanceReport
{
    private const string BeginMarker = "<!-- coverage:begin (written by the test run; UPDATE_CONFORMANCE=1 rewrites it) -->";
    private const string EndMarker = "<!-- coverage:end -->";

    /// <summary>
    /// Scenarios of the attempted documents that no passing call stands for, and why (the server's counter name →
    /// reason): a call that was not made, or one the server counted although our client did not pass it (a deliberate
    /// refusal, a server quirk). Such a counter is never counted as hit, whatever the server says.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotPassed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Deliberate refusals: a value the declared type cannot hold is refused, never approximated.
        ["getDurationPositive"] = "called and refused: P3Y6M4DT12H30M5S has years and months, which no TimeSpan holds exactly (BodyDurationTests.GetPositive_YearsAndMonthsAreRefusedNotApproximated)",
        ["getDateTimeMaxLocalNegativeOffsetLowercase"] = "called and refused: 9999-12-31T23:59:59.999-14:00 is past DateTimeOffset's range in UTC (BodyDatetimeTests)",
        ["getDateTimeMaxLocalNegativeOffsetUppercase"] = "called and refused: 9999-12-31T23:59:59.999-14:00 is past DateTimeOffset's range in UTC (BodyDatetimeTests)",
        // Server quirks: the server answers against its own description.
        ["getDateMin"] = "server quirk: the description's value is 0000-01-01 but the server answers 0001-01-01 (BodyDateTests.ServerQuirk_GetMin)",
        // Deliberate divergences from AutoRest's clients on multiple responses.
        ["ResponsesScenarioA201DefaultNoModel"] = "called: 201 is not declared (200, 204, default error); the client returns the body where AutoRest's clients throw",
        ["ResponsesScenarioA202DefaultNoModel"] = "called: 202 is not declared (200, 204, default error); the client returns the empty answer where AutoRest's clients throw",
        ["ResponsesScenarioH202NonMatchingModel"] = "called: 202 is not declared (200 only); the client returns the body where AutoRest's clients throw",
        ["ResponsesScenarioC201MatchingModel"] = "called: 201's model C is not the A the method returns, so the answer is thrown as RestApiException<C> (UIPC0011 at that response)",
        ["PagingMultipleLRO"] = "called: a long-running operation's pages come by polling, which the product does not do (UIPC0011); the call returns the 202",
        ["PagingCustomUrlPartialNextLink"] = "served by legacy/routes/paging.js but described by custom-baseUrl-paging.json, a document not attempted",
        ["PagingCustomUrlPartialOperationNextLink"] = "served by legacy/routes/paging.js but described by custom-baseUrl-paging.json, a document not attempted",
        // url: the "UrlQueries" name prefix also takes in the multi-format array counters.
        ["UrlQueriesArrayMultiNull"] = "served by legacy/routes/queries.js but described by url-multi-collectionFormat.json, a document not attempted",
        ["UrlQueriesArrayMultiEmpty"] = "served by legacy/routes/queries.js but described by url-multi-collectionFormat.json, a document not attempted",
        ["UrlQueriesArrayMultiValid"] = "served by legacy/routes/queries.js but described by url-multi-collectionFormat.json, a document not attempted",
        // body-datetime: DateTimeOffset holds UTC times within 0001-01-01 … 9999-12-31 only.
        ["putDateTimeMaxLocalNegativeOffset"] = "not callable: 9999-12-31T23:59:59.999-14:00 is 10000-01-01 in UTC, which no DateTimeOffset holds (BodyDatetimeTests.PutLocalNegativeOffsetMaxDateTime)",
        ["putDateTimeMinLocalPositiveOffset"] = "not callable: 0001-01-01T00:00:00+14:00 is year 0 in UTC, which no DateTimeOffset holds (BodyDatetimeTests.PutLocalPositiveOffsetMinDateTime)",
    };

    private readonly List<(CoverageArea Area, string Category, IReadOnlyList<string> Scenarios, IReadOnlyList<string> Hit)> _rows = [];

    private ConformanceReport()
    {
    }

    /// <summary>Attributes the hits of every category (how much each counter rose during the run) to the attempted documents.</summary>
    public static ConformanceReport From(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> hitsByCategory, string packageDirectory)
    {
        var report = new ConformanceReport();
        foreach (var area in CoverageArea.Attempted)
        {
            foreach (var (category, hits) in hitsByCategory)
            {
                var scenarios = area.ScenariosIn(hits.Keys, packageDirectory);
                if (scenarios.Count > 0)
                {
                    report._rows.Add((area, category, scenarios, scenarios.Where(name => hits[name] > 0 && !NotPassed.ContainsKey(name)).ToList()));
                }
            }
        }

        return report;
    }

    /// <summary>Counters in the attempted documents.</summary>
    public int ScenarioCount => _rows.Sum(row => row.Scenarios.Count);

    /// <summary>Of those, counters a call hit.</summary>
    public int HitCount => _rows.Sum(row => row.Hit.Count);

    /// <summary>The coverage section, between its markers.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(BeginMarker);
        text.AppendLine();
        text.AppendLine("| Document | Category | Scenarios | Hit | Coverage |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Area.Document} | {row.Category} | {row.Scenarios.Count} | {row.Hit.Count} | {Percent(row.Hit.Count, row.Scenarios.Count)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all attempted documents** | | **{ScenarioCount}** | **{HitCount}** | **{Percent(HitCount, ScenarioCount)}** |");
        text.AppendLine();
        text.AppendLine("Scenarios of these documents no passing call stands for:");
        text.AppendLine();
        var missed = _rows.SelectMany(row => row.Scenarios.Except(row.Hit).Select(name => (row.Area.Document, row.Category, Name: name))).ToList();
        if (missed.Count == 0)
        {
            text.AppendLine("- none");
        }

        foreach (var (document, category, name) in missed)
        {
            var reason = NotPassed.TryGetValue(name, out var why) ? why : "no reason recorded: a call should hit it";
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{name}` ({document}, {category}): {reason}");
        }

        text.AppendLine();
        text.AppendLine(EndMarker);
        return text.ToString();
    }

    /// <summary>Replaces the coverage section of <paramref name="markdownFile"/> (or appends one).</summary>
    public void WriteInto(string markdownFile)
    {
        var existing = File.Exists(markdownFile) ? File.ReadAllText(markdownFile) : string.Empty;
        var begin = existing.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = begin >= 0 && end > begin
            ? existing[..begin] + ToMarkdown().TrimEnd('\r', '\n') + existing[(end + EndMarker.Length)..]
            : existing + Environment.NewLine + ToMarkdown();
        File.WriteAllText(markdownFile, updated);
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
