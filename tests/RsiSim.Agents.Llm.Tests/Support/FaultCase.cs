using RsiSim.Core.Attempts;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>One injected fault: the HTTP replies the first call meets, the arm's options, and how its attempt must end.</summary>
/// <param name="FirstCall">The scripted replies to the first call's HTTP attempts (three tries: one and two retries).</param>
/// <param name="Options">Arm options that the fault needs (shorter timeouts, a format).</param>
/// <param name="Status">How attempt 1 ends; null for a valid candidate.</param>
/// <param name="Retries">Retries recorded for the call.</param>
/// <param name="Detail">Text the attempt's detail must contain.</param>
/// <param name="Log">The start of a log message that must appear, if any.</param>
internal sealed record FaultCase(ScriptedReply[] FirstCall, (string Name, object Value)[] Options, AttemptStatus? Status, int Retries, string Detail, string? Log = null)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    public static FaultCase Named(string fault, string goodReply) => fault switch
    {
        "429 with Retry-After, then an answer" => new([ScriptedReply.Status(429, retryAfterSeconds: 1), ScriptedReply.Answer(goodReply)], [], null, 1, "",
            Log: "LLM call: retry 1 in 00:00:01 after HTTP 429"),
        "429 on every try" => new(Three(() => ScriptedReply.Status(429)), [], AttemptStatus.AgentError, 2, "the endpoint answered HTTP 429"),
        "500 on every try" => new(Three(() => ScriptedReply.Status(500)), [], AttemptStatus.AgentError, 2, "the endpoint answered HTTP 500"),
        "503, then an answer" => new([ScriptedReply.Status(503), ScriptedReply.Answer(goodReply)], [], null, 1, ""),
        "503 on every try" => new(Three(() => ScriptedReply.Status(503)), [], AttemptStatus.AgentError, 2, "the endpoint answered HTTP 503"),
        "a reply slower than the request timeout" => new(Three(() => ScriptedReply.Slow(Long, goodReply)), [("requestTimeout", TimeSpan.FromSeconds(1))],
            AttemptStatus.AgentError, 2, "no reply within the timeouts (request 1s"),
        "a dropped connection on every try" => new(Three(ScriptedReply.Drop), [], AttemptStatus.AgentError, 2, "the connection failed"),
        "a dropped connection, then an answer" => new([ScriptedReply.Drop(), ScriptedReply.Answer(goodReply)], [], null, 1, ""),
        "malformed JSON" => new([ScriptedReply.Malformed()], [], AttemptStatus.AgentError, 0, "the reply is not valid JSON"),
        "a truncated code block" => new([ScriptedReply.Answer("Here it is.\n\n```csharp\nusing System;\npublic sealed class TinyLmModel\n{\n", finishReason: "length")], [],
            AttemptStatus.EditFailed, 0, "is never closed: the file is cut off (the reply stopped at the output limit"),
        "a SEARCH block that matches nothing" => new([ScriptedReply.Answer(ModelReplies.SearchReplace("double[][] noSuchField = null;", "float[] x = null;"))],
            [("editFormat", "search-replace")], AttemptStatus.EditFailed, 0, "SEARCH/REPLACE block 1 of 1 cannot be applied: its SEARCH part matches nothing"),
        "a stream that goes silent" => new([ScriptedReply.StallMidStream(goodReply, Long)], [("stream", true), ("requestTimeout", TimeSpan.FromSeconds(1))],
            AttemptStatus.AgentError, 0, "went silent for more than the request timeout of 1s"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault case"),
    };

    private static ScriptedReply[] Three(Func<ScriptedReply> reply) => [reply(), reply(), reply()];
}
