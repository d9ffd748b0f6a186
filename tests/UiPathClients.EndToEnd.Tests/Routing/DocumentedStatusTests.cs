using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Tests.Common;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using ServerJobState = UiPathClients.Emulator.Orchestrator.Contracts.JobState;
using ServerTask = UiPathClients.Emulator.Orchestrator.Contracts.TaskDto;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>
/// Every operation the emulator implements answers a successful request with a status the public v20 description
/// (<c>../shared/specs-real/uipath/orchestrator-cloud-v20.0.uipathcli.openapi3.yaml</c>) documents for it: one
/// successful call of each (and of the entity-set CRUD routes, on <c>Webhooks</c>), checked against the 2xx codes of
/// the operation's <c>responses</c>. An operation added to <see cref="EveryDescribedRouteTests.ImplementedOperations"/>
/// must get a call here.
/// </summary>
public sealed class DocumentedStatusTests(ClockedEmulator session, ITestOutputHelper output) : IClassFixture<ClockedEmulator>
{
    private const string SourceFile = "orchestrator-cloud-v20.0.uipathcli.openapi3.yaml";

    /// <summary>Implemented operations the description does not have (specs/README.md, "Supplement"): no documented status to check.</summary>
    private static readonly string[] Supplemented =
    [
        "Jobs/UiPath.Server.Configuration.OData.GetByKey",
        "Buckets/UiPath.Server.Configuration.OData.GetByKey",
    ];

    private readonly List<(string Method, string Path, int Status)> _calls = [];

