using System.Reflection;
using RsiSim.Worker.Protocol;

namespace RsiSim.Worker;

/// <summary>Turns what a program threw into the status and sentence the host reports.</summary>
internal static class RunFailure
{
    public static ErrorMessage From(Exception exception, string printed)
    {
        var cause = Unwrap(exception);
        if (cause is OutOfMemoryException || exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions.Any(e => e is OutOfMemoryException))
        {
            return new ErrorMessage("out-of-memory", $"{cause.GetType().Name}: {cause.Message}", printed);
        }
        return new ErrorMessage("crash", $"{cause.GetType().Name}: {cause.Message}{FirstFrame(cause)}", printed);
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }
        return exception is AggregateException { InnerExceptions.Count: 1 } single ? Unwrap(single.InnerExceptions[0]) : exception;
    }

    // The first frame in the program's own file, if any: where an agent should look.
    private static string FirstFrame(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("candidate.cs", StringComparison.Ordinal));
        return frame is null ? "" : " " + frame.Trim();
    }
}
