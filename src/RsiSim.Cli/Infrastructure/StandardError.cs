using Spectre.Console;

namespace RsiSim.Cli.Infrastructure;

/// <summary>The console that writes to stderr: colours on a terminal, and no wrapping when stderr is redirected.</summary>
internal static class StandardError
{
    /// <summary>Wide enough that no message wraps: a redirected stderr is read by tools and logs, one message per line.</summary>
    public const int RedirectedWidth = 4096;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // Spectre takes 80 columns for a stream that is not a terminal; a message is one line, however long.
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }
}
