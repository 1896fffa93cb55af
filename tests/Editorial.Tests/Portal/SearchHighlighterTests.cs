using System.Text;
using Editorial.Web.Features.Portal.Search;

namespace Editorial.Tests.Portal;

public sealed class SearchHighlighterTests
{
    private const string SeedSentence = "Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy";

    [Theory]
    [InlineData("thao hong son")]
    [InlineData("Thào Hồng Sơn")]
    [InlineData("THAO HONG SON")]
    public void NameTypedWithOrWithoutDiacritics_IsMarkedAsWritten_InOneMark(string query)
    {
        var html = SearchHighlighter.Highlight(SeedSentence, SearchTerms.Parse(query));

        Assert.Equal("Chủ trì Hội nghị có đồng chí <mark>Thào Hồng Sơn</mark>, Phó Bí thư Thường trực Tỉnh ủy", html);
    }

    [Fact]
    public void DStroke_FoldsToD()
    {
        var html = SearchHighlighter.Highlight("đồng chí Đào", SearchTerms.Parse("dong dao"));

        Assert.Equal("<mark>đồng</mark> chí <mark>Đào</mark>", html);
    }

    [Fact]
    public void WordsSeparatedByPunctuation_AreMarkedApart()
    {
        var html = SearchHighlighter.Highlight("Thào, Sơn", SearchTerms.Parse("thao son"));

        Assert.Equal("<mark>Thào</mark>, <mark>Sơn</mark>", html);
    }

    [Fact]
    public void OnlyWholeWords_AreMarked()
    {
        // "son" is a word of the query; "Sơnla" and "sonar" are other words.
        var html = SearchHighlighter.Highlight("Sơnla sonar Sơn", SearchTerms.Parse("son"));

        Assert.Equal("Sơnla sonar <mark>Sơn</mark>", html);
    }

    [Fact]
    public void DecomposedText_KeepsItsCombiningMarksInsideTheMark()
    {
        var nfd = "Thào Hồng Sơn".Normalize(NormalizationForm.FormD);

        var html = SearchHighlighter.Highlight(nfd, SearchTerms.Parse("hong"));

        Assert.Equal("Tha\u0300o <mark>" + "Hồng".Normalize(NormalizationForm.FormD) + "</mark> " + "Sơn".Normalize(NormalizationForm.FormD), html);
    }

    [Fact]
    public void Markup_IsEncoded_ButVietnameseLettersStayCharacters()
    {
        var html = SearchHighlighter.Highlight("<b>Sơn</b> & \"Hà\"", SearchTerms.Parse("son ha"));

        Assert.Equal("&lt;b&gt;<mark>Sơn</mark>&lt;/b&gt; &amp; &quot;<mark>Hà</mark>&quot;", html);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoQuery_MarksNothing()
    {
        Assert.Equal(SeedSentence, SearchHighlighter.Highlight(SeedSentence, SearchTerms.Parse("  ")));
        Assert.Equal(SeedSentence, SearchHighlighter.Highlight(SeedSentence, SearchTerms.Parse("khongtontai")));
    }

    [Fact]
    public void Excerpt_OfLongText_IsAWindowAroundTheMatch_CutAtWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("mở đầu", 100)) + " đồng chí Thào Hồng Sơn kết luận " + string.Join(' ', Enumerable.Repeat("phần sau", 100));

        var excerpt = SearchHighlighter.Excerpt(text, SearchTerms.Parse("thao hong son"), maxLength: 120)!;

        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains("<mark>Thào Hồng Sơn</mark>", excerpt, StringComparison.Ordinal);
        var visible = excerpt.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Trim('…');
        Assert.True(visible.Length <= 120, visible);
        Assert.Contains(visible, text, StringComparison.Ordinal); // whole words of the original, nothing cut mid-word
        Assert.Matches("^(mở|đầu|đồng) ", visible);
    }

    [Fact]
    public void Excerpt_CentresOnThePhrase_NotOnAnEarlierLoneWord()
    {
        var text = "Ban Chỉ đạo họp. " + string.Join(' ', Enumerable.Repeat("nội dung", 60)) + " đồng chí Thào Hồng Sơn kết luận.";

        var excerpt = SearchHighlighter.Excerpt(text, SearchTerms.Parse("dong chi thao hong son"), maxLength: 100)!;

        Assert.Contains("<mark>đồng chí Thào Hồng Sơn</mark>", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("Ban", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpt_WithoutMatch_IsNullWhenAMatchIsRequired_ElseTheStart()
    {
        var text = string.Join(' ', Enumerable.Repeat("tin tức", 80));

        Assert.Null(SearchHighlighter.Excerpt(text, SearchTerms.Parse("son"), requireMatch: true));
        var start = SearchHighlighter.Excerpt(text, SearchTerms.Parse("son"), maxLength: 50)!;
        Assert.StartsWith("tin tức", start, StringComparison.Ordinal);
        Assert.EndsWith("…", start, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldedText_MapsEveryFoldedWordBackToTheOriginalCharacters()
    {
        var text = FoldedText.Of("Ủy ban  Đồng Văn");

        Assert.Equal("uy ban  dong van", text.Folded);
        var words = text.Words().Select(w => text.ToOriginal(w.Start, w.Length)).Select(r => text.Original.Substring(r.Start, r.Length));
        Assert.Equal(["Ủy", "ban", "Đồng", "Văn"], words);
    }

    [Fact]
    public void FoldedText_KeepsSurrogatePairsWhole()
    {
        var text = FoldedText.Of("Hà 😀 Giang");

        var words = text.Words().Select(w => text.ToOriginal(w.Start, w.Length)).Select(r => text.Original.Substring(r.Start, r.Length)).ToList();

        Assert.Equal(["Hà", "😀", "Giang"], words);
    }
}
