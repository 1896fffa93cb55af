using Editorial.Core.Articles.Html;

namespace Editorial.Tests.Articles.Html;

/// <summary>
/// A link or emphasis around whole blocks (a block link copied from a news site, Word's bold around
/// paragraphs) used to come out as a paragraph holding paragraphs: stored so, read back differently by every
/// browser, and changed by the second pass on display. It goes into each block instead.
/// </summary>
public sealed class StoryHtmlSanitizerFormattingAroundBlocksTests
{
    [Theory]
    [InlineData(
        "<a href=\"/tin/x\"><h3>Tiêu đề</h3><p>Tóm tắt</p></a>",
        "<h3><a href=\"/tin/x\">Tiêu đề</a></h3>\n<p><a href=\"/tin/x\">Tóm tắt</a></p>")]
    [InlineData(
        "<a href=\"/tin/x\"><div>Tiêu đề</div><div>Tóm tắt <em>ngắn</em></div></a>",
        "<p><a href=\"/tin/x\">Tiêu đề</a></p>\n<p><a href=\"/tin/x\">Tóm tắt <em>ngắn</em></a></p>")]
    [InlineData(
        "<strong><p>Một</p><p>Hai</p></strong>",
        "<p><strong>Một</strong></p>\n<p><strong>Hai</strong></p>")]
    [InlineData(
        "<b><ul><li>một</li> <li>hai</li></ul><table><tr><td>ô</td></tr></table></b>",
        "<ul><li><b>một</b></li><li><b>hai</b></li></ul>\n<table><tbody><tr><td><b>ô</b></td></tr></tbody></table>")]
    [InlineData(
        "<a href=\"https://example.com/\">trước<hr>sau</a>",
        "<p><a href=\"https://example.com/\">trước</a></p>\n<hr>\n<p><a href=\"https://example.com/\">sau</a></p>")]
    [InlineData(
        "<a id=\"muc-1\"><p>Không phải liên kết</p><p>Đoạn hai</p></a>",
        "<p>Không phải liên kết</p>\n<p>Đoạn hai</p>")]
    public void FormattingAroundBlocks_GoesIntoEachBlock(string html, string expected)
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.Equal(expected, sanitized);
        Assert.Equal(sanitized, StoryHtmlSanitizer.Sanitize(sanitized));
        SafeHtml.AssertSafe(sanitized, html);
    }

    [Fact]
    public void AJavascriptBlockLink_LeavesOnlyTheText()
    {
        Assert.Equal(
            "<h3>Tiêu đề</h3>\n<p>Tóm tắt</p>",
            StoryHtmlSanitizer.Sanitize("<a href=\"javascript:alert(1)\"><h3>Tiêu đề</h3><p>Tóm tắt</p></a>"));
    }
}
