using System.Text;

namespace RsiSim.Worker;

/// <summary>Takes the place of Console.Out and Console.Error: keeps the first characters a program prints, counts the rest.</summary>
/// <remarks>Bounded, so a program printing without end costs itself time but cannot exhaust the worker's memory.</remarks>
internal sealed class OutputCapture : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _kept = new();
    private int _limit = 4096;
    private long _dropped;

    public override Encoding Encoding => Encoding.UTF8;

    public int Limit
    {
        get => _limit;
        set => _limit = Math.Max(0, value);
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (_kept.Length < _limit)
            {
                _kept.Append(value);
            }
            else
            {
                _dropped++;
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            int room = Math.Clamp(_limit - _kept.Length, 0, buffer.Length);
            _kept.Append(buffer[..room]);
            _dropped += buffer.Length - room;
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    /// <summary>What was printed since the last call, with a note of how much was cut; starts over.</summary>
    public string Take()
    {
        lock (_lock)
        {
            string text = _dropped == 0 ? _kept.ToString() : $"{_kept}\n[... {_dropped} more characters not kept]";
            _kept.Clear();
            _dropped = 0;
            return text;
        }
    }
}
