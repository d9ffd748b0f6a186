using System;
using System.Collections.Generic;
using System.Net.Http;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>
/// Operation parameters a service reads as plain query parameters (Orchestrator's <c>GetFiles?directory=…</c>): bare values,
/// enums in the service's spelling, a list one pair per item, nothing for null; appended after a path's own query.
/// </summary>
public sealed class ODataConnectionQueryParameterTests
{
    private static ODataConnection Connection()
    {
        var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };
        return new TestServiceClient(http).Connection;
    }

    [Fact]
    public void Values_are_written_bare_and_escaped_and_null_adds_nothing()
    {
        var connection = Connection();
        var query = new List<string>();

        connection.AddQueryParameter(query, "directory", "/in box&more");
        connection.AddQueryParameter(query, "recursive", true);
        connection.AddQueryParameter(query, "expiryInMinutes", 15L);
        connection.AddQueryParameter(query, "priority", (Priority?)Priority.High);
        connection.AddQueryParameter(query, "ids", new List<long> { 3, 4 });
        connection.AddQueryParameter(query, "fileNameGlob", (string?)null);
        connection.AddQueryParameter(query, "missing", (Priority?)null);

        Assert.Equal(new[] { "directory=%2Fin%20box%26more", "recursive=true", "expiryInMinutes=15", "priority=High", "ids=3", "ids=4" }, query);
    }

    [Theory]
    [InlineData("Buckets(1)/Ns.GetFiles()", "Buckets(1)/Ns.GetFiles()?a=1&b=2")]
    [InlineData("Users/Ns.Validate(userIds=@userIds)?@userIds=%5B1%5D", "Users/Ns.Validate(userIds=@userIds)?@userIds=%5B1%5D&a=1&b=2")]
    public void Pairs_are_appended_after_the_path_and_its_own_query(string path, string expected)
    {
        Assert.Equal(expected, ODataConnection.AppendQuery(path, new List<string> { "a=1", "b=2" }));
        Assert.Equal(path, ODataConnection.AppendQuery(path, new List<string>()));
    }

    [Fact]
    public void Missing_arguments_are_refused()
    {
        var connection = Connection();

        Assert.Throws<ArgumentNullException>(() => connection.AddQueryParameter(null!, "a", 1));
        Assert.Throws<ArgumentNullException>(() => connection.AddQueryParameter(new List<string>(), null!, 1));
        Assert.Throws<ArgumentNullException>(() => ODataConnection.AppendQuery(null!, new List<string>()));
        Assert.Throws<ArgumentNullException>(() => ODataConnection.AppendQuery("x", null!));
    }
}
