using System.Reflection;

namespace RsiSim.Tasks.Harness;

/// <summary>Finds the one class of a candidate assembly that implements a task's contract.</summary>
public static class ModelBinder
{
    public static CandidateBinding Bind(Assembly candidate, Type contract)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(contract);
        var types = candidate.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && contract.IsAssignableFrom(t))
            .ToList();
        if (types.Count == 0)
        {
            return CandidateBinding.Failed($"no class implements {contract.Name}");
        }
        if (types.Count > 1)
        {
            return CandidateBinding.Failed($"more than one class implements {contract.Name}: {string.Join(", ", types.Select(t => t.Name))}");
        }
        var constructor = types[0].GetConstructor(Type.EmptyTypes);
        if (constructor is null || !constructor.IsPublic)
        {
            return CandidateBinding.Failed($"{types[0].Name} needs a public parameterless constructor");
        }
        return CandidateBinding.Bound(() => constructor.Invoke(null));
    }
}
