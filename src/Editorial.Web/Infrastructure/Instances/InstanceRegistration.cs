namespace Editorial.Web.Infrastructure.Instances;

/// <summary>How this instance hears the others: not at all on SQLite (one instance), LISTEN/NOTIFY on PostgreSQL.</summary>
public static class InstanceRegistration
{
    /// <param name="postgresConnectionString">The shared PostgreSQL database, or null when the app runs alone on SQLite.</param>
    public static IServiceCollection AddEditorialInstances(this IServiceCollection services, string? postgresConnectionString)
    {
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<InstanceMessageDispatcher>();
        if (postgresConnectionString is null)
        {
            services.AddSingleton<IInstanceBus, SingleInstanceBus>();
            return services;
        }

        services.AddSingleton(sp => new PostgresInstanceBus(
            postgresConnectionString,
            sp.GetRequiredService<InstanceIdentity>(),
            sp.GetRequiredService<InstanceMessageDispatcher>,
            sp.GetRequiredService<ILogger<PostgresInstanceBus>>()));
        services.AddSingleton<IInstanceBus>(sp => sp.GetRequiredService<PostgresInstanceBus>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresInstanceBus>());
        return services;
    }
}
