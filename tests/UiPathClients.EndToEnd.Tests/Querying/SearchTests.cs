using System;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Querying;

/// <summary>
/// <c>Search</c> sends <c>$search</c>; the emulator matches terms against every string property
/// (case-insensitive). The terms here occur only in <c>Info</c>, so the oracle can name that field.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class SearchTests(SharedEmulator session)
{
    [Theory]
    [InlineData("brien", new[] { "brien" })]
    [InlineData("Brien OR synchronisées", new[] { "brien", "synchronisées" })]
    public async Task Search_returns_the_entities_whose_text_contains_a_term(string search, string[] anyOf)
    {
        var query = session.Shared.Jobs.Search(search).Select(j => j.Id);

        var actual = (await query.ToListAsync()).Select(job => job.Id).Order().ToList();
        var count = await session.Shared.Jobs.Search(search).CountAsync();

        var expected = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId)
            .Where(job => job.Info is { } info && anyOf.Any(term => info.Contains(term, StringComparison.OrdinalIgnoreCase)))
            .Select(job => job.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, count);
        EdmOracle.Parse(query.ToUri());
    }
}
