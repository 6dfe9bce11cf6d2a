namespace RsiSim.Cli.Infrastructure;

/// <summary>Bad input from the user (a missing file, an unknown task): reported as one clear line, exit code 1.</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException()
    {
    }

    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