    [SharedCorpusFact]
    public async Task Every_implemented_operation_answers_success_with_the_status_the_description_documents()
    {
        var documented = DocumentedSuccessCodes(SharedCorpus.PathOf("uipath", SourceFile));
        Assert.True(documented.Count > 300, $"Only {documented.Count} /odata/ operations read from {SourceFile}: the reader is broken.");

        await CallEveryImplementedOperationAsync();

        var mismatches = new List<string>();
        foreach (var (method, path, status) in _calls)
        {
            var route = path.Split('?')[0];
            route = route.EndsWith("()", StringComparison.Ordinal) ? route[..^2] : route;
            var match = documented.FirstOrDefault(candidate => candidate.Key.Method == method && candidate.Key.Pattern.IsMatch(route));
            output.WriteLine($"{status} {method} {path} (documented: {(match.Value is null ? "-" : string.Join(", ", match.Value))})");
            if (match.Value is null)
            {
                mismatches.Add($"{method} {path}: not in the description");
            }
            else if (!match.Value.Contains(status))
            {
                mismatches.Add($"{method} {path} answered {status}; the description documents {string.Join(", ", match.Value)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        var called = _calls.Select(call => OperationRoute(call.Path)).ToHashSet(StringComparer.Ordinal);
        var uncalled = EveryDescribedRouteTests.ImplementedOperations.Except(Supplemented).Where(operation => !called.Contains(operation)).ToList();
        Assert.True(uncalled.Count == 0, "Implemented operations this test does not call yet:\n" + string.Join("\n", uncalled));
    }

    /// <summary>One successful request to each implemented operation and to each CRUD route (on <c>Webhooks</c>).</summary>
    private async Task CallEveryImplementedOperationAsync()
    {
        const string Ns = "UiPath.Server.Configuration.OData.";
        var data = session.Emulator.Data;

        // Entity-set CRUD, on a tenant-level set that has every method.
        var webhook = await SendAsync("POST", "Webhooks", """{"Name":"E2E statuses","Url":"https://hooks.example.com/e2e","Enabled":true,"SubscribeToAllEvents":true,"AllowInsecureSsl":false,"Events":[]}""");
        var webhookId = webhook.GetProperty("Id").GetInt64();
        await SendAsync("GET", "Webhooks");
        await SendAsync("GET", $"Webhooks({webhookId})");
        await SendAsync("PATCH", $"Webhooks({webhookId})", """{"Enabled":false}""");
        await SendAsync("PUT", $"Webhooks({webhookId})", """{"Name":"E2E statuses","Url":"https://hooks.example.com/e2e","Enabled":true,"SubscribeToAllEvents":true,"AllowInsecureSsl":false,"Events":[]}""");
        await SendAsync("POST", $"Webhooks({webhookId})/{Ns}Ping", "{}");
        await SendAsync("GET", $"Webhooks/{Ns}GetEventTypes()");
        await SendAsync("DELETE", $"Webhooks({webhookId})");

        // Jobs.
        var release = data.Releases.InFolder(session.SharedFolderId).First();
        var started = await SendAsync("POST", $"Jobs/{Ns}StartJobs", "{\"startInfo\":{\"ReleaseKey\":\"" + release.Key + "\",\"Strategy\":\"ModernJobsCount\",\"JobsCount\":1}}");
        var jobId = started.GetProperty("value")[0].GetProperty("Id").GetInt64();
        await SendAsync("POST", $"Jobs({jobId})/{Ns}StopJob", """{"strategy":"SoftStop"}""");
        var restarted = await SendAsync("POST", $"Jobs/{Ns}RestartJob", "{\"jobId\":" + jobId.ToString(CultureInfo.InvariantCulture) + "}");
        var restartedId = restarted.GetProperty("Id").GetInt64();
        data.Jobs.Update(restartedId, folderId: null, job => job.State = ServerJobState.Suspended);
        await SendAsync("POST", $"Jobs/{Ns}ResumeJob", "{\"jobKey\":\"" + restarted.GetProperty("Key").GetString() + "\"}");
        await SendAsync("GET", $"JobTriggers/{Ns}GetByJobKey(jobKey={restarted.GetProperty("Key").GetString()})");
        await SendAsync("POST", $"Jobs/{Ns}StopJobs", "{\"strategy\":\"Kill\",\"jobIds\":[" + restartedId.ToString(CultureInfo.InvariantCulture) + "]}");
        await SendAsync("POST", $"Releases({release.Id})/{Ns}UpdateToSpecificPackageVersion", """{"packageVersion":"1.0.9"}""");
        await SendAsync("POST", $"Releases({release.Id})/{Ns}UpdateToLatestPackageVersion?mergePackageTags=false", "{}");
        await SendAsync("POST", $"Releases/{Ns}UpdateToLatestPackageVersionBulk", "{\"releaseIds\":[" + release.Id.ToString(CultureInfo.InvariantCulture) + "],\"mergePackageTags\":false}");

        // Queues: add, start, report progress, end; the item's last retry.
        var queue = data.QueueDefinitions.InFolder(session.SharedFolderId).First();
        await SendAsync("POST", "Queues/UiPathODataSvc.AddQueueItem", "{\"itemData\":{\"Name\":\"" + queue.Name + "\",\"Reference\":\"E2E-status-1\",\"Priority\":\"High\"}}");
        await SendAsync("POST", "Queues/UiPathODataSvc.BulkAddQueueItems", "{\"queueName\":\"" + queue.Name + "\",\"commitType\":\"AllOrNothing\",\"queueItems\":[{\"Name\":\"" + queue.Name + "\",\"Reference\":\"E2E-status-2\"}]}");
        var item = await SendAsync("POST", "Queues/UiPathODataSvc.StartTransaction", "{\"transactionData\":{\"Name\":\"" + queue.Name + "\",\"Reference\":\"E2E-status-1\"}}");
        var itemId = item.GetProperty("Id").GetInt64();
        await SendAsync("POST", $"QueueItems({itemId})/UiPathODataSvc.SetTransactionProgress", """{"progress":"halfway"}""");
        await SendAsync("POST", $"Queues({itemId})/UiPathODataSvc.SetTransactionResult", """{"transactionResult":{"IsSuccessful":true}}""");
        await SendAsync("GET", $"QueueItems/UiPathODataSvc.GetItemLastRetryByKey(key={item.GetProperty("Key").GetString()})");

        await SendAsync("GET", $"QueueItems({itemId})/{Ns}GetItemLastRetry()");
        var waiting = data.QueueItems.InFolder(session.SharedFolderId).Single(candidate => candidate.Reference == "E2E-status-2");
        await SendAsync("POST", "QueueItems/UiPathODataSvc.DeleteBulk", "{\"queueItems\":[{\"Id\":" + waiting.Id.ToString(CultureInfo.InvariantCulture) + "}]}");
        await SendAsync("GET", $"QueueDefinitions/{Ns}GetByKey(identifier={queue.Key})");
        await SendAsync("GET", $"QueueDefinitions/{Ns}GetFoldersForQueue(id={queue.Id})");

        // Lookups, counts and bulk changes on other sets.
        var folderKey = data.Folders.Find(session.SharedFolderId, folderId: null)!.Key;
        await SendAsync("GET", $"Folders/{Ns}GetByKey(identifier={folderKey})");
        await SendAsync("GET", $"Assets/{Ns}GetFoldersForAsset(id={data.Assets.InFolder(session.SharedFolderId).First().Id})");
        await SendAsync("GET", $"Assets/{Ns}GetRobotAssetByRobotId(robotId={data.Robots.InFolder(null).First().Id},assetName='{data.Assets.InFolder(session.SharedFolderId).First().Name}')");
        var bucket = await SendAsync("POST", "Buckets", """{"Name":"E2E statuses","Identifier":"6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}""");
        await SendAsync("GET", $"Buckets/{Ns}GetFoldersForBucket(id={bucket.GetProperty("Id").GetInt64()})");
        await SendAsync("GET", $"Buckets/{Ns}GetBucketsAcrossFolders()");
        await SendAsync("GET", $"Alerts/{Ns}GetUnreadCount()");
        await SendAsync("GET", $"RobotLogs/{Ns}GetTotalCount()");
        var robots = data.Robots.InFolder(null).Select(robot => robot.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        await SendAsync("POST", $"Robots/{Ns}ToggleEnabledStatus", "{\"robotIds\":[" + robots[0] + "],\"enabled\":false}");
        await SendAsync("POST", $"Robots/{Ns}DeleteBulk", "{\"robotIds\":[" + robots[^1] + "]}");
        await SendAsync("POST", $"Machines/{Ns}DeleteBulk", "{\"machineIds\":[" + data.Machines.InFolder(null).Last().Id.ToString(CultureInfo.InvariantCulture) + "]}");

        var items = "[{\"Id\":" + itemId.ToString(CultureInfo.InvariantCulture) + "}]";
        await SendAsync("POST", "QueueItems/UiPathODataSvc.SetItemReviewStatus", "{\"status\":\"InReview\",\"queueItems\":" + items + "}");
        await SendAsync("POST", "QueueItems/UiPathODataSvc.SetItemReviewer", "{\"userId\":1,\"queueItems\":" + items + "}");
        await SendAsync("POST", "QueueItems/UiPathODataSvc.UnsetItemReviewer", "{\"queueItems\":" + items + "}");
        await SendAsync("GET", $"QueueItemComments/{Ns}GetQueueItemCommentsHistory(queueItemId={itemId})");
        await SendAsync("POST", $"Alerts/{Ns}MarkAsRead", """{"ids":[]}""");
        await SendAsync("GET", $"Robots/{Ns}GetUsernames()");
        await SendAsync("POST", $"ProcessSchedules/{Ns}SetEnabled", """{"enabled":true,"scheduleIds":[]}""");
        await SendAsync("POST", $"TestSetSchedules/{Ns}SetEnabled", """{"enabled":true,"testSetScheduleIds":[]}""");

        var task = data.Table<ServerTask, long>("Tasks").Add(new ServerTask { Key = Guid.NewGuid(), Title = "E2E statuses" });
        await SendAsync("GET", $"Tasks/{Ns}GetByKey(identifier={task.Key})");
        await SendAsync("GET", $"TaskNotes/{Ns}GetByTaskId(taskId={task.Id})");
        await SendAsync("GET", $"TaskActivities/{Ns}GetByTaskId(taskId={task.Id})");
        await SendAsync("POST", $"Settings/{Ns}DeleteBulk", """{"settingNames":["E2E.NoSuchSetting"]}""");
        await SendAsync("POST", $"ExecutionMedia/{Ns}DeleteMediaByJobId", "{\"jobId\":" + jobId.ToString(CultureInfo.InvariantCulture) + "}");

        await SendAsync("POST", $"Alerts/{Ns}RaiseProcessAlert", """{"processAlert":{"Message":"E2E statuses","Severity":"Warn","ProcessName":"InvoiceProcessing"}}""");
        await SendAsync("GET", "QueueProcessingRecords/UiPathODataSvc.RetrieveQueuesProcessingStatus()");

        // Functions answering a filtered collection.
        await SendAsync("GET", $"Assets/{Ns}GetFiltered()");
        await SendAsync("GET", $"Assets/{Ns}GetAssetsAcrossFolders()?excludeFolderId={session.SharedFolderId}");
        await SendAsync("GET", $"QueueDefinitions/{Ns}GetQueuesAcrossFolders()?excludeFolderId={session.SharedFolderId}");
    }

    /// <summary>Sends one request in the Shared folder; it must succeed. Returns the JSON body (default when empty).</summary>
    private async Task<JsonElement> SendAsync(string method, string path, string? body = null)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "odata/" + path);
        request.Headers.Add("X-UIPATH-OrganizationUnitId", session.SharedFolderId.ToString(CultureInfo.InvariantCulture));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} failed with {(int)response.StatusCode}: {text}");
        _calls.Add((method, path, (int)response.StatusCode));
        if (text.Length == 0)
        {
            return default;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary><c>Set/Ns.Op</c> or <c>Set(key)/Ns.Op</c> of a request path (the form of <see cref="EveryDescribedRouteTests.ImplementedOperations"/>).</summary>
    private static string OperationRoute(string path)
    {
        var route = Regex.Replace(path.Split('?')[0], @"^(\w+)\([^)]*\)/", "$1(key)/");
        var slash = route.LastIndexOf('/');
        var open = route.IndexOf('(', slash + 1);
        return open < 0 ? route : route[..open];
    }

    /// <summary>The 2xx codes of every <c>/odata/</c> operation of the description, by method and path pattern.</summary>
    private static Dictionary<(string Method, Regex Pattern), int[]> DocumentedSuccessCodes(string file)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)[new YamlScalarNode("paths")];
        var codes = new Dictionary<(string, Regex), int[]>();
        foreach (var (key, value) in paths.Children)
        {
            var template = ((YamlScalarNode)key).Value!;
            if (!template.StartsWith("/odata/", StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template["/odata/".Length..]), @"\\\{[^}]+}", "[^/]+?") + "$", RegexOptions.CultureInvariant);
            foreach (var (method, operation) in ((YamlMappingNode)value).Children)
            {
                if (operation is YamlMappingNode operationNode && operationNode.Children.TryGetValue(new YamlScalarNode("responses"), out var responses))
                {
                    codes[(((YamlScalarNode)method).Value!.ToUpperInvariant(), pattern)] = ((YamlMappingNode)responses).Children.Keys
                        .Select(code => ((YamlScalarNode)code).Value!)
                        .Where(code => code.StartsWith('2'))
                        .Select(code => int.Parse(code, CultureInfo.InvariantCulture))
                        .ToArray();
                }
            }
        }

        return codes;
    }
}
