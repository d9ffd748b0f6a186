using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// The routes of the bundled description the emulator has no behaviour for. They exist on the service, so a
/// client calling one gets <c>501 Not Implemented</c> in the service's error shape naming the operation, not
/// a <c>404</c> that would read as a wrong URL. A test walks the description and checks that every path and
/// method it has answers neither 404 nor 405, so a route added to the description must land here or in an
/// endpoint class.
/// </summary>
internal static class UnimplementedRoutes
{
    /// <summary>Method, path template (as the description spells it) and operation id.</summary>
    internal static readonly (string Method, string Path, string Operation)[] Routes =
    [
        ("GET", "/v1/attachments/{attachment_reference}", "getAttachment"),
        ("POST", "/v1/audit_events/query", "queryAuditEvents"),
        ("POST", "/v1/datasets/{owner}/{dataset_name}/labellers/{model_version}/predict", "predict"),
        ("POST", "/v1/datasets/{owner}/{dataset_name}/labellers/{model_version}/predict-comments", "getCommentPredictions"),
        ("POST", "/v1/datasets/{owner}/{dataset_name}/labellers/{model_version}/predict-raw-emails", "predictRawEmails"),
        ("GET", "/v1/datasets/{owner}/{dataset_name}/labellers/{model_version}/validation", "getValidationV1"),
        ("PUT", "/v1/datasets/{owner}/{dataset_name}/streams/{stream_name}/exceptions", "storeException"),
        ("DELETE", "/v1/datasets/{owner}/{dataset_name}/streams/{stream_name}/exceptions", "deleteException"),
        ("POST", "/v1/datasets/{owner}/{dataset_name}/sync-annotations", "syncAnnotations"),
        ("PUT", "/v1/datasets/{owner}/{dataset_name}/triggers/{trigger_name}/exceptions", "storeTriggerException"),
        ("DELETE", "/v1/datasets/{owner}/{dataset_name}/triggers/{trigger_name}/exceptions", "deleteTriggerException"),
        ("POST", "/v1/sources/{owner}/{source_name}/sync-raw-emails", "syncRawEmails"),
        ("GET", "/v1/users", "getUsersV1"),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var (method, path, operation) in Routes)
        {
            var message = $"The emulator does not implement {operation} ({method} {path}).";
            RequestDelegate answer = context => ApiJson.WriteErrorAsync(context, StatusCodes.Status501NotImplemented, message);
            api.MapMethods(path, [method], answer);
        }
    }
}
