using System.Globalization;
using Editorial.Core.Time;
using Microsoft.Extensions.Configuration;

namespace Editorial.Core.Configuration;

/// <summary>
/// Checks the raw configuration before anything starts, so that a missing or malformed key stops
/// start-up with a message naming the key instead of failing later somewhere else.
/// Messages are for the operator who edits appsettings.json, in Vietnamese like the rest of the product.
/// </summary>
public static class EditorialOptionsValidator
{
    private static readonly string[] SupportedCultures = ["vi-VN", "en-US"];

    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var section = configuration.GetSection(EditorialOptions.SectionName);
        if (!section.Exists())
        {
            errors.Add($"{EditorialOptions.SectionName}: thiếu mục cấu hình (missing section).");
            return errors;
        }

        Required(section, nameof(EditorialOptions.PortalName), errors, maxLength: 200);
        Required(section, nameof(EditorialOptions.DatelinePrefix), errors, maxLength: 40);
        Required(section, nameof(EditorialOptions.DataFolder), errors, maxLength: 1000);

        var zone = Required(section, nameof(EditorialOptions.TimeZone), errors, maxLength: 100);
        if (zone is not null && !PortalTime.TryFindZone(zone, out _))
        {
            errors.Add($"{Key(section, nameof(EditorialOptions.TimeZone))}: không tìm thấy múi giờ \"{zone}\" (unknown time zone), ví dụ \"Asia/Ho_Chi_Minh\".");
        }

