using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>What the build puts beside the host for its workers.</summary>
public sealed class WorkerBuildTests
{
    private static readonly string Precompiled = Path.Combine(AppContext.BaseDirectory, "worker");

    [Fact]
    public void On_linux_x64_the_worker_and_the_harness_are_precompiled_in_a_folder_of_their_own_which_the_host_starts()
    {
        // The build precompiles where its SDK's runtime identifier is linux-x64 (RsiSim.Worker.csproj); tests run where they were built.
        Assert.SkipUnless(RuntimeInformation.RuntimeIdentifier == "linux-x64", "the worker is precompiled where the build runs on linux-x64");

        Assert.Equal(Path.Combine(Precompiled, "RsiSim.Worker.dll"), WorkerLaunch.DefaultWorker());
        // The worker's loop, protocol and result path and the harness's preparation: ReadyToRun code, so a fresh worker
        // does not JIT-compile them
        Assert.True(IsReadyToRun(Path.Combine(Precompiled, "RsiSim.Worker.dll")), "worker/RsiSim.Worker.dll is not ReadyToRun: the build's PrecompileWorker step did not run");
        Assert.True(IsReadyToRun(Path.Combine(Precompiled, "RsiSim.Tasks.dll")));
        Assert.True(IsReadyToRun(Path.Combine(Precompiled, "RsiSim.Core.dll")));
        // The contracts, which the programs call inside the timed region, stay IL: JIT-compiled, as the programs are
        Assert.False(IsReadyToRun(Path.Combine(Precompiled, "RsiSim.Contracts.dll")));
        // The host's own copies are the IL ones its references built
        Assert.False(IsReadyToRun(Path.Combine(AppContext.BaseDirectory, "RsiSim.Tasks.dll")));
    }

    [Fact]
    public void Every_method_of_the_harness_that_runs_inside_the_timed_region_is_left_to_the_JIT()
    {
        // Crossgen does not precompile AggressiveOptimization methods: these are JIT-compiled at their first call, as the
        // programs they call are, so precompiling the harness changes nothing inside the timed region.
        string[] timed =
        [
            "RsiSim.Tasks.TinyLm.TinyLmRunner.Run", "RsiSim.Tasks.TinyLm.TinyLmHarness.ToOutput", "RsiSim.Tasks.TinyLm.TinyLmHarness+PreparedRun.Run",
            "RsiSim.Tasks.TinyConv.TinyConvRunner.Run", "RsiSim.Tasks.TinyConv.TinyConvHarness.ToOutput", "RsiSim.Tasks.TinyConv.TinyConvHarness+PreparedRun.Run",
        ];
        var assembly = typeof(RsiSim.Tasks.TinyLm.TinyLmRunner).Assembly;
        foreach (string name in timed)
        {
            int dot = name.LastIndexOf('.');
            var type = assembly.GetType(name[..dot], throwOnError: true)!;
            var method = type.GetMethod(name[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)!;
            Assert.True(method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{name} is not marked AggressiveOptimization");
        }
    }

    // A ReadyToRun image carries a managed native header in its CLI header; an IL-only image does not.
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
