using System.Diagnostics;
using System.Globalization;
using System.Text;
using RsiSim.Core.Evaluations;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>One running worker: requests and replies over its stdin/stdout, every wait bounded, killed with its whole tree when it overruns.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrTailChars = 8192;

    /// <summary>Read in large pieces, not the 4 KB the default reader takes: until protocol 4 a run's result was one line of
    /// about 600 KB at small; now its doubles come through a file, and only the printed output (at most
    /// <see cref="SandboxOptions.OutputLimit"/> characters) travels in the line.</summary>
    private const int ReadBufferBytes = 1 << 16;
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _stderrLock = new();
    private StreamReader _output = StreamReader.Null;
    private WorkerReply? _death;
    private long? _oomKillsAtStart;

    private WorkerProcess(Process process, DirectoryInfo folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>False once the worker died or was killed; it answers nothing after that.</summary>
    public bool IsAlive => _death is null;

    /// <summary>Alive as far as this process has seen, and its process still running: a worker kept idle may have been
    /// killed from outside (the OOM killer, a user) without a request to notice it.</summary>
    public bool IsRunning => IsAlive && !HasExited();

    /// <summary>The fresh temporary folder the worker runs in, deleted when it is disposed.</summary>
    public string Folder => _folder.FullName;

    public int Id => _process.Id;

    /// <summary>Starts a worker in a fresh folder and waits for its hello; a worker that cannot start is a broken installation and throws.</summary>
    /// <param name="warm">Started as a spare: the worker warms its own paths before its hello (<see cref="WorkerLaunch.StartInfo"/>).</param>
    /// <param name="started">Told the process id as soon as the process exists, before its hello.</param>
    public static async ValueTask<WorkerProcess> StartAsync(SandboxOptions options, CancellationToken cancellationToken, bool warm = false, Action<int>? started = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = WorkerFolders.Create();
        var process = new Process { StartInfo = WorkerLaunch.StartInfo(options, folder.FullName, warm) };
        var worker = new WorkerProcess(process, folder);
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        try
        {
            worker._oomKillsAtStart = OomKills.Count();
            process.Start();
            started?.Invoke(process.Id);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        process.BeginErrorReadLine();
        worker._output = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, ReadBufferBytes);
        WorkerReply hello;
        try
        {
            hello = await worker.ReceiveAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Cancelled while it started: killed by the read, and its process and folder go with it.
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (hello.Message is not HelloMessage { Protocol: WorkerMessage.ProtocolVersion })
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the sandbox worker did not start: {(hello.Message is HelloMessage h ? $"it speaks protocol {h.Protocol}, not {WorkerMessage.ProtocolVersion}" : hello.Detail)}");
        }
        return worker;
    }

    /// <summary>Hands the worker a program: its image written to the one file the worker loads from, in the worker's own
    /// folder, then "load".</summary>
    public async ValueTask<WorkerReply> LoadAsync(string task, string size, byte[] image, int outputLimit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(Path.Combine(Folder, LoadMessage.ProgramFile), image, cancellationToken).ConfigureAwait(false);
        return await RequestAsync(new LoadMessage(task, size, LoadMessage.ProgramFile, outputLimit), timeout, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WorkerReply> RequestAsync(WorkerMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return sent.Succeeded ? await ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false) : sent;
    }

    public async ValueTask<WorkerReply> SendAsync(WorkerMessage request, CancellationToken cancellationToken)
    {
        if (_death is { } death)
        {
            return death;
        }
        try
        {
            await _process.StandardInput.WriteLineAsync(ProtocolLine.Write(request).AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new WorkerReply(request, null, "");
        }
        catch (IOException)
        {
            return await DiedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The next line from the worker; past <paramref name="timeout"/> the worker is killed and the reply is a timeout.</summary>
    public async ValueTask<WorkerReply> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_death is { } death)
        {
            return death;
        }
        // WaitAsync rather than a cancelled read: killing the process is what really ends a read on its pipe.
        var read = _output.ReadLineAsync(CancellationToken.None).AsTask();
        string? line;
        try
        {
            line = await read.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await KillAsync().ConfigureAwait(false);
            return Dead(WorkerReply.Failed(EvaluationStatus.Timeout, string.Create(CultureInfo.InvariantCulture, $"did not finish within {timeout.TotalSeconds:0.###} s; the worker was killed")));
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
            Dead(WorkerReply.Failed(EvaluationStatus.Crash, "the evaluation was cancelled"));
            throw;
        }
        if (line is null)
        {
            return await DiedAsync().ConfigureAwait(false);
        }
        if (ProtocolLine.Read(line) is not { } message)
        {
            await KillAsync().ConfigureAwait(false);
            return Dead(WorkerReply.Failed(EvaluationStatus.Crash, $"the worker broke the protocol with: {(line.Length > 120 ? line[..120] + "..." : line)}"));
        }
        return WorkerReply.Of(message);
    }

    /// <summary>Marks the worker dead with this reply, kills it, and returns the reply.</summary>
    public async ValueTask<WorkerReply> AbandonAsync(WorkerReply reply)
    {
        await KillAsync().ConfigureAwait(false);
        return Dead(reply);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsAlive && !HasExited())
            {
                await SendAsync(new ByeMessage(), CancellationToken.None).ConfigureAwait(false);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // It ignored "bye": it is killed below.
                }
            }
            await KillAsync().ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
            DeleteFolder();
        }
    }

    private async ValueTask<WorkerReply> DiedAsync()
    {
        using (var grace = new CancellationTokenSource(ExitGrace))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await KillAsync().ConfigureAwait(false);
            }
        }
        string tail;
        lock (_stderrLock)
        {
            tail = _stderr.ToString();
        }
        return Dead(WorkerDeath.Classify(HasExited() ? _process.ExitCode : -1, tail, OomKills.MayHaveActedSince(_oomKillsAtStart)));
    }

    private WorkerReply Dead(WorkerReply reply)
    {
        _death ??= reply;
        return reply;
    }

    private async ValueTask KillAsync()
    {
        if (HasExited())
        {
            return;
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return; // it exited meanwhile
        }
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; nothing more can be done from here.
        }
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true; // never started
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stderrLock)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StderrTailChars)
            {
                _stderr.Remove(0, _stderr.Length - StderrTailChars);
            }
        }
    }

    private void DeleteFolder()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the folder is under the system's temporary folder, which is cleaned anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
