using Editorial.Web.Infrastructure.Configuration;

namespace Editorial.Web.Features.Media;

public static class MediaRegistration
{
    /// <summary>Image uploads: the resolved media settings and the store (one per app; it opens a DbContext per call).</summary>
    public static IServiceCollection AddEditorialMedia(this IServiceCollection services, EditorialSettings settings, string root)
    {
        services.AddSingleton(MediaSettings.From(settings, root));
        services.AddSingleton<MediaStore>();
        return services;
    }
}
