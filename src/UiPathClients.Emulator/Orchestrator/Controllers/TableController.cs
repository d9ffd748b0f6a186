using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Concurrency;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Folders;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Querying;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// CRUD and queries over one <see cref="EntityTable{TEntity, TKey}"/>, routed by ASP.NET Core OData's
/// conventions (the derived controller's name is the entity set's). Query options are applied by
/// ASP.NET Core OData itself to LINQ-to-objects, so <c>$filter</c>, <c>$orderby</c>, <c>$select</c>,
/// <c>$expand</c>, <c>$top</c>, <c>$skip</c> and <c>$count</c> have the library's real semantics.
/// </summary>
/// <typeparam name="TEntity">The generated entity class.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal abstract class TableController<TEntity, TKey> : ODataController
    where TEntity : class
    where TKey : notnull
{
    private protected TableController(EmulatorState state)
    {
        State = state;
    }

    private protected EmulatorState State { get; }

    /// <summary>The table this controller serves.</summary>
    protected abstract EntityTable<TEntity, TKey> Table { get; }

    /// <summary>What the entity is called in not-found messages.</summary>
    protected abstract string EntityName { get; }

    /// <summary><c>GET {set}</c> and <c>GET {set}/$count</c> with query options.</summary>
    public IActionResult Get(ODataQueryOptions<TEntity> queryOptions)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        return Query(Table.InFolder(folderId).AsQueryable(), queryOptions);
    }

    /// <summary>
    /// The rows of every folder but <paramref name="excludeFolderId"/> (the <c>Get…AcrossFolders</c> functions: the
    /// emulator's user may view every folder, so "the folders the user has the View permission in" is all of them).
    /// </summary>
    private protected IQueryable<TEntity> AcrossFolders(long? excludeFolderId) =>
        Table.InFolder(null).Where(entity => excludeFolderId is null || Table.FolderOf(Table.KeyOf(entity)) != excludeFolderId).AsQueryable();

    /// <summary>
    /// The <c>GetFoldersFor…(id=…)</c> answer for an entity of a folder-scoped set: the folders it is shared to. The
    /// emulator has no sharing (<c>ShareToFolders</c> is not implemented), so that is the one folder it lives in; 404
    /// when the entity is not visible in the request's folder.
    /// </summary>
    private protected IActionResult FoldersOf(TKey key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (Table.Find(key, folderId) is null || Table.FolderOf(key) is not { } home || State.Data.Folders.Find(home, folderId: null) is not { } folder)
        {
            return EntityNotFound(key);
        }

        return Ok(new AccessibleFoldersDto
        {
            AccessibleFolders = [new SimpleFolderDto { Id = folder.Id, DisplayName = folder.DisplayName, FullyQualifiedName = folder.FullyQualifiedName }],
            TotalFoldersCount = 1,
        });
    }

    /// <summary>
    /// Applies a request's query options to <paramref name="rows"/> (for the set itself and for the functions that
    /// answer a filtered collection of it): <c>$count</c> segments count, everything else pages as the set does.
    /// </summary>
    private protected IActionResult Query(IQueryable<TEntity> rows, ODataQueryOptions<TEntity> queryOptions)
    {
        ArgumentNullException.ThrowIfNull(queryOptions);
        try
        {
            queryOptions.Validate(ValidationSettings());
            var settings = new ODataQuerySettings { HandleNullPropagation = HandleNullPropagationOption.True, PageSize = State.Options.ServerPageSize };
            if (Request.ODataFeature().Path?.LastSegment is CountSegment)
            {
                var filtered = queryOptions.Filter is null ? rows : (IQueryable<TEntity>)queryOptions.Filter.ApplyTo(rows, settings);
                var searched = queryOptions.Search is null ? filtered : (IQueryable<TEntity>)queryOptions.Search.ApplyTo(filtered, settings);
                return Ok(searched.LongCount());
            }

            return Ok(queryOptions.ApplyTo(rows, settings));
        }
        catch (ODataException exception)
        {
            return QueryFaults.InvalidQuery(exception.Message);
        }
        catch (Exception exception) when (QueryFaults.IsCausedByTheQuery(exception))
        {
            // $count, $count=true and server paging run the query here; a lazy result runs in MaterializeQueryResultsFilter.
            return QueryFaults.FailedWhileRunning(exception);
        }
    }

    /// <summary><c>GET {set}({key})</c>, with <c>$select</c>/<c>$expand</c> applied as the service does.</summary>
    [EnableQuery(HandleNullPropagation = HandleNullPropagationOption.True)]
    public IActionResult Get(TKey key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        return Table.Find(key, folderId) is { } entity
            ? Ok(SingleResult.Create(new[] { entity }.AsQueryable()))
            : EntityNotFound(key);
    }

    /// <summary><c>POST {set}</c>.</summary>
    public IActionResult Post([FromBody] TEntity? entity)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (entity is null || !ModelState.IsValid)
        {
            return InvalidBody();
        }

        BeforeCreate(entity, folderId);
        try
        {
            var created = Table.Add(entity, folderId);
            AfterCreate(created, folderId);
            return Created(created);
        }
        catch (InvalidOperationException exception)
        {
            return new OrchestratorError(StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, exception.Message);
        }
    }

    /// <summary><c>PUT {set}({key})</c>: replaces every property.</summary>
    public IActionResult Put(TKey key, [FromBody] TEntity? entity)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (entity is null || !ModelState.IsValid)
        {
            return InvalidBody();
        }

        if (!Equals(Table.KeyOf(entity), key) && !Equals(Table.KeyOf(entity), default(TKey)))
        {
            return OrchestratorError.BadRequest($"The body's key {Table.KeyOf(entity)} differs from the URL's {key}.");
        }

        if (Table.Find(key, folderId) is not { } current)
        {
            return EntityNotFound(key);
        }

        if (StaleETag(current) is { } stale)
        {
            return stale;
        }

        Table.SetKey(entity, key);
        if (!Table.Replace(key, folderId, entity))
        {
            return EntityNotFound(key);
        }

        AfterUpdate(entity, Table.FolderOf(key));
        return Answer(entity);
    }

    /// <summary><c>PATCH {set}({key})</c>: changes only the properties the body names.</summary>
    public IActionResult Patch(TKey key, [FromBody] Delta<TEntity>? delta)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (delta is null || !ModelState.IsValid)
        {
            return InvalidBody();
        }

        if (Table.Find(key, folderId) is not { } current)
        {
            return EntityNotFound(key);
        }

        if (StaleETag(current) is { } stale)
        {
            return stale;
        }

        var updated = Table.Update(key, folderId, entity => delta.Patch(entity));
        if (updated is null)
        {
            return EntityNotFound(key);
        }

        AfterUpdate(updated, Table.FolderOf(key));
        return Answer(updated);
    }

    /// <summary><c>DELETE {set}({key})</c>.</summary>
    public IActionResult Delete(TKey key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (Table.Find(key, folderId) is not { } current)
        {
            return EntityNotFound(key);
        }

        if (StaleETag(current) is { } stale)
        {
            return stale;
        }

        var home = Table.FolderOf(key);
        if (!Table.Remove(key, folderId))
        {
            return EntityNotFound(key);
        }

        AfterDelete(current, home);
        return NoContent();
    }

    /// <summary>
    /// PUT and PATCH answer as Orchestrator does: 200 with the entity as stored, unless the request asks for
    /// <c>Prefer: return=minimal</c> (then 204, with <c>Preference-Applied</c>).
    /// </summary>
    private IActionResult Answer(TEntity entity)
    {
        if (Request.Headers.TryGetValue("Prefer", out var prefer) && prefer.ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase))
        {
            Response.Headers["Preference-Applied"] = "return=minimal";
            return NoContent();
        }

        return Ok(entity);
    }

    /// <summary>
    /// 412 when the request's <c>If-Match</c> names an ETag other than the entity's current one (sets without ETags,
    /// requests without <c>If-Match</c> and <c>If-Match: *</c> always pass, as in Orchestrator where ETags are optional).
    /// </summary>
    private OrchestratorError? StaleETag(TEntity current)
    {
        var ifMatch = Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch.Trim() == "*" || Request.ODataFeature().Path?.FirstSegment is not EntitySetSegment segment)
        {
            return null;
        }

        var etag = EmulatorETags.Of(Request.GetModel(), segment.EntitySet, current);
        if (etag is null || ifMatch.Split(',').Any(candidate => candidate.Trim() == etag))
        {
            return null;
        }

        return new OrchestratorError(StatusCodes.Status412PreconditionFailed, OrchestratorError.InvalidRequest, $"The {EntityName} was changed since it was read: its ETag is {etag}, not {ifMatch}.");
    }

    /// <summary>The 404 for an entity of this set that does not exist (or is not in the request's folder).</summary>
    private protected virtual OrchestratorError EntityNotFound(TKey key) => OrchestratorError.NotFound($"{EntityName} {key}");

    /// <summary>Fills server-owned properties of an entity about to be created.</summary>
    private protected virtual void BeforeCreate(TEntity entity, long? folderId)
    {
    }

    /// <summary>Runs after <c>POST {set}</c> stored <paramref name="created"/> in <paramref name="folderId"/> (webhook events, say).</summary>
    private protected virtual void AfterCreate(TEntity created, long? folderId)
    {
    }

    /// <summary>Runs after a PUT or PATCH changed <paramref name="updated"/>, which lives in <paramref name="folderId"/>.</summary>
    private protected virtual void AfterUpdate(TEntity updated, long? folderId)
    {
    }

    /// <summary>Runs after <c>DELETE {set}({key})</c> removed <paramref name="deleted"/>, which lived in <paramref name="folderId"/>.</summary>
    private protected virtual void AfterDelete(TEntity deleted, long? folderId)
    {
    }

    /// <summary>
    /// The request's folder id: required (Orchestrator error 1101) for folder-scoped sets, null otherwise.
    /// </summary>
    private protected bool TryGetFolder(out long? folderId, out IActionResult error) => TryGetFolder(Table.IsFolderScoped, out folderId, out error);

    /// <summary>The request's folder id when <paramref name="folderScoped"/> (for operations on other sets' tables).</summary>
    private protected bool TryGetFolder(bool folderScoped, out long? folderId, out IActionResult error)
    {
        var folder = HttpContext.Features.Get<FolderScope>()?.Folder;
        folderId = folderScoped ? folder?.Id : null;
        if (folderScoped && folder is null)
        {
            error = new OrchestratorError(StatusCodes.Status400BadRequest, OrchestratorError.FolderRequired, "An organization unit is required for this action.");
            return false;
        }

        error = null!;
        return true;
    }

    private protected IActionResult InvalidBody()
    {
        var problems = string.Join(" ", ModelState.Values.SelectMany(value => value.Errors).Select(item => item.Exception?.Message ?? item.ErrorMessage));
        return new BadRequestObjectResult(new ODataError { Code = "InvalidBody", Message = "The request body is not a valid " + EntityName + ". " + problems });
    }

    private ODataValidationSettings ValidationSettings() => new()
    {
        MaxTop = State.Options.MaxTop,
        MaxExpansionDepth = 3,
        MaxAnyAllExpressionDepth = 3,
        MaxNodeCount = 500,
        AllowedFunctions = AllowedFunctions.AllFunctions,
        AllowedArithmeticOperators = AllowedArithmeticOperators.All,
        AllowedLogicalOperators = AllowedLogicalOperators.All,
        AllowedQueryOptions = AllowedQueryOptions.All,
    };
}
