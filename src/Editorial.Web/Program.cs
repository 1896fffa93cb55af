using Editorial.Web;
using Editorial.Web.Features.Administration.Backup;
using Editorial.Web.Infrastructure.Configuration;

try
{
    // --backup and --restore <archive.zip> do their work and exit without starting the web server.
    if (BackupCommandLine.Parse(args) is { } command)
    {
        return await command.RunAsync(Console.Out, Console.Error);
    }

    var builder = WebApplication.CreateBuilder(args);
    var app = builder.AddEditorial().Build();
    await app.UseEditorialAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    // A person edited appsettings.json: tell them which key, not a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
