namespace RsiSim.Worker.Protocol;

/// <summary>One line of the worker protocol, in either direction; the "type" property names the message.</summary>
/// <remarks>Compiled into both the worker and the host (RsiSim.Evaluation links these files), so both sides agree by construction.</remarks>
internal abstract record WorkerMessage
{
    /// <summary>The protocol version both sides speak; the host refuses a worker that says another.</summary>
    public const int ProtocolVersion = 6;
}
