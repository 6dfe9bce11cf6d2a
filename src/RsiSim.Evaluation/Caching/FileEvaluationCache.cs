using System.Text.Json;
using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Caching;

/// <summary>Keeps evaluations as JSON files, one per (task, size, candidate, machine), so a source is never timed twice
/// unless asked (a fresh request), across runs and processes. This is also the landscape cache personas draw from.</summary>
public sealed class FileEvaluationCache(string directory) : IEvaluationCache
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Directory => directory;

    public bool TryGet(EvaluationKey key, out EvaluationResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(key);
        string file = PathOf(key);
        evaluation = null!;
        if (!File.Exists(file))
        {
            return false;
        }
        try
        {
            evaluation = JsonSerializer.Deserialize<EvaluationResult>(File.ReadAllText(file), Json)!;
            return evaluation is not null;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Store(EvaluationKey key, EvaluationResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(key);
        string file = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Write then rename, so that a reader never sees half a file.
        string temporary = file + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(evaluation with { FromCache = false }, Json));
        File.Move(temporary, file, overwrite: true);
    }

    private string PathOf(EvaluationKey key) =>
        Path.Combine(directory, key.Machine, key.Method, $"{key.TaskId}-{key.Size}-{key.CandidateHash}.json");
}
