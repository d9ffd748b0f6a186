using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using UiPathClients.Emulator.CommunicationsMining.Contracts;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// The stored records as the API shows them: the classes generated from the bundled description. What the
/// store keeps as sent (taxonomies, filters, messages) is read into the described types.
/// </summary>
internal static class Wire
{
    public static ProjectJson Project(Project project) => new(
        project.Id,
        project.Name,
        project.Title,
        project.Description,
        Timestamps.Format(project.CreatedAt),
        Timestamps.Format(project.UpdatedAt),
        project.UserAutoJoin);

    public static ProjectV1 ProjectV1(Project project) => new() { Name = project.Name, Title = project.Title, Description = project.Description };

    public static Contracts.Dataset Dataset(Dataset dataset) => new()
    {
        Id = dataset.Id,
        Owner = dataset.Owner,
        Name = dataset.Name,
        Title = dataset.Title,
        Description = dataset.Description,
        Created = Timestamps.Format(dataset.Created),
        LastModified = Timestamps.Format(dataset.LastModified),
        ModelFamily = ApiJson.FromWireName<ModelFamily>(dataset.ModelFamily),
        SourceIds = [.. dataset.SourceIds],
        HasSentiment = dataset.HasSentiment,
        LimitedAccess = false,
        EntityDefs = ApiJson.FromElement<IList<EntityDef>>(dataset.EntityDefs),
        GeneralFields = ApiJson.FromElement<IList<GeneralFieldDef>>(dataset.GeneralFields),
        LabelGroups = ApiJson.FromElement<IList<LabelGroup>>(dataset.LabelGroups),
        LabelDefs = ApiJson.FromElement<IList<LabelDef>>(dataset.LabelDefs),
        LabelProperties = ApiJson.FromElement<IList<LabelPropertyId>>(dataset.LabelProperties),
        Timezone = dataset.TimeZone,
        PreferredLocales = ApiJson.FromElement<PreferredLocale>(dataset.PreferredLocales),
        DatasetFlags = ApiJson.FromElement<IList<DatasetFlag>>(dataset.DatasetFlags),
        DebugConfigJson = dataset.DebugConfigJson,
        ModelConfig = ApiJson.FromElement<ModelConfig>(dataset.ModelConfig),
    };

    public static Contracts.Source Source(Source source) => new()
    {
        Id = source.Id,
        Kind = ApiJson.FromWireName<SourceKind>(source.Kind),
        Owner = source.Owner,
        Name = source.Name,
        Language = source.Language,
        Title = source.Title,
        Description = source.Description,
        ShouldTranslate = source.ShouldTranslate,
        SensitiveProperties = [.. source.SensitiveProperties],
        CreatedAt = Timestamps.Format(source.CreatedAt),
        UpdatedAt = Timestamps.Format(source.UpdatedAt),
        LastModified = Timestamps.Format(source.UpdatedAt),
        BucketId = source.BucketId,
        EmailTransformTag = source.EmailTransformTag,
        EmailTransformVersion = source.EmailTransformVersion,
    };

    public static Contracts.Comment Comment(Comment comment) => new()
    {
        Uid = comment.Uid,
        Id = comment.Id,
        Timestamp = Timestamps.Format(comment.Timestamp),
        ThreadId = comment.ThreadId,
        UserProperties = ApiJson.FromElement<IDictionary<string, JsonElement>>(comment.UserProperties),
        Messages = ApiJson.FromElement<IList<Message>>(comment.Messages),
        TextFormat = comment.TextFormat,
        Attachments = ApiJson.FromElement<IList<Attachment>>(comment.Attachments),
        SourceId = comment.SourceId,
        LastModified = Timestamps.Format(comment.LastModified),
        CreatedAt = Timestamps.Format(comment.CreatedAt),
    };

    /// <summary>
    /// The emulator has no labelling and no model, so <c>annotations</c> and <c>predictions</c> are present (the
    /// description requires them) with empty label lists; <c>thread_properties</c> is left out.
    /// </summary>
    public static ExportedComment ExportedComment(Comment comment) => new()
    {
        Comment = Comment(comment),
        Annotations = new ExportedAnnotations { Labels = new ExportedLabels { Assigned = [] } },
        Predictions = new ExportedPredictions { Labels = [] },
    };

