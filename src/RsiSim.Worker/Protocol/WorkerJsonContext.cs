using System.Text.Json.Serialization;

namespace RsiSim.Worker.Protocol;

/// <summary>Source-generated JSON for the protocol: camelCase, nulls omitted, one message per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
