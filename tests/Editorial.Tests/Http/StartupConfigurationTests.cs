using Editorial.Tests.TestSupport;
using Editorial.Web;
using Editorial.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Builder;

namespace Editorial.Tests.Http;

/// <summary>A wrong key stops start-up with a message naming it, before anything touches the data folder.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Editorial:TimeZone", "Mars/Base")]
    [InlineData("Editorial:DefaultCulture", "fr-FR")]
    [InlineData("Editorial:Database:Provider", "Oracle")]
    [InlineData("Editorial:Bootstrap:DemoAccounts", "yes")]
    [InlineData("Editorial:PortalName", "")]
    public void CommandLineOverride_WithABadValue_StopsStartUp_NamingTheKey(string key, string value)
    {
        using var folder = new TemporaryFolder();
        var dataFolder = Path.Combine(folder.Path, "data");
        var builder = WebApplication.CreateBuilder([$"--{key}={value}", $"--Editorial:DataFolder={dataFolder}"]);

        var ex = Assert.Throws<StartupConfigurationException>(() => builder.AddEditorial());

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataFolder));
    }

    [Fact]
    public void CommandLineOverride_WinsOverTheTopLevelSettingsFile()
    {
        using var folder = new TemporaryFolder();
        var builder = WebApplication.CreateBuilder(["--Editorial:DataFolder=" + folder.Path, "--Editorial:PortalName=Cổng thử nghiệm"]);

        builder.AddEditorial();

        Assert.Equal("Cổng thử nghiệm", builder.Configuration["Editorial:PortalName"]);
        Assert.Equal(folder.Path, builder.Configuration["Editorial:DataFolder"]);
        // Untouched keys still come from the repository's appsettings.json.
        Assert.Equal("CTTĐT", builder.Configuration["Editorial:DatelinePrefix"]);
    }

    [Fact]
    public async Task TheProgram_ExitsWithCode2_OnABadKey()
    {
        using var folder = new TemporaryFolder();
        var dataFolder = Path.Combine(folder.Path, "data");
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        string[] args = ["--Editorial:TimeZone=Mars/Base", $"--Editorial:DataFolder={dataFolder}", "--urls=http://127.0.0.1:0"];

        // If validation ever stopped failing, Main would run the server: do not wait for it forever.
        var run = Task.Run(() => entryPoint.Invoke(null, [args]));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(run, finished);
        Assert.Equal(2, await run);
        Assert.False(Directory.Exists(dataFolder));
    }
}
