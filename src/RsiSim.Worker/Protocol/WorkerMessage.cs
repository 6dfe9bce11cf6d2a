using System.Text.Json.Serialization;

namespace RsiSim.Worker.Protocol;

/// <summary>One line of the worker protocol, in either direction; the "type" property names the message.</summary>
/// <remarks>Compiled into both the worker and the host (RsiSim.Evaluation links these files), so both sides agree by construction.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HelloMessage), "hello")]
[JsonDerivedType(typeof(LoadMessage), "load")]
[JsonDerivedType(typeof(LoadedMessage), "loaded")]
[JsonDerivedType(typeof(PrepareMessage), "prepare")]
[JsonDerivedType(typeof(PreparedMessage), "prepared")]
[JsonDerivedType(typeof(RunMessage), "run")]
[JsonDerivedType(typeof(RanMessage), "ran")]
[JsonDerivedType(typeof(ResultMessage), "result")]
[JsonDerivedType(typeof(SettleMessage), "settle")]
[JsonDerivedType(typeof(SettledMessage), "settled")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
[JsonDerivedType(typeof(ByeMessage), "bye")]
internal abstract record WorkerMessage
{
    /// <summary>The protocol version both sides speak; the host refuses a worker that says another.</summary>
    public const int ProtocolVersion = 3;
}
