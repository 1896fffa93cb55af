using Editorial.Core.Articles.Html;

namespace Editorial.Tests.Articles.Html;

/// <summary>Absurd input (the body may be 2 MB) must come out safe and in reasonable time, never crash the process.</summary>
public sealed class StoryHtmlSanitizerLimitsTests
{
    [Fact]
    public void DeeplyNestedBlocks_FallBackToTheirText()
    {
        // 100,000 nested <div>s would take the HTML parser minutes; the guard reads them as text instead.
        var html = Repeat("<div>", 100_000) + "Hội nghị <b>trực tuyến</b>" + Repeat("</div>", 100_000);

        Assert.Equal("<p>Hội nghị trực tuyến</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void NestingTheParserIgnoresEndTagsOf_IsStillCaught()
    {
        // </div> inside <marquee> is ignored by the parser, so the <div>s nest although every one is "closed".
        var html = Repeat("<div><marquee></div></marquee>", 50_000) + "Chữ";

        Assert.Equal("<p>Chữ</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void ModeratelyDeepNesting_IsFlattenedBelowTheLimit()
    {
        var html = Repeat("<blockquote>", 150) + "Trích" + Repeat("</blockquote>", 150);

        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.Equal(Repeat("<blockquote>", 100) + "Trích" + Repeat("</blockquote>", 100), sanitized);
        Assert.Equal(sanitized, StoryHtmlSanitizer.Sanitize(sanitized));
    }

    [Fact]
    public void SloppyButOrdinaryMarkup_IsNotMistakenForDeepNesting()
    {
        var html = "<ul>" + Repeat("<li>mục", 500) + "</ul><table>" + Repeat("<tr><td>a<td>b", 500) + "</table>" + Repeat("<p>đoạn <span>văn", 500);

        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.StartsWith("<ul><li>mục</li><li>mục</li>", sanitized, StringComparison.Ordinal);
        Assert.Contains("<table><tbody><tr><td>a</td><td>b</td></tr>", sanitized, StringComparison.Ordinal);
        Assert.EndsWith("<p>đoạn văn</p>", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void WideInput_IsHandled()
    {
        // Hundreds of thousands of siblings: each pass is linear (AngleSharp's sibling lookups are not).
        var html = Repeat("<span>a</span><!--c--><x>b</x><script>c</script>", 50_000) + Repeat("<p>đoạn</p>", 50_000);

        var sanitized = StoryHtmlSanitizer.Sanitize(html);

        Assert.StartsWith("<p>" + Repeat("ab", 50_000) + "</p>\n<p>đoạn</p>", sanitized, StringComparison.Ordinal);
        SafeHtml.AssertSafe(sanitized, "wide input");
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
