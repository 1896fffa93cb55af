using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;
using Editorial.Core.Articles.Html;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Html;

public sealed class StoryHtmlSanitizerTests
{
    private static readonly string[] SeedParagraphs =
    [
        SeedStory.TrongQuyI,
        SeedStory.DoiVoiBanChiDao,
        SeedStory.BanChiDaoCacHuyen,
        SeedStory.BaoCaoTonTai,
        SeedStory.PhuongHuong,
        SeedStory.KetLuan,
    ];

    /// <summary>The seed story's body as TinyMCE saves it: lead, captioned photo, six paragraphs, one block a line.</summary>
    private static string SeedBody { get; } = string.Join(
        "\n",
        [
            $"<p>{Html(SeedStory.Lead)}</p>",
            $"<figure class=\"image\"><img src=\"/media/2017/04/toan-canh-hoi-nghi.jpg\" alt=\"{SeedStory.Caption}\" width=\"800\" height=\"533\"><figcaption>{SeedStory.Caption}</figcaption></figure>",
            .. SeedParagraphs.Select(p => $"<p>{Html(p)}</p>"),
        ]);

    [Fact]
    public void SeedStory_ParagraphsAndCaptionedPhoto_SurviveIntact()
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(SeedBody);

        Assert.Equal(SeedBody, sanitized);
        Assert.Contains("<figcaption>Toàn cảnh Hội nghị</figcaption>", sanitized, StringComparison.Ordinal);
        Assert.Contains("ban &nbsp; hành", sanitized, StringComparison.Ordinal); // The original's no-break spaces.
    }

    [Fact]
    public void SeedStory_PlainText_IsTheParagraphsSeparatedByBlankLines()
    {
        var text = StoryHtmlSanitizer.ToPlainText(SeedBody);

        Assert.Equal(string.Join("\n\n", [SeedStory.Lead, SeedStory.Caption, .. SeedParagraphs]), text);
    }

    [Fact]
    public void Tables_SurviveWithTheirStructure()
    {
        const string table =
            "<table><caption>Kết quả quý I/2017</caption>"
            + "<thead><tr><th scope=\"col\">Đơn vị</th><th scope=\"col\">Số điểm cầu</th></tr></thead>"
            + "<tbody><tr><td>Huyện Yên Minh</td><td>1</td></tr><tr><td>Huyện Mèo Vạc</td><td></td></tr></tbody>"
            + "<tfoot><tr><td colspan=\"2\" rowspan=\"1\">Tổng: 11</td></tr></tfoot></table>";

        Assert.Equal(table, StoryHtmlSanitizer.Sanitize(table));
        Assert.Equal(
            "Kết quả quý I/2017\n\nĐơn vị\tSố điểm cầu\n\nHuyện Yên Minh\t1\n\nHuyện Mèo Vạc\n\nTổng: 11",
            StoryHtmlSanitizer.ToPlainText(table));
    }

    [Fact]
    public void Tables_LoseTheirPresentationAttributes()
    {
        const string word = "<table border=\"1\" cellpadding=\"0\" width=\"600\" style=\"border-collapse:collapse\" class=\"MsoTableGrid\">"
            + "<colgroup><col width=\"300\"></colgroup><tr valign=\"top\"><th scope=\"diagonal\" colspan=\"x\" width=\"300\" bgcolor=\"red\">A</th><td rowspan=\"0\" nowrap>B</td></tr></table>";

        Assert.Equal("<table><tbody><tr><th>A</th><td>B</td></tr></tbody></table>", StoryHtmlSanitizer.Sanitize(word));
    }

    [Fact]
    public void WordPaste_BecomesCleanParagraphs_WithVietnameseIntact()
    {
        var sanitized = StoryHtmlSanitizer.Sanitize(WordPaste.Document);

        Assert.Equal(WordPaste.Expected.ReplaceLineEndings("\n"), sanitized);
        foreach (var junk in new[] { "mso", "Mso", "o:p", "<span", "<div", "class=", "style=", "lang=", "<!--", "[if", "&nbsp;", "ghi chú nội bộ", "file:" })
        {
            Assert.DoesNotContain(junk, sanitized, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WordPaste_PlainText_HasOneParagraphPerBlock()
    {
        Assert.Equal(
            "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I\n\n"
            + "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu gồm các huyện, thành phố.\n\n"
            + "Trong quý I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc, làm tốt công tác tham mưu cho cấp ủy lãnh đạo phát triển kinh tế, văn hóa xã hội.\n\n"
            + "Rà soát, chuẩn hóa thủ tục hành chính;\n\n"
            + "Đẩy mạnh cải cách hành chính ở các huyện.\n\n"
            + "Đơn vị\tSố điểm cầu\n\n"
            + "Các huyện, thành phố\t11\n\n"
            + "Trần Khánh - Thu Ngà",
            StoryHtmlSanitizer.ToPlainText(WordPaste.Document));
    }

    [Fact]
    public void WordNumberedList_BecomesAnOrderedList()
    {
        const string word =
            "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]>Rà soát</p>\n"
            + "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>2.<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]>Kiểm tra</p>\n"
            + "<p class=MsoNormal>Sau danh sách</p>";

        Assert.Equal("<ol><li>Rà soát</li><li>Kiểm tra</li></ol>\n<p>Sau danh sách</p>", StoryHtmlSanitizer.Sanitize(word));
    }

    [Fact]
    public void GoogleDocsPaste_KeepsBoldAndItalicWrittenAsStyles()
    {
        const string docs =
            "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b\">"
            + "<p dir=\"ltr\" style=\"line-height:1.38\"><span style=\"font-size:11pt;font-weight:700\">Đậm</span><span style=\"font-size:11pt\"> và </span>"
            + "<span style=\"font-style:italic\">nghiêng</span></p><br><p dir=\"ltr\"><span>Đoạn hai</span></p></b>";

        Assert.Equal("<p><strong>Đậm</strong> và <em>nghiêng</em></p>\n<p>Đoạn hai</p>", StoryHtmlSanitizer.Sanitize(docs));
    }

    [Fact]
    public void TinyMceOutput_KeepsEveryAllowedElement_AndLosesStyles()
    {
        const string tinyMce =
            "<p style=\"text-align: center;\"><strong>Hội nghị</strong></p>\n<p>&nbsp;</p>\n<p>Dòng một<br>dòng hai</p>\n"
            + "<ul>\n<li>Mục <em>một</em></li>\n<li>Mục <i>hai</i>, <b>ba</b>, <u>bốn</u>, <s>năm</s>, H<sub>2</sub>O, m<sup>2</sup></li>\n</ul>\n"
            + "<ol><li>Thứ nhất</li></ol>\n<blockquote><p>Trích dẫn</p></blockquote>\n<hr>\n<h3>Mục nhỏ</h3>\n<h4>Mục nhỏ hơn</h4>";

        Assert.Equal(
            "<p><strong>Hội nghị</strong></p>\n<p>Dòng một<br>dòng hai</p>\n"
            + "<ul><li>Mục <em>một</em></li><li>Mục <i>hai</i>, <b>ba</b>, <u>bốn</u>, <s>năm</s>, H<sub>2</sub>O, m<sup>2</sup></li></ul>\n"
            + "<ol><li>Thứ nhất</li></ol>\n<blockquote><p>Trích dẫn</p></blockquote>\n<hr>\n<h3>Mục nhỏ</h3>\n<h4>Mục nhỏ hơn</h4>",
            StoryHtmlSanitizer.Sanitize(tinyMce));
    }

    [Theory]
    [InlineData("<h1>Tiêu đề</h1>", "<h2>Tiêu đề</h2>")]
    [InlineData("<h2>A</h2><h3>B</h3><h4>C</h4>", "<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>")]
    [InlineData("<h5>A</h5><h6>B</h6>", "<h4>A</h4>\n<h4>B</h4>")]
    public void Headings_StartAtH2_BecauseThePageTitleIsTheOnlyH1(string html, string expected)
    {
        Assert.Equal(expected, StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<div>Một</div>", "<p>Một</p>")]
    [InlineData("<div><div>Hai</div><div>Ba</div></div>", "<p>Hai</p>\n<p>Ba</p>")]
    [InlineData("<div><p>Một</p>rời <b>đậm</b></div>", "<p>Một</p>\n<p>rời <b>đậm</b></p>")]
    [InlineData("<h2>Tiêu <span><div>đề</div></span></h2>", "<h2>Tiêu đề</h2>")]
    [InlineData("Chữ trần <em>nghiêng</em>", "<p>Chữ trần <em>nghiêng</em></p>")]
    [InlineData("<section><header>Đầu</header><article><p>Thân</p></article></section>", "<p>Đầu</p>\n<p>Thân</p>")]
    [InlineData("<font face=\"Arial\" color=\"red\">Chữ</font> <span class=\"x\" style=\"color:red\">màu</span>", "<p>Chữ màu</p>")]
    [InlineData("<span style=\"font-weight:bold;text-decoration:underline\">Đậm gạch</span>", "<p><strong><u>Đậm gạch</u></strong></p>")]
    [InlineData("<p><b>Đậm <b>đậm nữa</b></b> <i><em>nghiêng</em></i></p>", "<p><b>Đậm đậm nữa</b> <i><em>nghiêng</em></i></p>")]
    public void Containers_BecomeParagraphs_AndSpansGiveWayToTheirText(string html, string expected)
    {
        Assert.Equal(expected, StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<p>&nbsp;</p><p>Chữ</p>")]
    [InlineData("<p> </p><p>Chữ</p>")]
    [InlineData("<p><br></p><p>Chữ</p>")]
    [InlineData("<p class=MsoNormal><o:p>&nbsp;</o:p></p><p>Chữ</p>")]
    [InlineData("<p><strong>&nbsp;</strong></p>\n\n<p>Chữ</p><p></p><ul><li> </li></ul>")]
    public void EmptyParagraphs_AreRemoved(string html)
    {
        Assert.Equal("<p>Chữ</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void AttributesOutsideTheList_AreRemovedFromAllowedElements()
    {
        const string html = "<p class=\"MsoNormal\" id=\"p1\" style=\"color:red\" title=\"x\" data-x=\"1\" align=\"center\" dir=\"ltr\">"
            + "<strong class=\"a\">Chữ</strong> <a href=\"/tin\" class=\"b\" id=\"c\" name=\"d\" download>liên kết</a></p>";

        Assert.Equal("<p><strong>Chữ</strong> <a href=\"/tin\">liên kết</a></p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"https://baohagiang.vn/tin\" target=\"_blank\">Báo</a>", "<a href=\"https://baohagiang.vn/tin\" target=\"_blank\" rel=\"noopener noreferrer\">Báo</a>")]
    [InlineData("<a href=\"https://baohagiang.vn/\" target=\"_BLANK\" rel=\"opener nofollow\">Báo</a>", "<a href=\"https://baohagiang.vn/\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">Báo</a>")]
    [InlineData("<a href=\"/tin-tuc/hoi-nghi\" target=\"_self\" title=\"Hội nghị\">Tin</a>", "<a href=\"/tin-tuc/hoi-nghi\" title=\"Hội nghị\">Tin</a>")]
    [InlineData("<a href=\"mailto:toasoan@hagiang.gov.vn\">Thư</a>", "<a href=\"mailto:toasoan@hagiang.gov.vn\">Thư</a>")]
    [InlineData("<a href=\"#muc-2\">Mục 2</a>", "<a href=\"#muc-2\">Mục 2</a>")]
    [InlineData("<a href=\"  https://example.com/x \">X</a>", "<a href=\"https://example.com/x\">X</a>")]
    [InlineData("<a href=\"tin-khac.html\">Tương đối</a>", "Tương đối")]
    [InlineData("<a href=\"ftp://example.com/\">FTP</a>", "FTP")]
    [InlineData("<a name=\"_GoBack\"></a>Chữ", "Chữ")]
    public void Links_KeepHttpMailtoAndSitePaths_AndOpenNewWindowsSafely(string html, string expectedInParagraph)
    {
        Assert.Equal($"<p>{expectedInParagraph}</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<img src=\"/media/2017/04/a.jpg\" alt=\"Ảnh\" width=\"600\" height=\"400\">", "<p><img src=\"/media/2017/04/a.jpg\" alt=\"Ảnh\" width=\"600\" height=\"400\"></p>")]
    [InlineData("<img src=\"https://example.com/a.png\" width=\"100%\" height=\"auto\" title=\"x\" class=\"y\">", "<p><img src=\"https://example.com/a.png\"></p>")]
    [InlineData("<img src=\"/uploads/a.png\">Chữ", "<p>Chữ</p>")]
    [InlineData("<img src=\"a.png\">Chữ", "<p>Chữ</p>")]
    [InlineData("<img src=\"file:///C:/Users/a.png\">Chữ", "<p>Chữ</p>")]
    [InlineData("<figure class=\"image align-left\" style=\"float:left\"><img src=\"/media/a.jpg\"><figcaption>Chú thích</figcaption></figure>", "<figure class=\"image\"><img src=\"/media/a.jpg\"><figcaption>Chú thích</figcaption></figure>")]
    [InlineData("<figure class=\"table\"><img src=\"/media/a.jpg\"></figure>", "<figure><img src=\"/media/a.jpg\"></figure>")]
    [InlineData("<figure class=\"image\"><img src=\"data:image/png;base64,AAAA\"><figcaption>Chú thích</figcaption></figure>", "<p>Chú thích</p>")]
    public void Images_ComeOnlyFromTheWebOrTheMediaLibrary(string html, string expected)
    {
        Assert.Equal(expected, StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void DecomposedText_ComesOutComposed()
    {
        var decomposed = $"<p>{SeedStory.Lead.Normalize(NormalizationForm.FormD)}</p>"
            + $"<p><img src=\"/media/a.jpg\" alt=\"{SeedStory.Caption.Normalize(NormalizationForm.FormD)}\"></p>";

        var sanitized = StoryHtmlSanitizer.Sanitize(decomposed);

        Assert.Equal($"<p>{SeedStory.Lead}</p>\n<p><img src=\"/media/a.jpg\" alt=\"{SeedStory.Caption}\"></p>", sanitized);
        Assert.True(sanitized.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(SeedStory.Lead, StoryHtmlSanitizer.ToPlainText(decomposed));
    }

    [Theory]
    [InlineData("<p>Ho&#x323;&#x302;i nghi&#x323;</p>")] // Combining marks written as entities.
    [InlineData("<p><span>Hô</span>&#x323;i <b></b>nghi&#x323;</p>")] // Split across elements that are unwrapped.
    public void CombiningMarks_ComposeEvenWhenMarkupSeparatesThem(string html)
    {
        Assert.Equal("<p>Hội nghị</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void VietnameseCharacters_AreWrittenAsCharacters_NotEntities()
    {
        var sanitized = StoryHtmlSanitizer.Sanitize("<p>&#7842;nh: H&ocirc;̣i nghi&#803; &#272;&#7843;ng bộ tỉnh Hà Giang</p>");

        Assert.Equal("<p>Ảnh: Hội nghị Đảng bộ tỉnh Hà Giang</p>", sanitized);
        Assert.DoesNotContain("&#", StoryHtmlSanitizer.Sanitize(SeedBody), StringComparison.Ordinal);
    }

    [Fact]
    public void SpecialCharacters_StayEscaped()
    {
        const string html = "<p>a &amp; b &lt; c &gt; d \"e\" 'f'</p>";

        Assert.Equal(html, StoryHtmlSanitizer.Sanitize(html));
        Assert.Equal("a & b < c > d \"e\" 'f'", StoryHtmlSanitizer.ToPlainText(html));
    }

    [Fact]
    public void Output_IsWhatAngleSharpWouldWrite()
    {
        // The sanitiser writes its own output (AngleSharp's writer is slow on wide documents); it must agree
        // with the HtmlFormatter it configures on HtmlSanitizer.
        var sanitized = StoryHtmlSanitizer.Sanitize(SeedBody + WordPaste.Document + "<p title='a&amp;b \"c\" <d>'>x &amp; y</p>");
        var parsed = new HtmlParser().ParseDocument("<!doctype html><html><body>" + sanitized);

        var written = string.Join("\n", parsed.Body!.Children.Select(child => child.ToHtml(Ganss.Xss.HtmlFormatter.Instance)));

        Assert.Equal(written, sanitized);
    }

    [Fact]
    public void WhitespaceFromSourceLineBreaks_CollapsesToSpaces()
    {
        const string html = "<p>\r\n  Trong quý\r\n  I/2017,\t XDCSCTVM \n</p>\n\n<p>  <b> Đậm </b>  chữ </p>";

        Assert.Equal("<p>Trong quý I/2017, XDCSCTVM</p>\n<p><b>Đậm </b> chữ</p>", StoryHtmlSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   \n ", "")]
    [InlineData("Chỉ chữ", "<p>Chỉ chữ</p>")]
    [InlineData("<frameset><frame src=\"/x\"></frameset>", "")]
    [InlineData("<html><head><title>T</title></head><body><p>Thân</p></body></html>", "<p>Thân</p>")]
    public void Sanitize_HandlesEmptyAndWholeDocuments(string html, string expected)
    {
        Assert.Equal(expected, StoryHtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void NullInput_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => StoryHtmlSanitizer.Sanitize(null!));
        Assert.Throws<ArgumentNullException>(() => StoryHtmlSanitizer.ToPlainText(null!));
    }

    [Fact]
    public void ToPlainText_SeparatesBlocksAndKeepsLineBreaks()
    {
        const string html = "<h2>Tiêu đề</h2><p>Dòng một<br>dòng hai</p><ul><li>Mục một</li><li>Mục <b>hai</b></li></ul>"
            + "<blockquote><p>Trích</p></blockquote><p>Chữ<script>bí mật()</script> cuối</p>";

        Assert.Equal("Tiêu đề\n\nDòng một\ndòng hai\n\nMục một\n\nMục hai\n\nTrích\n\nChữ cuối", StoryHtmlSanitizer.ToPlainText(html));
    }

    [Fact]
    public void PositiveSamples_AreStableOnASecondPass()
    {
        foreach (var html in new[] { SeedBody, WordPaste.Document, "<div>a<div>b</div>c</div><span style='font-weight:bold'><span style='font-style:italic'>x</span></span>" })
        {
            var once = StoryHtmlSanitizer.Sanitize(html);
            Assert.Equal(once, StoryHtmlSanitizer.Sanitize(once));
        }
    }

    [Fact]
    public void SharedInstance_GivesTheSameResultsUnderConcurrency()
    {
        var inputs = XssVectors.All.Select(v => v.Html).Append(SeedBody).Append(WordPaste.Document).ToArray();
        var expected = inputs.Select(StoryHtmlSanitizer.Sanitize).ToArray();
        var actual = new string[inputs.Length * 4];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = StoryHtmlSanitizer.Sanitize(inputs[i % inputs.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % inputs.Length], actual[i]);
        }
    }

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);
}
