namespace UiPathClients.Runtime.CallModes;

/// <summary>How Orchestrator runs a job started through an API trigger and returns its outcome.</summary>
public enum ApiTriggerCallMode
{
    /// <summary>
    /// 202 with a status URI in <c>Location</c>; the client polls it (200 while running) until it
    /// answers 303 to the output URI, which holds the job's output or error.
    /// </summary>
    AsyncRequestReply,

    /// <summary>200 once the job was created; nothing more is learned about it.</summary>
    FireAndForget,

    /// <summary>
    /// The call blocks until the job ends and answers with its output; when it takes too long the service
    /// answers 303 to the status URI, which blocks again and may redirect to itself (by design) until done.
    /// Jobs in this mode are capped at 15 minutes by the service.
    /// </summary>
    LongPolling,
}
