using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Projects. The endpoint index lists one public route, <c>GET v1/projects</c> (names and titles); creating,
/// reading, updating and deleting a project are <c>_private/projects/{name}</c> routes, also served under
/// <c>v1/projects/{name}</c> for clients written against that form.
/// </summary>
internal static class ProjectEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/v1/projects", (CommunicationsMiningData data) =>
            ApiJson.Ok(new GetAllProjectsV1Response { Projects = [.. data.ListProjects().Select(Wire.ProjectV1)] }));
        api.MapGet("/_private/projects", (CommunicationsMiningData data) =>
            ApiJson.Ok(new ProjectsResponse([.. data.ListProjects().Select(Wire.Project)])));

        foreach (var path in new[] { "/_private/projects/{name}", "/v1/projects/{name}" })
        {
            api.MapPut(path, CreateAsync);
            api.MapGet(path, (string name, CommunicationsMiningData data) => ApiJson.Ok(new ProjectResponse(Wire.Project(data.GetProject(name)))));
            api.MapPost(path, UpdateAsync);
            api.MapDelete(path, (string name, HttpRequest request, CommunicationsMiningData data) =>
            {
                data.DeleteProject(name, QueryParameters.Bool(request, "force"));
                return ApiJson.Ok(new StatusResponse());
            });
        }
    }

    private static async Task<IResult> CreateAsync(string name, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<CreateProjectRequest>(request).ConfigureAwait(false);
        var project = data.CreateProject(name, body.Project ?? throw ApiError.BadRequest("'project' is required."));
        return ApiJson.Ok(new ProjectResponse(Wire.Project(project)));
    }

    private static async Task<IResult> UpdateAsync(string name, HttpRequest request, CommunicationsMiningData data)
    {
        var body = await ApiJson.ReadAsync<UpdateProjectRequest>(request).ConfigureAwait(false);
        var project = data.UpdateProject(name, body.Project ?? throw ApiError.BadRequest("'project' is required."));
        return ApiJson.Ok(new ProjectResponse(Wire.Project(project)));
    }
}
