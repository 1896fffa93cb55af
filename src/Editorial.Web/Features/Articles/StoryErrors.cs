using Editorial.Core.Articles;
using Editorial.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Features.Articles;

/// <summary>Turns a refused field into a sentence the writer understands, in their language.</summary>
public static class StoryErrors
{
    public static string Describe(IStringLocalizer<UiText> text, ValidationError error)
    {
        var field = string.IsNullOrEmpty(error.Field) ? "" : text[$"Editor.Field.{error.Field}"].Value;
        return error.Code switch
        {
            ArticleValidation.Required => text["Editor.Error.Required", field],
            ArticleValidation.TooLong when error.Field == nameof(ArticleContent.BodyHtml) => text["Editor.Error.BodyTooLarge", error.Limit ?? 0],
            ArticleValidation.TooLong => text["Editor.Error.TooLong", field, error.Limit ?? 0],
            ArticleValidation.TooMany => text["Editor.Error.TooMany", field, error.Limit ?? 0],
            ArticleValidation.OutOfRange => text["Editor.Error.OutOfRange", field],
            "taken" => text["Editor.Error.SlugTaken"],
            "forbidden" => text["Editor.Error.Forbidden"],
            _ => text["Editor.Error.Unknown"],
        };
    }
}
