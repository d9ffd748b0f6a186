using System.Linq;

namespace UiPathClients.Emulator.CommunicationsMining.Contracts;

/// <summary>The stored records as the API shows them.</summary>
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

    public static ProjectV1Json ProjectV1(Project project) => new(project.Name, project.Title, project.Description);

    public static DatasetJson Dataset(Dataset dataset) => new(
        dataset.Id,
        dataset.Owner,
        dataset.Name,
        dataset.Title,
        dataset.Description,
        Timestamps.Format(dataset.Created),
        Timestamps.Format(dataset.LastModified),
        dataset.ModelFamily,
        dataset.SourceIds,
        dataset.HasSentiment,
        LimitedAccess: false,
        dataset.EntityDefs,
        dataset.GeneralFields,
        dataset.LabelGroups,
        dataset.LabelDefs,
        dataset.LabelProperties,
        dataset.TimeZone,
        dataset.PreferredLocales,
        dataset.DatasetFlags,
        dataset.DebugConfigJson,
        dataset.ModelConfig);

    public static SourceJson Source(Source source) => new(
        source.Id,
        source.Kind,
        source.Owner,
        source.Name,
        source.Language,
        source.Title,
        source.Description,
        source.ShouldTranslate,
        source.SensitiveProperties,
        Timestamps.Format(source.CreatedAt),
        Timestamps.Format(source.UpdatedAt),
        Timestamps.Format(source.UpdatedAt),
        source.BucketId,
        source.EmailTransformTag,
        source.EmailTransformVersion);

    public static CommentJson Comment(Comment comment) => new(
        comment.Uid,
        comment.Id,
        Timestamps.Format(comment.Timestamp),
        comment.ThreadId,
        comment.UserProperties,
        comment.Messages,
        comment.TextFormat,
        comment.Attachments,
        comment.SourceId,
        Timestamps.Format(comment.LastModified),
        Timestamps.Format(comment.CreatedAt));

    public static ExportedCommentJson ExportedComment(Comment comment) =>
        new(Comment(comment), new ExportedAnnotationsJson(new ExportedLabelsJson([])), new ExportedPredictionsJson([]));

    public static StreamJson Stream(StreamDefinition stream) => new(
        stream.Id,
        stream.DatasetId,
        stream.Name,
        stream.Title,
        stream.Description,
        Timestamps.Format(stream.CreatedAt),
        Timestamps.Format(stream.UpdatedAt),
        stream.CommentFilter,
        stream.Model);
}
