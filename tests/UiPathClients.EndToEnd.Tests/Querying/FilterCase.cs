using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.EndToEnd.Tests.Querying;

/// <summary>What a filter case may read of the emulator's seed (keys and times are only known at run time).</summary>
public sealed class MatrixContext(EmulatorSession session)
{
    /// <summary>The emulator clock's start; seeded times are relative to it.</summary>
    public DateTimeOffset Start => session.Emulator.Started;

    /// <summary>The key of the seeded job with this id.</summary>
    public Guid JobKey(long id) => session.Emulator.Data.Jobs.Find(id, folderId: null)!.Key!.Value;

    /// <summary>The <c>SpecificPriorityValue</c> of the seeded job with this id.</summary>
    public int JobPriorityValue(long id) => session.Emulator.Data.Jobs.Find(id, folderId: null)!.SpecificPriorityValue!.Value;

    /// <summary>The key of the seeded folder with this path.</summary>
    public Guid FolderKey(string path) => session.Emulator.Data.FindFolderByPath(path)!.Key!.Value;

    /// <summary>The id of the seeded folder with this path.</summary>
    public long FolderId(string path) => session.Emulator.Data.FindFolderByPath(path)!.Id;
}

/// <summary>One row of the filter matrix: a typed client filter and the LINQ predicate it must mean.</summary>
public abstract class FilterCase(string set, string name)
{
    /// <summary>The entity set queried.</summary>
    public string Set { get; } = set;

    /// <summary>A unique, readable name.</summary>
    public string Name { get; } = name;

    /// <summary>The request URI the client builds (relative to the base address).</summary>
    public abstract Uri RequestUri(EmulatorSession session, MatrixContext context);

    /// <summary>The keys the emulator returns for the filter, and the keys LINQ-to-objects selects from the same rows.</summary>
    public abstract Task<(IReadOnlyList<string> Actual, IReadOnlyList<string> Expected, int Rows)> RunAsync(EmulatorSession session, MatrixContext context);

    /// <summary>The <c>$filter</c> text, decoded.</summary>
    public string FilterText(EmulatorSession session, MatrixContext context)
    {
        var query = RequestUri(session, context).OriginalString;
        var start = query.IndexOf("$filter=", StringComparison.Ordinal) + "$filter=".Length;
        var end = query.IndexOf('&', start);
        return Uri.UnescapeDataString(end < 0 ? query[start..] : query[start..end]);
    }

    public override string ToString() => Name;
}

/// <summary>A case over one entity set: the client's entity and filter surface, and the server's entity.</summary>
public sealed class FilterCase<TEntity, TSurface, TServer>(
    string set,
    string name,
    Func<EmulatorSession, ODataQuery<TEntity, TSurface>> query,
    Func<TSurface, MatrixContext, Filter> filter,
    Func<EmulatorSession, IEnumerable<TServer>> serverRows,
    Func<TServer, MatrixContext, bool> oracle,
    Func<TSurface, IPropertyPath> keyProperty,
    Func<TEntity, string> clientKey,
    Func<TServer, string> serverKey) : FilterCase(set, name)
    where TEntity : class
    where TSurface : FilterSurface
{
    private ODataQuery<TEntity, TSurface> Build(EmulatorSession session, MatrixContext context) =>
        query(session).Where(surface => filter(surface, context)).Select(keyProperty);

    public override Uri RequestUri(EmulatorSession session, MatrixContext context) => Build(session, context).ToUri();

    public override async Task<(IReadOnlyList<string> Actual, IReadOnlyList<string> Expected, int Rows)> RunAsync(EmulatorSession session, MatrixContext context)
    {
        var actual = (await Build(session, context).ToListAsync()).Select(clientKey).Order(StringComparer.Ordinal).ToList();
        var rows = serverRows(session).ToList();
        var expected = rows.Where(row => oracle(row, context)).Select(serverKey).Order(StringComparer.Ordinal).ToList();
        return (actual, expected, rows.Count);
    }
}
