using Editorial.Core.Configuration;
using Editorial.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Editorial.Tests.Configuration;

public sealed class EditorialOptionsValidatorTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["Editorial:PortalName"] = "Cổng thông tin điện tử tỉnh Hà Giang",
        ["Editorial:DatelinePrefix"] = "CTTĐT",
        ["Editorial:TimeZone"] = "Asia/Ho_Chi_Minh",
        ["Editorial:DefaultCulture"] = "vi-VN",
        ["Editorial:DataFolder"] = "data",
        ["Editorial:Database:Provider"] = "Sqlite",
        ["Editorial:Database:ConnectionString"] = "",
        ["Editorial:Bootstrap:DemoAccounts"] = "true",
        ["Editorial:Bootstrap:AdminUserName"] = "",
        ["Editorial:Bootstrap:AdminFullName"] = "",
        ["Editorial:Bootstrap:AdminEmail"] = "",
        ["Editorial:Bootstrap:AdminPassword"] = "",
    };

    [Fact]
    public void TheRepositorysAppSettings_AreValid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.AppSettings, optional: false).Build();

        Assert.Empty(EditorialOptionsValidator.Validate(configuration));
    }

    [Fact]
    public void CompleteSettings_AreValid()
    {
        Assert.Empty(Validate(ValidSettings()));
    }

    private static readonly string[] RequiredKeyPaths =
    [
        "Editorial:PortalName",
        "Editorial:DatelinePrefix",
        "Editorial:TimeZone",
        "Editorial:DataFolder",
        "Editorial:DefaultCulture",
        "Editorial:Database:Provider",
    ];

    public static TheoryData<string> RequiredKeys => new(RequiredKeyPaths);

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void MissingRequiredKey_IsReportedByItsFullPath(string key)
    {
        var settings = ValidSettings();
        settings.Remove(key);

        var error = Assert.Single(Validate(settings));
        Assert.Contains(key, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void BlankRequiredKey_IsReportedByItsFullPath(string key)
    {
        foreach (var blank in new[] { "", "   " })
        {
            var settings = ValidSettings();
            settings[key] = blank;

            var error = Assert.Single(Validate(settings));
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryMissingKey_IsReportedAtOnce()
    {
        var settings = ValidSettings();
        foreach (var key in RequiredKeyPaths)
        {
            settings.Remove(key);
        }

        var errors = Validate(settings);

        Assert.Equal(RequiredKeyPaths.Length, errors.Count);
        foreach (var key in RequiredKeyPaths)
        {
            Assert.Contains(errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OverlongPortalName_IsReported()
    {
        var settings = ValidSettings();
        settings["Editorial:PortalName"] = new string('x', 201);

        var error = Assert.Single(Validate(settings));
        Assert.Contains("Editorial:PortalName", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTimeZone_IsReportedWithTheValue()
    {
        var settings = ValidSettings();
        settings["Editorial:TimeZone"] = "Mars/Base";

        var error = Assert.Single(Validate(settings));
        Assert.Contains("Editorial:TimeZone", error, StringComparison.Ordinal);
        Assert.Contains("Mars/Base", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("vi")]
    [InlineData("Vietnamese")]
    public void UnsupportedCulture_IsReported(string culture)
    {
        var settings = ValidSettings();
        settings["Editorial:DefaultCulture"] = culture;

        var error = Assert.Single(Validate(settings));
        Assert.Contains("Editorial:DefaultCulture", error, StringComparison.Ordinal);
        Assert.Contains(culture, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    public void SupportedCultures_AreAccepted(string culture)
    {
        var settings = ValidSettings();
        settings["Editorial:DefaultCulture"] = culture;

        Assert.Empty(Validate(settings));
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Postgres")]
    public void UnsupportedDatabaseProvider_IsReported(string provider)
    {
        var settings = ValidSettings();
        settings["Editorial:Database:Provider"] = provider;

        var error = Assert.Single(Validate(settings));
        Assert.Contains("Editorial:Database:Provider", error, StringComparison.Ordinal);
        Assert.Contains(provider, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    [InlineData("postgresql")]
    public void SupportedProviders_AreAccepted_WithTheirConnectionString(string provider)
    {
        var settings = ValidSettings();
        settings["Editorial:Database:Provider"] = provider;
        settings["Editorial:Database:ConnectionString"] = provider == "Sqlite" ? "" : "Host=127.0.0.1;Username=editorial;Database=editorial";

        Assert.Empty(Validate(settings));
    }

    [Fact]
    public void UnsupportedDatabaseProvider_IsReportedInVietnamese_NamingTheChoices()
    {
        var settings = ValidSettings();
        settings["Editorial:Database:Provider"] = "MySql";

        var error = Assert.Single(Validate(settings));
        Assert.Equal("Editorial:Database:Provider: \"MySql\" không được hỗ trợ; chọn một trong: Sqlite, PostgreSql.", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void PostgreSqlWithoutAConnectionString_IsReportedInVietnamese(string? connectionString)
    {
        var settings = ValidSettings();
        settings["Editorial:Database:Provider"] = "PostgreSql";
        settings["Editorial:Database:ConnectionString"] = connectionString;

        var error = Assert.Single(Validate(settings));
        Assert.StartsWith("Editorial:Database:ConnectionString: cần chuỗi kết nối PostgreSQL khi Provider là PostgreSql", error, StringComparison.Ordinal);
        Assert.Contains("Editorial__Database__ConnectionString", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void DemoAccountsThatIsNotABoolean_IsReported(string value)
    {
        var settings = ValidSettings();
        settings["Editorial:Bootstrap:DemoAccounts"] = value;

        var error = Assert.Single(Validate(settings));
        Assert.Contains("Editorial:Bootstrap:DemoAccounts", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("True")]
    public void DemoAccountsBoolean_IsAccepted(string value)
    {
        var settings = ValidSettings();
        settings["Editorial:Bootstrap:DemoAccounts"] = value;

        Assert.Empty(Validate(settings));
    }

    [Fact]
    public void ConfiguredAdministrator_WithPasswordAndEmail_IsValid()
    {
        var settings = WithAdministrator("toasoan", "Mat-khau-du-dai", "quantri@hagiang.gov.vn");

        Assert.Empty(Validate(settings));
    }

    [Fact]
    public void AdministratorUserName_WithoutPassword_IsReported()
    {
        var error = Assert.Single(Validate(WithAdministrator("toasoan", "", "")));

        Assert.Contains("Editorial:Bootstrap:AdminPassword", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AdministratorPassword_ShorterThanTen_IsReported()
    {
        var error = Assert.Single(Validate(WithAdministrator("toasoan", "123456789", "")));

        Assert.Contains("Editorial:Bootstrap:AdminPassword", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AdministratorPassword_OfExactlyTen_IsAccepted()
    {
        Assert.Empty(Validate(WithAdministrator("toasoan", "1234567890", "")));
    }

    [Fact]
    public void AdministratorEmail_WithoutAt_IsReported()
    {
        var error = Assert.Single(Validate(WithAdministrator("toasoan", "Mat-khau-du-dai", "quantri.hagiang.gov.vn")));

        Assert.Contains("Editorial:Bootstrap:AdminEmail", error, StringComparison.Ordinal);
        Assert.Contains("quantri.hagiang.gov.vn", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AdministratorPassword_WithoutUserName_IsReported()
    {
        var error = Assert.Single(Validate(WithAdministrator("", "Mat-khau-du-dai", "")));

        Assert.Contains("Editorial:Bootstrap:AdminUserName", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSection_IsReportedAlone()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" })
            .Build();

        var error = Assert.Single(EditorialOptionsValidator.Validate(configuration));
        Assert.StartsWith("Editorial:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaKeys_AreOptional_AndTakeTheirDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ValidSettings()).Build();

        var media = configuration.GetSection("Editorial").Get<EditorialOptions>()!.Media;

        Assert.Empty(EditorialOptionsValidator.Validate(configuration));
        Assert.Equal(10_485_760, media.MaxUploadBytes);
        Assert.Equal("", media.Folder);
        Assert.Equal(1600, media.WebMaxWidth);
        Assert.Equal(320, media.ThumbnailMaxWidth);
    }

    [Fact]
    public void TheRepositorysAppSettings_SpellOutTheMediaDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.AppSettings, optional: false).Build();

        Assert.Equal("10485760", configuration["Editorial:Media:MaxUploadBytes"]);
        Assert.Equal("", configuration["Editorial:Media:Folder"]);
        Assert.Equal("1600", configuration["Editorial:Media:WebMaxWidth"]);
        Assert.Equal("320", configuration["Editorial:Media:ThumbnailMaxWidth"]);
    }

    [Fact]
    public void CompleteMediaSettings_AreValid()
    {
        var settings = ValidSettings();
        settings["Editorial:Media:MaxUploadBytes"] = "104857600";
        settings["Editorial:Media:Folder"] = "/srv/editorial/media";
        settings["Editorial:Media:WebMaxWidth"] = "1200";
        settings["Editorial:Media:ThumbnailMaxWidth"] = "16";

        Assert.Empty(Validate(settings));
    }

    [Theory]
    [InlineData("Editorial:Media:MaxUploadBytes", "0")]
    [InlineData("Editorial:Media:MaxUploadBytes", "-1")]
    [InlineData("Editorial:Media:MaxUploadBytes", "10MB")]
    [InlineData("Editorial:Media:MaxUploadBytes", "1.5")]
    [InlineData("Editorial:Media:MaxUploadBytes", "")]
    [InlineData("Editorial:Media:MaxUploadBytes", "104857601")]
    [InlineData("Editorial:Media:MaxUploadBytes", "99999999999999999999")]
    [InlineData("Editorial:Media:WebMaxWidth", "0")]
    [InlineData("Editorial:Media:WebMaxWidth", "15")]
    [InlineData("Editorial:Media:WebMaxWidth", "10001")]
    [InlineData("Editorial:Media:WebMaxWidth", "rộng")]
    [InlineData("Editorial:Media:ThumbnailMaxWidth", "-320")]
    [InlineData("Editorial:Media:ThumbnailMaxWidth", "")]
    public void BadMediaValue_IsReportedByItsFullPath(string key, string value)
    {
        var settings = ValidSettings();
        settings[key] = value;

        var error = Assert.Single(Validate(settings));
        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
        Assert.Contains("(", error, StringComparison.Ordinal); // an English hint follows the Vietnamese
    }

    [Fact]
    public void OverlongMediaFolder_IsReported()
    {
        var settings = ValidSettings();
        settings["Editorial:Media:Folder"] = new string('x', 1001);

        var error = Assert.Single(Validate(settings));
        Assert.StartsWith("Editorial:Media:Folder:", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> WithAdministrator(string userName, string password, string email)
    {
        var settings = ValidSettings();
        settings["Editorial:Bootstrap:AdminUserName"] = userName;
        settings["Editorial:Bootstrap:AdminPassword"] = password;
        settings["Editorial:Bootstrap:AdminEmail"] = email;
        return settings;
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings) =>
        EditorialOptionsValidator.Validate(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
