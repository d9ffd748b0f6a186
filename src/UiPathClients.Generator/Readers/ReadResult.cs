using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Readers;

/// <summary>
/// What reading one spec produced: a model (absent when the document could not be read at all)
/// and the diagnostics found on the way. Both are plain values so the step caches.
/// </summary>
/// <param name="FilePath">The spec file's path, so later steps can name it.</param>
/// <param name="Model">The model, or <see langword="null"/> when nothing can be generated.</param>
/// <param name="Diagnostics">Problems found while reading, in document order.</param>
internal sealed record ReadResult(string FilePath, ClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The model read from one spec, without the diagnostics: the input of emitting.</summary>
/// <param name="FilePath">The spec file's path.</param>
/// <param name="Model">The model, or <see langword="null"/> when nothing can be generated.</param>
internal sealed record SpecModel(string FilePath, ClientModel? Model);
