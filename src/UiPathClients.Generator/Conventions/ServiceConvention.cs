using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Conventions;

/// <summary>Picks the convention a client's model asks for.</summary>
internal static class ServiceConvention
{
    public static IServiceConvention For(ClientModel model, ModelTypes types) => model.Conventions switch
    {
        ServiceConventions.CommunicationsMining => new CommunicationsMiningConvention(types),
        _ => DescriptionOnly.Instance,
    };

    /// <summary>A service that does exactly what its description says.</summary>
    private sealed class DescriptionOnly : IServiceConvention
    {
        public static readonly DescriptionOnly Instance = new();

        public ResponseCheck ResponseCheck => ResponseCheck.StatusCode;

        public EnvelopeConvention? Envelope(RestOperationModel operation) => null;

        public ContinuationPagingConvention? ContinuationPaging(RestOperationModel operation) => null;

        public IEnumerable<StreamLoopConvention> StreamLoops(IReadOnlyList<RestOperationModel> operations) => Enumerable.Empty<StreamLoopConvention>();
    }
}
