using Editorial.Web.Infrastructure.Data;

namespace Editorial.Web.Features.Media;

/// <summary>Why an upload was refused; the endpoint maps it to a status code, people read the message.</summary>
public enum MediaRefusal
{
    None,
    Empty,
    TooLarge,
    NotAnImage,
    WrongExtension,
    EmbeddedMarkup,
    Unreadable,
    TooManyPixels,
}

/// <summary>Either the stored asset or a Vietnamese message saying why nothing was stored.</summary>
public sealed class MediaUploadResult
{
    private MediaUploadResult(MediaAsset? asset, MediaRefusal refusal, string? error, int webWidth, int webHeight)
    {
        Asset = asset;
        Refusal = refusal;
        Error = error;
        WebWidth = webWidth;
        WebHeight = webHeight;
    }

    public MediaAsset? Asset { get; }

    public MediaRefusal Refusal { get; }

    public string? Error { get; }

    /// <summary>Size of the web copy (what an editor inserts), which may be smaller than the original.</summary>
    public int WebWidth { get; }

    public int WebHeight { get; }

    public bool Succeeded => Asset is not null;

    public static MediaUploadResult Stored(MediaAsset asset, int webWidth, int webHeight) =>
        new(asset, MediaRefusal.None, null, webWidth, webHeight);

    public static MediaUploadResult Refused(MediaRefusal refusal, string error) => new(null, refusal, error, 0, 0);
}

/// <summary>What a person is told when an image is refused. Vietnamese, like every message of the newsroom.</summary>
public static class MediaMessages
{
    public const string Empty = "Tệp rỗng.";
    public const string NotAnImage = "Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP.";
    public const string WrongExtension = "Tên tệp phải có đuôi .jpg, .jpeg, .png, .gif hoặc .webp.";
    public const string EmbeddedMarkup = "Tệp ảnh có chèn mã HTML hoặc script nên không được nhận.";
    public const string Unreadable = "Ảnh bị hỏng hoặc không đọc được.";
    public const string TooManyPixels = "Ảnh có kích thước quá lớn: tối đa 20.000 điểm ảnh mỗi chiều và 100 megapixel.";
    public const string NoFile = "Chưa chọn tệp ảnh để tải lên.";
    public const string SignInRequired = "Cần đăng nhập để tải ảnh lên.";
    public const string NotAllowed = "Tài khoản không có quyền tải ảnh lên.";
    public const string BadToken = "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Hãy tải lại trang rồi thử lại.";
    public const string NotMultipart = "Yêu cầu tải ảnh phải gửi tệp trong trường \"file\" (multipart/form-data).";
    public const string StorageFailed = "Không lưu được ảnh do lỗi máy chủ. Hãy thử lại sau.";

    public static string TooLarge(MediaSettings settings) => $"Ảnh quá lớn: tối đa {settings.MaxUploadText}.";
}