        var culture = Required(section, nameof(EditorialOptions.DefaultCulture), errors, maxLength: 20);
        if (culture is not null && !SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{Key(section, nameof(EditorialOptions.DefaultCulture))}: \"{culture}\" không được hỗ trợ; chọn một trong: {string.Join(", ", SupportedCultures)}.");
        }

        var database = section.GetSection(nameof(EditorialOptions.Database));
        var provider = Required(database, nameof(DatabaseOptions.Provider), errors, maxLength: 40);
        if (provider is not null && !DatabaseProviders.Supported.Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{Key(database, nameof(DatabaseOptions.Provider))}: \"{provider}\" không được hỗ trợ; chọn một trong: {string.Join(", ", DatabaseProviders.Supported)}.");
        }

        if (DatabaseProviders.IsPostgreSql(provider) && string.IsNullOrWhiteSpace(database[nameof(DatabaseOptions.ConnectionString)]))
        {
            errors.Add($"{Key(database, nameof(DatabaseOptions.ConnectionString))}: cần chuỗi kết nối PostgreSQL khi Provider là PostgreSql (required), ví dụ \"Host=127.0.0.1;Username=editorial;Password=...;Database=editorial\"; đặt qua biến môi trường Editorial__Database__ConnectionString.");
        }

        foreach (var entry in section.GetSection(nameof(EditorialOptions.Glossary)).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value) || entry.Value.Length > 200 || entry.Key.Length > 20)
            {
                errors.Add($"{entry.Path}: cần một cụm từ đầy đủ (≤ 200 ký tự) cho chữ viết tắt ≤ 20 ký tự (an expansion is required).");
            }
        }

        var bootstrap = section.GetSection(nameof(EditorialOptions.Bootstrap));
        Boolean(bootstrap, nameof(BootstrapOptions.DemoAccounts), errors);
        ValidateAdminBootstrap(bootstrap, errors);

        ValidateMedia(section.GetSection(nameof(EditorialOptions.Media)), errors);
        ValidateWorkflow(section.GetSection(nameof(EditorialOptions.Workflow)), errors);
        var autosave = section[nameof(EditorialOptions.AutosaveSeconds)];
        if (autosave is not null && (!int.TryParse(autosave, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 2 or > 120))
        {
            errors.Add($"{Key(section, nameof(EditorialOptions.AutosaveSeconds))}: \"{autosave}\" phải là số giây từ 2 đến 120 (seconds, 2–120).");
        }

        return errors;
    }

    private static void ValidateAdminBootstrap(IConfigurationSection bootstrap, List<string> errors)
    {
        var userName = bootstrap[nameof(BootstrapOptions.AdminUserName)];
        var password = bootstrap[nameof(BootstrapOptions.AdminPassword)];
        var email = bootstrap[nameof(BootstrapOptions.AdminEmail)];
        if (string.IsNullOrWhiteSpace(userName))
        {
            if (!string.IsNullOrEmpty(password))
            {
                errors.Add($"{Key(bootstrap, nameof(BootstrapOptions.AdminUserName))}: thiếu tên đăng nhập cho mật khẩu quản trị đã đặt (password given without a user name).");
            }

            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add($"{Key(bootstrap, nameof(BootstrapOptions.AdminPassword))}: thiếu mật khẩu cho tài khoản quản trị \"{userName}\"; đặt qua biến môi trường Editorial__Bootstrap__AdminPassword.");
        }
        else if (password.Length < 10)
        {
            errors.Add($"{Key(bootstrap, nameof(BootstrapOptions.AdminPassword))}: mật khẩu phải có ít nhất 10 ký tự (at least 10 characters).");
        }

        if (!string.IsNullOrWhiteSpace(email) && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{Key(bootstrap, nameof(BootstrapOptions.AdminEmail))}: \"{email}\" không phải địa chỉ email hợp lệ.");
        }
    }

    /// <summary>Every media key is optional: a missing key takes its default, a present one must make sense.</summary>
    private static void ValidateMedia(IConfigurationSection media, List<string> errors)
    {
        var maxUpload = media[nameof(MediaOptions.MaxUploadBytes)];
        if (maxUpload is not null)
        {
            if (!long.TryParse(maxUpload, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
            {
                errors.Add($"{Key(media, nameof(MediaOptions.MaxUploadBytes))}: \"{maxUpload}\" không phải số byte dương (must be a positive number of bytes), ví dụ 10485760 cho 10 MB.");
            }
            else if (bytes > MediaOptions.MaxUploadBytesCeiling)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(media, nameof(MediaOptions.MaxUploadBytes))}: tối đa {MediaOptions.MaxUploadBytesCeiling} byte (100 MB) (at most 100 MB)."));
            }
        }

        var folder = media[nameof(MediaOptions.Folder)];
        if (folder is not null && folder.Length > 1000)
        {
            errors.Add($"{Key(media, nameof(MediaOptions.Folder))}: dài quá 1000 ký tự (too long).");
        }

        Width(media, nameof(MediaOptions.WebMaxWidth), errors);
        Width(media, nameof(MediaOptions.ThumbnailMaxWidth), errors);
    }

    private static void ValidateWorkflow(IConfigurationSection workflow, List<string> errors)
    {
        Boolean(workflow, nameof(WorkflowOptions.FourEyes), errors);
        var items = string.Join(", ", Enum.GetNames<Workflow.ChecklistItem>());
        var severities = string.Join(", ", Enum.GetNames<Workflow.ChecklistSeverity>());
        foreach (var entry in workflow.GetSection(nameof(WorkflowOptions.Checklist)).GetChildren())
        {
            if (!Enum.TryParse<Workflow.ChecklistItem>(entry.Key, ignoreCase: true, out _) || int.TryParse(entry.Key, out _))
            {
                errors.Add($"{entry.Path}: không có mục kiểm tra \"{entry.Key}\" (unknown item); chọn một trong: {items}.");
            }
            else if (!Enum.TryParse<Workflow.ChecklistSeverity>(entry.Value, ignoreCase: true, out _) || int.TryParse(entry.Value, out _))
            {
                errors.Add($"{entry.Path}: \"{entry.Value}\" không hợp lệ; chọn một trong: {severities}.");
            }
        }
    }

    private static void Width(IConfigurationSection section, string name, List<string> errors)
    {
        var value = section[name];
        if (value is not null
            && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) || pixels < MediaOptions.MinWidth || pixels > MediaOptions.MaxWidth))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(section, name)}: \"{value}\" phải là số điểm ảnh từ {MediaOptions.MinWidth} đến {MediaOptions.MaxWidth} (pixels, {MediaOptions.MinWidth}–{MediaOptions.MaxWidth})."));
        }
    }

    private static string? Required(IConfigurationSection section, string name, List<string> errors, int maxLength)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{Key(section, name)}: thiếu giá trị (required).");
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add($"{Key(section, name)}: dài quá {maxLength} ký tự (too long).");
            return null;
        }

        return value.Trim();
    }

    private static void Boolean(IConfigurationSection section, string name, List<string> errors)
    {
        var value = section[name];
        if (value is not null && !bool.TryParse(value, out _))
        {
            errors.Add($"{Key(section, name)}: \"{value}\" không phải true hoặc false.");
        }
    }

    private static string Key(IConfigurationSection section, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{section.Path}:{name}");
}
