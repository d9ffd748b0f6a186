using System.Collections.Generic;
using System.Text.Json.Serialization;

// The bodies of the routes the emulator serves that the bundled description does not have, so no class is
// generated for them: creating, reading, updating and deleting a project (the service's _private/projects
// routes; v1 only lists projects) and the comment listing (_private/sources/…/comments). Everything the
// description does describe is generated from it (CommunicationsMiningJsonMetadata and the classes beside it).
namespace UiPathClients.Emulator.CommunicationsMining.Contracts;

/// <summary>The body of <c>PUT _private/projects/{name}</c>. Members are nullable: the endpoint says what is missing.</summary>
internal sealed class CreateProjectRequest
{
    public ProjectNew? Project { get; set; }

    public List<string>? UserIds { get; set; }

    public List<string>? UipathUserIds { get; set; }
}

/// <summary>The body of <c>POST _private/projects/{name}</c>.</summary>
internal sealed class UpdateProjectRequest
{
    public ProjectNew? Project { get; set; }
}

internal sealed class ProjectNew
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public bool? UserAutoJoin { get; set; }
}

/// <summary>Every successful answer carries <c>"status": "ok"</c>, first.</summary>
internal abstract record OkResponse
{
    [JsonPropertyOrder(-1)]
    public string Status { get; } = "ok";
}

/// <summary>A project as the private routes show it (the v1 listing shows <see cref="ProjectV1"/>).</summary>
internal sealed record ProjectJson(string Id, string Name, string Title, string Description, string CreatedAt, string UpdatedAt, bool UserAutoJoin);

internal sealed record ProjectResponse(ProjectJson Project) : OkResponse;

internal sealed record ProjectsResponse(IReadOnlyList<ProjectJson> Projects) : OkResponse;

/// <summary>A delete of a project: the private route's answer, only the status.</summary>
internal sealed record StatusResponse : OkResponse;

/// <summary>A page of a source's comments, each the described <see cref="Comment"/>; <c>continuation</c> when there is more.</summary>
internal sealed record CommentsResponse(
    IReadOnlyList<Comment> Comments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Continuation) : OkResponse;
