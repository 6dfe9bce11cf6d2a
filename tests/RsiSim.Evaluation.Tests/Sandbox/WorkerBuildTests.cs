using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>What the build puts beside the host for its workers.</summary>
public sealed class WorkerBuildTests
{
    [Fact]
    public void On_linux_x64_the_worker_is_precompiled_and_the_harness_beside_it_is_not()
    {
        // The build precompiles where its SDK's runtime identifier is linux-x64 (RsiSim.Worker.csproj); tests run where they were built.
        Assert.SkipUnless(RuntimeInformation.RuntimeIdentifier == "linux-x64", "the worker is precompiled where the build runs on linux-x64");

        // The worker's own loop, protocol and result path: ReadyToRun code, so a fresh worker does not JIT-compile them
        Assert.True(IsReadyToRun("RsiSim.Worker.dll"), "RsiSim.Worker.dll beside the host is not ReadyToRun: the build's PrecompileWorker step did not run");
        // The harness and the contracts run inside the timed region beside the programs: JIT-compiled, as the programs are
        Assert.False(IsReadyToRun("RsiSim.Tasks.dll"));
        Assert.False(IsReadyToRun("RsiSim.Contracts.dll"));
    }

    // A ReadyToRun image carries a managed native header in its CLI header; an IL-only image does not.
    private static bool IsReadyToRun(string file)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, file));
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
