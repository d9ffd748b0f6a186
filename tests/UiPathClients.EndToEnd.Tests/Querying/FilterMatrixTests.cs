using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Querying;

/// <summary>
/// Every filter of <see cref="FilterMatrix"/> checked three ways: (a) the request the client builds parses
/// with Microsoft.OData.Core against the same EDM; (b) the emulator (ASP.NET Core OData applying the filter
/// to its rows) returns exactly the rows the LINQ-to-objects oracle selects; (c) the emitted filter text is
/// a reviewed snapshot.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class FilterMatrixTests(SharedEmulator session)
{
    public static IEnumerable<object[]> CaseNames => FilterMatrix.All.Select(item => new object[] { item.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_parses_against_the_EDM_and_selects_what_LINQ_selects(string name)
    {
        var item = FilterMatrix.Find(name);
        var context = new MatrixContext(session);

        EdmOracle.Parse(item.RequestUri(session, context));
        var (actual, expected, _) = await item.RunAsync(session, context);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Filter_texts_and_match_counts_are_the_reviewed_snapshot()
    {
        var context = new MatrixContext(session);
        var text = new StringBuilder();
        foreach (var item in FilterMatrix.All)
        {
            var (_, expected, rows) = await item.RunAsync(session, context);
            text.Append(item.Set).Append(" | ").Append(item.Name).Append(" | ").Append(expected.Count).Append(" of ").Append(rows).Append('\n')
                .Append("    ").Append(item.FilterText(session, context)).Append('\n');
        }

        Snapshot.Verify("FilterMatrix", text.ToString(), "txt");
    }

    [Fact]
    public async Task The_matrix_is_large_and_discriminating()
    {
        var context = new MatrixContext(session);
        var selective = 0;
        foreach (var item in FilterMatrix.All)
        {
            var (_, expected, rows) = await item.RunAsync(session, context);
            if (expected.Count > 0 && expected.Count < rows)
            {
                selective++;
            }
        }

        Assert.True(FilterMatrix.All.Count >= 150, $"{FilterMatrix.All.Count} cases");
        Assert.Equal(FilterMatrix.All.Count, FilterMatrix.All.Select(item => item.Name).Distinct(StringComparer.Ordinal).Count());
        // A filter that keeps every row or none proves little; most must split the data.
        Assert.True(selective >= FilterMatrix.All.Count * 85 / 100, $"only {selective} of {FilterMatrix.All.Count} cases select some but not all rows");
    }
}
