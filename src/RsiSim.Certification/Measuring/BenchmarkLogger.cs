using Microsoft.Extensions.Logging;
using BdnLogKind = BenchmarkDotNet.Loggers.LogKind;

namespace RsiSim.Certification.Measuring;

/// <summary>Passes BenchmarkDotNet's console log to Microsoft.Extensions.Logging, one line per message, at debug level.</summary>
internal sealed partial class BenchmarkLogger(ILogger logger) : BenchmarkDotNet.Loggers.ILogger
{
    private readonly System.Text.StringBuilder _line = new();

    public string Id => nameof(BenchmarkLogger);

    public int Priority => 0;

    public void Write(BdnLogKind logKind, string text) => _line.Append(text);

    public void WriteLine() => Flush();

    public void WriteLine(BdnLogKind logKind, string text)
    {
        _line.Append(text);
        Flush();
    }

    public void Flush()
    {
        string line = _line.ToString();
        _line.Clear();
        if (line.Length > 0)
        {
            LogLine(logger, line);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "BenchmarkDotNet: {Line}")]
    private static partial void LogLine(ILogger logger, string line);
}
