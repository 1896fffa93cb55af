using Editorial.Core.Articles.Html;

namespace Editorial.Tests.Articles.Html;

public sealed class StoryHtmlSanitizerXssTests
{
    public static TheoryData<int> Vectors => XssVectors.Indexes();

    [Fact]
    public void TheCorpusHoldsAtLeast120DistinctVectors()
    {
        Assert.True(XssVectors.All.Count >= 120, $"only {XssVectors.All.Count} vectors");
        Assert.Equal(XssVectors.All.Count, XssVectors.All.Select(v => v.Html).Distinct().Count());
        Assert.Equal(XssVectors.All.Count, XssVectors.All.Select(v => v.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_LeavesNothingExecutable(int index)
    {
        var vector = XssVectors.All[index];

        var sanitized = StoryHtmlSanitizer.Sanitize(vector.Html);

        SafeHtml.AssertSafe(sanitized, $"vector \"{vector.Name}\"");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_IsStableOnItsOwnOutput(int index)
    {
        // Stored HTML is sanitised again on display: a second pass must neither change it nor unlock anything.
        var vector = XssVectors.All[index];
        var sanitized = StoryHtmlSanitizer.Sanitize(vector.Html);

        Assert.Equal(sanitized, StoryHtmlSanitizer.Sanitize(sanitized));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ToPlainText_ReadsWhatTheSanitisedStoryShows(int index)
    {
        // Search and the glossary check must not index what no reader sees (script bodies, attributes).
        var vector = XssVectors.All[index];

        var text = StoryHtmlSanitizer.ToPlainText(vector.Html);

        Assert.Equal(StoryHtmlSanitizer.ToPlainText(StoryHtmlSanitizer.Sanitize(vector.Html)), text);
        Assert.DoesNotContain("document.cookie", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"x()\">a</p>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">a</a>")]
    [InlineData("<a href=\"%6A%61vascript:alert(1)\">a</a>")]
    [InlineData("<a href=\"//evil.example/\">a</a>")]
    [InlineData("<a href=\"https://example.com/\" target=\"_blank\">a</a>")]
    [InlineData("<img src=\"/media/../admin/logout\">")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<p class=\"x\">a</p>")]
    [InlineData("<div>a</div>")]
    [InlineData("<svg><a>x</a></svg>")]
    [InlineData("<p>a<!-- b --></p>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x>\"></noscript>")]
    [InlineData("<meta http-equiv=refresh content=\"0;url=/\">")]
    public void TheSafetyCheck_ItselfRejectsUnsafeMarkup(string unsafeHtml)
    {
        // The oracle must not be vacuous: each of these has to fail it.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SafeHtml.AssertSafe(unsafeHtml, "known-bad markup"));
    }

    [Theory]
    [InlineData("<p onclick=\"alert(1)\">Nhấn vào đây</p>", "<p>Nhấn vào đây</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">Xem</a>", "<p>Xem</p>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">Xem</a>", "<p>Xem</p>")]
    [InlineData("<a href=\"  JaVaScRiPt:alert(1)\">Xem</a>", "<p>Xem</p>")]
    [InlineData("<a href=\"//evil.example/x\">Xem</a>", "<p>Xem</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "")]
    [InlineData("<img src=\"/media/a.jpg\" onload=\"alert(1)\">", "<p><img src=\"/media/a.jpg\"></p>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "")]
    [InlineData("<svg onload=alert(1)><text>x</text></svg>Sau", "<p>Sau</p>")]
    [InlineData("<p>Trước<script>alert(1)</script> sau</p>", "<p>Trước sau</p>")]
    [InlineData("<base href=\"http://evil.example/\"><a href=\"/tin-tuc\">Tin</a>", "<p><a href=\"/tin-tuc\">Tin</a></p>")]
    [InlineData("<form action=\"javascript:alert(1)\"><p>Nội dung</p><button formaction=\"javascript:alert(1)\">X</button></form>", "<p>Nội dung</p>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<a href=\"https://example.com/\" title='\" onmouseover=\"alert(1)'>x</a>", "<p><a href=\"https://example.com/\" title=\"&quot; onmouseover=&quot;alert(1)\">x</a></p>")]
    public void Sanitize_RemovesTheAttackAndKeepsTheText(string html, string expected)
    {
        Assert.Equal(expected, StoryHtmlSanitizer.Sanitize(html));
    }
}
