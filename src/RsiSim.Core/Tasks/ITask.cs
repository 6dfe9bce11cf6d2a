using RsiSim.Core.Moves;

namespace RsiSim.Core.Tasks;

/// <summary>A task: a small training program, its fixed harness and checks, its reference source and its moves.</summary>
public interface ITask
{
    /// <summary>The task's name in scenarios and on the command line, e.g. "tinylm".</summary>
    string Id { get; }

    /// <summary>One line on what the program trains.</summary>
    string Title { get; }

    /// <summary>What an agent must know: the contract, the checks, what is forbidden, how speed is measured.</summary>
    string Rules { get; }

    /// <summary>Size names, smallest first.</summary>
    IReadOnlyList<string> Sizes { get; }

    /// <summary>The size used when a scenario or command does not name one.</summary>
    string DefaultSize { get; }

    /// <summary>The editable source of the reference implementation: the first candidate of every trial.</summary>
    string ReferenceSource { get; }

    /// <summary>The task's library of moves, correct and wrong.</summary>
    MoveLibrary Moves { get; }

    /// <summary>Named compositions of moves; always has <see cref="Landmark.Expert"/>, the best known composition of correct moves.</summary>
    IReadOnlyList<Landmark> Landmarks { get; }

    /// <summary>The reference source with the given moves applied, in the library's order.</summary>
    /// <exception cref="MoveException">A move is unknown, misses a requirement or conflicts with another.</exception>
    string Compose(IReadOnlyCollection<string> moveIds);

    /// <summary>Floating-point operations of one training run of this size, counted from its dimensions.</summary>
    double FlopsPerRun(string size);
}
