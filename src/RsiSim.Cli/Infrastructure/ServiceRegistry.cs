namespace RsiSim.Cli.Infrastructure;

/// <summary>The few shared services agents may ask for (the run store, HTTP), by type.</summary>
internal sealed class ServiceRegistry : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public ServiceRegistry Add<T>(T service)
        where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
