using System.Collections.Generic;
using System.Linq;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining;

public sealed partial class CommunicationsMiningData
{
    internal Project CreateProject(string name, ProjectNew fields)
    {
        RequireApiName(name, "project");
        lock (_gate)
        {
            if (_projects.ContainsKey(name))
            {
                throw ApiError.Conflict($"Project '{name}' already exists.");
            }

            var now = Now;
            var project = new Project
            {
                Id = NewId(),
                Name = name,
                Title = fields.Title ?? string.Empty,
                Description = fields.Description ?? string.Empty,
                CreatedAt = now,
                UpdatedAt = now,
                UserAutoJoin = fields.UserAutoJoin ?? false,
            };
            _projects.Add(name, project);
            return project;
        }
    }

    internal Project GetProject(string name)
    {
        lock (_gate)
        {
            return RequireProject(name);
        }
    }

    internal Project UpdateProject(string name, ProjectNew fields)
    {
        lock (_gate)
        {
            var project = RequireProject(name);
            project = project with
            {
                Title = fields.Title ?? project.Title,
                Description = fields.Description ?? project.Description,
                UserAutoJoin = fields.UserAutoJoin ?? project.UserAutoJoin,
                UpdatedAt = Now,
            };
            _projects[name] = project;
            return project;
        }
    }

    /// <summary>Deletes a project; one that still owns datasets or sources only with <paramref name="force"/>, and then with them.</summary>
    internal void DeleteProject(string name, bool force)
    {
        lock (_gate)
        {
            RequireProject(name);
            var datasets = _datasets.Values.Where(dataset => dataset.Owner == name).ToList();
            var sources = _sources.Values.Where(source => source.Owner == name).ToList();
            if ((datasets.Count > 0 || sources.Count > 0) && !force)
            {
                throw ApiError.Conflict($"Project '{name}' still owns {datasets.Count} dataset(s) and {sources.Count} source(s): delete them first, or pass force=true.");
            }

            datasets.ForEach(RemoveDataset);
            sources.ForEach(RemoveSource);
            _projects.Remove(name);
        }
    }

    internal IReadOnlyList<Project> ListProjects() => Projects;
}
