using RsiSim.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Maps what went wrong to the documented exit codes and a message on stderr.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static int Report(Exception exception)
    {
        var error = StandardError.Create();
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException:
                error.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                error.WriteLine("Try 'rsisim --help' or 'rsisim <command> --help'.");
                return Usage;
            case UserInputException or RunStoreException:
                // Bad input, or a run folder that cannot go on (locked, full disk, not a run): one line that says what to do.
                error.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                return Failed;
            case OperationCanceledException:
                error.WriteLine("Cancelled.");
                return Failed;
            default:
                error.MarkupLineInterpolated($"[red]error:[/] {exception.GetType().Name}: {exception.Message}");
                error.WriteLine(exception.StackTrace ?? "");
                return Failed;
        }
    }
}
