using RsiSim.Cli.Infrastructure;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
