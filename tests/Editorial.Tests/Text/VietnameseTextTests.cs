using System.Text;
using Editorial.Core.Text;

namespace Editorial.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Normalize_ComposesDecomposedText()
    {
        var decomposed = "Hội nghị".Normalize(NormalizationForm.FormD);

        var normalized = VietnameseText.Normalize(decomposed);

        Assert.Equal("Hội nghị", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_ReturnsTheSameInstance_WhenAlreadyNfc()
    {
        var text = SeedStory.Lead;

        Assert.Same(text, VietnameseText.Normalize(text));
    }

    [Fact]
    public void Normalize_ChangesNothingButComposition()
    {
        var text = "  Hội\u00A0nghị\r\n\tquý I  ";

        Assert.Equal(text, VietnameseText.Normalize(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Fold_MatchesTheDesignExample()
    {
        Assert.Equal("dong chi thao hong son", VietnameseText.Fold("đồng chí Thào Hồng Sơn"));
    }

    [Theory]
    [InlineData("Đối với Ban chỉ đạo", "doi voi ban chi dao")]
    [InlineData("ĐẢNG BỘ TỈNH", "dang bo tinh")]
    [InlineData("Ủy ban nhân dân", "uy ban nhan dan")]
    [InlineData("Uỷ ban nhân dân", "uy ban nhan dan")]
    [InlineData("Nguyễn Trung Tài", "nguyen trung tai")]
    [InlineData("XDCSCTVM", "xdcsctvm")]
    [InlineData("quý I/2017", "quy i/2017")]
    [InlineData("café Müller", "cafe muller")]
    [InlineData("", "")]
    public void Fold_DropsDiacriticsAndCase(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_TreatsDecomposedAndComposedTextAlike()
    {
        var composed = VietnameseText.Fold(SeedStory.Lead);
        var decomposed = VietnameseText.Fold(SeedStory.Lead.Normalize(NormalizationForm.FormD));

        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public void Fold_CollapsesEveryKindOfWhitespaceAndTrims()
    {
        Assert.Equal("ban hanh thuc hien", VietnameseText.Fold(" \tban \u00A0 hành\r\n\r\nthực\u2003hiện \n"));
        Assert.Equal("", VietnameseText.Fold(" \r\n\t\u00A0 "));
    }

    [Fact]
    public void Fold_DropsInvisibleFormatCharacters_SoWordsPastedFromWordStillMatch()
    {
        Assert.Equal("hoi nghi", VietnameseText.Fold("Hội\u00AD nghị\u200B"));
    }

    [Fact]
    public void Fold_KeepsPunctuationDigitsAndCharactersOutsideTheBasicPlane()
    {
        Assert.Equal("ctttdt – sang 20/4, (xdcsctvm) 🙂…", VietnameseText.Fold("CTTTĐT – Sáng 20/4, (XDCSCTVM) 🙂…"));
    }

    [Fact]
    public void Fold_HandlesTextLongerThanTheStackBuffer()
    {
        var folded = VietnameseText.Fold(SeedStory.FullText);

        Assert.Contains("dong chi thao hong son", folded, StringComparison.Ordinal);
        Assert.Contains("ban hanh thuc hien", folded, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", folded, StringComparison.Ordinal);
        Assert.True(folded.All(c => c < '\u0080' || c is '–' or '…'), "only ASCII, dashes and ellipses should remain");
    }

    [Fact]
    public void Fold_ExpandsCharactersThatDecomposeIntoSeveralLetters()
    {
        // Hangul syllables decompose into jamo: more characters out than in.
        var text = string.Concat(Enumerable.Repeat("한", 300));

        Assert.Equal(text.Normalize(NormalizationForm.FormD), VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_IsTheSameFromEveryThread()
    {
        var expected = VietnameseText.Fold(SeedStory.FullText);

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => VietnameseText.Fold(SeedStory.FullText)).ToArray();

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("Hội nghị trực tuyến sơ kết", "hoi-nghi-truc-tuyen-so-ket")]
    [InlineData("Ban pháp chế - HĐND tỉnh", "ban-phap-che-hdnd-tinh")]
    [InlineData("quý I/2017", "quy-i-2017")]
    [InlineData("  --Tổng duyệt Lễ hội Chợ tình Khâu Vai (20/04/2017 08:35)--  ", "tong-duyet-le-hoi-cho-tinh-khau-vai-20-04-2017-08-35")]
    [InlineData("Đường giao thông", "duong-giao-thong")]
    [InlineData("", "")]
    [InlineData("– … !?", "")]
    [InlineData("🙂", "")]
    public void Slugify_KeepsLettersAndDigits_JoinedBySingleHyphens(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify(text));
    }

    [Fact]
    public void Slugify_OfTheSeedHeadline_StaysWithinOneHundredCharactersOnAWordBoundary()
    {
        var slug = VietnameseText.Slugify(SeedStory.Headline);

        Assert.Equal("hoi-nghi-truc-tuyen-so-ket-cong-tac-xay-dung-co-so-chinh-tri-vung-manh-quy-i-phuong-huong-nhiem-vu", slug);
        Assert.True(slug.Length <= 100);
    }

    [Theory]
    [InlineData(10, "hoi-nghi")]
    [InlineData(8, "hoi-nghi")]
    [InlineData(7, "hoi")]
    [InlineData(3, "hoi")]
    [InlineData(2, "ho")]
    public void Slugify_CutsAtTheLastWholeWord(int maxLength, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify("Hội nghị trực tuyến", maxLength));
    }

    [Fact]
    public void Slugify_CutsASingleLongWordHard()
    {
        Assert.Equal("xdcsc", VietnameseText.Slugify("XDCSCTVM tỉnh", 5));
    }

    [Fact]
    public void Slugify_RejectsANonPositiveMaximum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseText.Slugify("Hội nghị", 0));
    }

    [Fact]
    public void NullText_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => VietnameseText.Normalize(null!));
        Assert.Throws<ArgumentNullException>(() => VietnameseText.Fold((string)null!));
        Assert.Throws<ArgumentNullException>(() => VietnameseText.Slugify(null!));
    }
}