    /// <summary>A stream is the API's <c>Trigger</c>.</summary>
    public static Trigger Stream(StreamDefinition stream) => new()
    {
        Id = stream.Id,
        DatasetId = stream.DatasetId,
        Name = stream.Name,
        Title = stream.Title,
        Description = stream.Description,
        CreatedAt = Timestamps.Format(stream.CreatedAt),
        UpdatedAt = Timestamps.Format(stream.UpdatedAt),
        CommentFilter = stream.CommentFilter is { } filter ? ApiJson.FromElement<CommentFilter>(filter) : null,
        Model = stream.Model is { } model ? ApiJson.FromElement<TriggerUserModel>(model) : null,
    };

    /// <summary>The fields of a dataset's create or update body, for the store.</summary>
    public static DatasetChanges Changes(DatasetNew dataset) => new()
    {
        Title = dataset.Title,
        Description = dataset.Description,
        SourceIds = dataset.SourceIds?.ToList(),
        ModelFamily = dataset.ModelFamily,
        HasSentiment = dataset.HasSentiment,
        TimeZone = dataset.Timezone,
        LabelDefs = ApiJson.ToElement(dataset.LabelDefs, "label_defs"),
        LabelGroups = ApiJson.ToElement(dataset.LabelGroups, "label_groups"),
        EntityDefs = ApiJson.ToElement(dataset.EntityDefs, "entity_defs"),
        GeneralFields = ApiJson.ToElement(dataset.GeneralFields, "general_fields"),
        LabelProperties = ApiJson.ToElement(dataset.LabelProperties, "_label_properties"),
        DatasetFlags = ApiJson.ToElement(dataset.DatasetFlags, "_dataset_flags"),
        PreferredLocales = ApiJson.ToElement(dataset.PreferredLocales, "_preferred_locales"),
        ModelConfig = ApiJson.ToElement(dataset.ModelConfig, "_model_config"),
        DebugConfigJson = dataset.DebugConfigJson,
    };

    /// <inheritdoc cref="Changes(DatasetNew)"/>
    public static DatasetChanges Changes(DatasetUpdate dataset) => new()
    {
        Title = dataset.Title,
        Description = dataset.Description,
        SourceIds = dataset.SourceIds?.ToList(),
        ModelFamily = ApiJson.ToWireName(dataset.ModelFamily, "model_family"),
        TimeZone = dataset.Timezone,
        EntityDefs = ApiJson.ToElement(dataset.EntityDefs, "entity_defs"),
        GeneralFields = ApiJson.ToElement(dataset.GeneralFields, "general_fields"),
        LabelProperties = ApiJson.ToElement(dataset.LabelProperties, "_label_properties"),
        DatasetFlags = ApiJson.ToElement(dataset.DatasetFlags, "_dataset_flags"),
        PreferredLocales = ApiJson.ToElement(dataset.PreferredLocales, "_preferred_locales"),
        ModelConfig = ApiJson.ToElement(dataset.ModelConfig, "_model_config"),
        DebugConfigJson = dataset.DebugConfigJson,
    };

    /// <summary>The fields of a source's create or update body, for the store.</summary>
    public static SourceChanges Changes(SourceUpdate source) => new()
    {
        Kind = ApiJson.ToWireName(source.Kind, "_kind"),
        Language = ApiJson.ToWireName(source.Language, "language"),
        Title = source.Title,
        Description = source.Description,
        ShouldTranslate = source.ShouldTranslate,
        SensitiveProperties = source.SensitiveProperties?.ToList(),
        BucketId = source.BucketId,
        EmailTransformTag = source.EmailTransformTag,
        EmailTransformVersion = source.EmailTransformVersion,
    };

    /// <summary>The fields of a stream's create body, for the store.</summary>
    public static StreamChanges Changes(TriggerNew stream) => new()
    {
        Name = stream.Name,
        Title = stream.Title,
        Description = stream.Description,
        CommentFilter = ApiJson.ToElement(stream.CommentFilter, "comment_filter"),
        Model = ApiJson.ToElement(stream.Model, "model"),
    };

    /// <summary>The fields of a stream's update body, for the store.</summary>
    public static StreamChanges Changes(TriggerUpdate stream) => new()
    {
        Name = stream.Name,
        Title = stream.Title,
        Description = stream.Description,
        CommentFilter = ApiJson.ToElement(stream.CommentFilter, "comment_filter"),
        Model = ApiJson.ToElement(stream.Model, "model"),
    };
}
