using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Serilog as the logging provider: console on stderr, and for runs a text and a compact JSON file in the run folder.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(bool verbose, string? logDirectory = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(
                restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Warning,
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (logDirectory is not null)
        {
            configuration = configuration
                .WriteTo.File(Path.Combine(logDirectory, "rsisim.log"), formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logDirectory, "rsisim.clef"));
        }
        var logger = configuration.CreateLogger();
        return LoggerFactory.Create(builder => builder.AddSerilog(logger, dispose: true).SetMinimumLevel(LogLevel.Debug));
    }
}
