using Editorial.Core.Articles.Html;

namespace Editorial.Tests.Articles.Html;

/// <summary>
/// Hostile vectors that used to take the reporter's text after them along: an element whose content the
/// parser reads as text (style, title, textarea, noscript, script…) left unclosed swallows the rest of the body,
/// and SVG/MathML (dropped whole) swallowed the ordinary HTML the parser had put inside them. The text after
/// the vector must survive the save; nothing executable may.
/// </summary>
public sealed class StoryHtmlSanitizerSwallowingVectorsTests
{
    private const string Before = "<p>Đoạn mở đầu của bài.</p>";
    private const string FirstAfter = "<p>Đoạn sau vẫn còn nguyên.</p>";
    private const string SecondAfter = "<p>Kết luận của Hội nghị: <strong>triển khai ngay</strong>.</p>";

    public static TheoryData<string> Vectors =>
    [
        // The finding: DOMPurify's mglyph/style mutation vector, and its closed variant.
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;\">",
        "<math><mtext><table><mglyph><svg><mtext><style><path id=\"</style><img onerror=alert(1) src>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",

        // Its siblings: style in SVG, in MathML and in their HTML integration points.
        "<svg><style><img src=x onerror=alert(1)>",
        "<math><style><img src=x onerror=alert(1)>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<svg><foreignObject><style><img src=x onerror=alert(1)>",
        "<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(1)>",
        "<math><mi><style><img src=x onerror=alert(1)>",

        // noscript (scripting on, as the sanitiser parses) and the other text elements, unclosed.
        "<noscript><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<style><img src=x onerror=alert(1)>",
        "<title><img src=x onerror=alert(1)>",
        "<textarea><img src=x onerror=alert(1)>",
        "<xmp><img src=x onerror=alert(1)>",
        "<iframe><img src=x onerror=alert(1)>",
        "<noembed><img src=x onerror=alert(1)>",
        "<noframes><img src=x onerror=alert(1)>",
        "<plaintext><img src=x onerror=alert(1)>",

        // Unclosed title/textarea/style in foreign content and its integration points.
        "<svg><title><img src=x onerror=alert(1)>",
        "<svg><desc><textarea><img src=x onerror=alert(1)>",
        "<svg><textarea><img src=x onerror=alert(1)>",
        "<math><mtext><title><img src=x onerror=alert(1)>",
        "<math><mtext><textarea><img src=x onerror=alert(1)>",
        "<svg><foreignObject><title><script>alert(1)</script>",
        "<math><mtext><style></style><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>",
        "<script>",
        "<svg><script>",
        "<math><mtext><table><mglyph><script>",
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TheReportersTextAfterTheVectorSurvives(string vector)
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(Before + vector + FirstAfter + SecondAfter);

        Assert.StartsWith(Before, sanitized, StringComparison.Ordinal);
        Assert.Contains(FirstAfter, sanitized, StringComparison.Ordinal);
        Assert.EndsWith(SecondAfter, sanitized, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void NothingExecutableSurvives(string vector)
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(Before + vector + FirstAfter + SecondAfter);

        SafeHtml.AssertSafe(sanitized, $"vector \"{vector}\"");
        Assert.DoesNotContain("onerror", sanitized, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", sanitized, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", sanitized, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TheResultIsStableAndSearchReadsWhatItShows(string vector)
    {
        var html = Before + vector + FirstAfter + SecondAfter;
        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.Equal(sanitized, StoryHtmlSanitizer.Sanitize(sanitized));
        var text = StoryHtmlSanitizer.ToPlainText(html);
        Assert.Equal(StoryHtmlSanitizer.ToPlainText(sanitized), text);
        Assert.Contains("Kết luận của Hội nghị: triển khai ngay.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<style>p { color: red }</style>")]
    [InlineData("<STYLE type=\"text/css\">\r\n<!-- p.MsoNormal { margin: 0 } -->\r\n</STYLE >")]
    [InlineData("<title>Tài liệu Word</title>")]
    [InlineData("<textarea>ô nhập</textarea>")]
    [InlineData("<noscript><p>Bật JavaScript</p></noscript>")]
    [InlineData("<svg><title>Biểu đồ</title><text>số liệu</text></svg>")]
    [InlineData("<math><mi>x</mi><mo>=</mo><mn>2</mn></math>")]
    [InlineData("<style title=\"</style\">p{}</style>")]
    [InlineData("<style>/* a < b */ p::before { content: \"<\" } @media (width < 600px) { p { margin: 0 } }</style>")]
    public void ClosedTextElementsAndForeignTextStillGoWhole(string hidden)
    {
        // Only the unclosed case changes: a closed <style> (Word's) keeps its CSS out of the story.
        Assert.Equal(Before + "\n" + FirstAfter, StoryHtmlSanitizer.Sanitize(Before + hidden + FirstAfter));
    }

    [Fact]
    public void AStrayStyleClosedOnlyByALaterStyleSheet_DoesNotHideTheParagraphsBetween()
    {
        // The parser would read everything up to the Word style sheet's </style> as CSS; a style sheet holds no tags.
        var html = Before + "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" + FirstAfter
            + "<style><!-- p.MsoNormal { margin: 0 } --></style>" + SecondAfter;

        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.Equal(Before + "\n" + FirstAfter + "\n" + SecondAfter, sanitized);
        SafeHtml.AssertSafe(sanitized, "stray style");
    }

    [Fact]
    public void AnEndTagInsideAnAttributeDoesNotCountAsClosing()
    {
        // "</style" in the title is the start tag's own attribute: the <style> is still unclosed.
        Assert.Equal(
            Before + "\n" + FirstAfter,
            StoryHtmlSanitizer.Sanitize(Before + "<style title=\"</style>\">" + FirstAfter));
    }

    [Fact]
    public void HtmlInsideSvgAndMathMlIsKeptWithoutTheForeignMarkup()
    {
        var html = "<svg><foreignObject><p>Trong <em>SVG</em></p><script>alert(1)</script></foreignObject><text>chữ của SVG</text></svg>"
            + "<math><mi>x</mi><mtext><p>Trong MathML</p></mtext></math>";

        Assert.Equal("<p>Trong <em>SVG</em></p>\n<p>Trong MathML</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<style><textarea><title>")]
    [InlineData("<script>a</script><noscript>")]
    [InlineData("<style>p{}</style><style><wbr>")]
    public void ThousandsOfUnclosedTextElements_AreClosedInOnePass(string repeated)
    {
        var html = string.Concat(Enumerable.Repeat(repeated, 20_000)) + FirstAfter;

        Assert.Equal(FirstAfter, StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void AnUnclosedScript_LeavesItsCodeAsTextThatCannotRun()
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(Before + "<script>alert(document.domain)" + FirstAfter);

        Assert.Equal(Before + "\n<p>alert(document.domain)</p>\n" + FirstAfter, sanitized);
        SafeHtml.AssertSafe(sanitized, "unclosed script");
    }
}
