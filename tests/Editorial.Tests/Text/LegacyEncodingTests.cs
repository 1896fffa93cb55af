using System.Text;
using Editorial.Core.Text;

namespace Editorial.Tests.Text;

public sealed class LegacyEncodingTests
{
    public static TheoryData<string> SeedParagraphs => new(
        SeedStory.Headline,
        SeedStory.Lead,
        SeedStory.TrongQuyI,
        SeedStory.DoiVoiBanChiDao,
        SeedStory.BanChiDaoCacHuyen,
        SeedStory.BaoCaoTonTai,
        SeedStory.PhuongHuong,
        SeedStory.KetLuan);

    public static TheoryData<char> Letters => new(LegacyTestEncoder.NonAsciiLetters);

    [Fact]
    public void TheTestAlphabet_HasAll134LettersAsciiLacks()
    {
        Assert.Equal(134, LegacyTestEncoder.NonAsciiLetters.Count);
        Assert.Equal(67, LegacyTestEncoder.NonAsciiLetters.Count(char.IsLower));
    }

    [Theory]
    [InlineData("Héi nghÞ", "Hội nghị")]
    [InlineData("Xin chµo c¸c b¹n", "Xin chào các bạn")]
    [InlineData("T«i ®i häc", "Tôi đi học")]
    public void Tcvn3_PublishedSamples_Convert(string tcvn3, string unicode)
    {
        Assert.Equal(LegacyEncodingKind.Tcvn3, LegacyEncoding.Detect(tcvn3));
        Assert.Equal(unicode, LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
        Assert.Equal(tcvn3, LegacyTestEncoder.Tcvn3(unicode));
    }

    [Theory]
    [InlineData("Hoäi nghò", "Hội nghị")]
    [InlineData("Xin chaøo caùc baïn", "Xin chào các bạn")]
    [InlineData("Toâi ñi hoïc", "Tôi đi học")]
    public void Vni_PublishedSamples_Convert(string vni, string unicode)
    {
        Assert.Equal(LegacyEncodingKind.Vni, LegacyEncoding.Detect(vni));
        Assert.Equal(unicode, LegacyEncoding.ToUnicode(vni, LegacyEncodingKind.Vni));
        Assert.Equal(vni, LegacyTestEncoder.Vni(unicode));
    }

    [Theory]
    [MemberData(nameof(SeedParagraphs))]
    public void Vni_SeedParagraph_IsDetectedAndRoundTripsExactly(string paragraph)
    {
        var vni = LegacyTestEncoder.Vni(paragraph);

        Assert.Equal(LegacyEncodingKind.Vni, LegacyEncoding.Detect(vni));
        Assert.Equal(paragraph, LegacyEncoding.ToUnicode(vni, LegacyEncodingKind.Vni));
    }

    [Fact]
    public void Vni_WholeSeedStory_RoundTripsExactly()
    {
        var vni = LegacyTestEncoder.Vni(SeedStory.FullText);

        Assert.Equal(LegacyEncodingKind.Vni, LegacyEncoding.Detect(vni));
        Assert.Equal(SeedStory.FullText, LegacyEncoding.ToUnicode(vni, LegacyEncodingKind.Vni));
    }

    [Theory]
    [MemberData(nameof(SeedParagraphs))]
    public void Tcvn3_SeedParagraph_IsDetected(string paragraph)
    {
        Assert.Equal(LegacyEncodingKind.Tcvn3, LegacyEncoding.Detect(LegacyTestEncoder.Tcvn3(paragraph)));
    }

    [Fact]
    public void Tcvn3_SeedStory_RoundTripsExactly_ExceptTheOneMidSentenceToneCapital()
    {
        var tcvn3 = LegacyTestEncoder.Tcvn3(SeedStory.FullText);

        var converted = LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3);

        // "Ủy viên" after a comma: VN3 has no code for Ủ and nothing in the context says it was a capital.
        Assert.Equal(SeedStory.FullText.Replace(", Ủy viên", ", ủy viên", StringComparison.Ordinal), converted);
        Assert.Equal(LegacyEncodingKind.Tcvn3, LegacyEncoding.Detect(tcvn3));
    }

    [Theory]
    [InlineData(nameof(SeedStory.Headline))]
    [InlineData(nameof(SeedStory.TrongQuyI))]
    [InlineData(nameof(SeedStory.DoiVoiBanChiDao))]
    [InlineData(nameof(SeedStory.BanChiDaoCacHuyen))]
    [InlineData(nameof(SeedStory.BaoCaoTonTai))]
    [InlineData(nameof(SeedStory.PhuongHuong))]
    [InlineData(nameof(SeedStory.KetLuan))]
    public void Tcvn3_SeedParagraphsWithoutToneCapitals_RoundTripExactly(string name)
    {
        var paragraph = (string)typeof(SeedStory).GetField(name)!.GetValue(null)!;

        Assert.Equal(paragraph, LegacyEncoding.ToUnicode(LegacyTestEncoder.Tcvn3(paragraph), LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_HeadlineInCapitals_RoundTripsExactly()
    {
        var headline = SeedStory.Headline.ToUpperInvariant();
        var tcvn3 = LegacyTestEncoder.Tcvn3(headline);

        Assert.StartsWith("HéI NGHÞ TRùC TUYÕN S¥ KÕT", tcvn3, StringComparison.Ordinal);
        Assert.Equal(LegacyEncodingKind.Tcvn3, LegacyEncoding.Detect(tcvn3));
        Assert.Equal(headline, LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_CapitalLineOfOneCapitalWords_IsCapitalisedWhenItHasARealCapitalSyllable()
    {
        var tcvn3 = LegacyTestEncoder.Tcvn3("SỞ Y TẾ HÀ GIANG\nSở Y Tế");

        Assert.Equal("SỞ Y TẾ HÀ GIANG\nSở Y Tế", LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_CapitalRunInsideASentence_LeavesItsOneCapitalEdgeWordsAlone()
    {
        var tcvn3 = LegacyTestEncoder.Tcvn3("ông Hồ VIỆT NAM đã đến ở UBND xã");

        Assert.Equal("ông Hồ VIỆT NAM đã đến ở UBND xã", LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_ToneCapitalStartingASentence_IsRestored()
    {
        var text = "Ủy ban nhân dân tỉnh ban hành. Ấn định thời gian!\n\"Áp dụng\" ngay.\n- Ở cơ sở";

        Assert.Equal(text, LegacyEncoding.ToUnicode(LegacyTestEncoder.Tcvn3(text), LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_ToneCapitalInsideASentence_BecomesLowerCase()
    {
        var tcvn3 = LegacyTestEncoder.Tcvn3("sang Ấn Độ");

        Assert.Equal("sang ấn Độ", LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Tcvn3_EveryLetter_RoundTripsInAWordOfItsCase(char letter)
    {
        var word = char.IsUpper(letter) ? $"X{letter}X" : $"x{letter}x";
        var text = $"x {word} x";

        Assert.Equal(text, LegacyEncoding.ToUnicode(LegacyTestEncoder.Tcvn3(text), LegacyEncodingKind.Tcvn3));
    }

    [Fact]
    public void Tcvn3_LowerCaseAlphabet_RoundTripsExactly()
    {
        var alphabet = "x " + string.Join(' ', LegacyTestEncoder.NonAsciiLetters.Where(char.IsLower));

        Assert.Equal(alphabet, LegacyEncoding.ToUnicode(LegacyTestEncoder.Tcvn3(alphabet), LegacyEncodingKind.Tcvn3));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Vni_EveryLetter_RoundTrips(char letter)
    {
        var text = $"x {letter} x{letter}x";

        Assert.Equal(text, LegacyEncoding.ToUnicode(LegacyTestEncoder.Vni(text), LegacyEncodingKind.Vni));
    }

    [Fact]
    public void Vni_WholeAlphabet_RoundTripsExactly()
    {
        var alphabet = string.Join(' ', LegacyTestEncoder.NonAsciiLetters);

        Assert.Equal(alphabet, LegacyEncoding.ToUnicode(LegacyTestEncoder.Vni(alphabet), LegacyEncodingKind.Vni));
    }

    [Fact]
    public void Vni_UpperCaseText_IsDetectedAndConverted()
    {
        var headline = SeedStory.Headline.ToUpperInvariant();
        var vni = LegacyTestEncoder.Vni(headline);

        Assert.StartsWith("HOÄI NGHÒ TRÖÏC TUYEÁN", vni, StringComparison.Ordinal);
        Assert.Equal(LegacyEncodingKind.Vni, LegacyEncoding.Detect(vni));
        Assert.Equal(headline, LegacyEncoding.ToUnicode(vni, LegacyEncodingKind.Vni));
    }

    [Fact]
    public void Latin1View_WithC1Controls_IsDetectedAndItsPunctuationRestored()
    {
        var text = "“Hội nghị” – sơ kết… ‘quý I’";
        var tcvn3 = LegacyTestEncoder.Tcvn3(text, latin1View: true);
        var vni = LegacyTestEncoder.Vni(text, latin1View: true);

        Assert.Contains('\u0093', tcvn3);
        Assert.Equal(LegacyEncodingKind.Tcvn3, LegacyEncoding.Detect(tcvn3));
        Assert.Equal(text, LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3));
        Assert.Equal(LegacyEncodingKind.Vni, LegacyEncoding.Detect(vni));
        Assert.Equal(text, LegacyEncoding.ToUnicode(vni, LegacyEncodingKind.Vni));
    }

    [Fact]
    public void Windows1252View_KeepsItsPunctuation()
    {
        var tcvn3 = LegacyTestEncoder.Tcvn3(SeedStory.Lead);

        Assert.Contains("CTT§T – S¸ng 20/4", tcvn3, StringComparison.Ordinal);
        Assert.StartsWith("CTTĐT – Sáng 20/4, Ban Chỉ đạo", LegacyEncoding.ToUnicode(tcvn3, LegacyEncodingKind.Tcvn3), StringComparison.Ordinal);
    }

    [Fact]
    public void WordsThatAreAlreadyUnicode_AreLeftAlone()
    {
        Assert.Equal("Hội nghị trực tuyến", LegacyEncoding.ToUnicode("Héi nghị trùc tuyến", LegacyEncodingKind.Tcvn3));
        Assert.Equal("Hội nghị trực tuyến", LegacyEncoding.ToUnicode("Hoäi nghị tröïc tuyến", LegacyEncodingKind.Vni));
    }

    [Fact]
    public void ToUnicode_WithNone_OnlyNormalises()
    {
        var decomposed = SeedStory.Lead.Normalize(NormalizationForm.FormD);

        Assert.Equal(SeedStory.Lead, LegacyEncoding.ToUnicode(decomposed, LegacyEncodingKind.None));
    }

    [Fact]
    public void ToUnicode_ReturnsNfc()
    {
        var converted = LegacyEncoding.ToUnicode(LegacyTestEncoder.Vni(SeedStory.KetLuan), LegacyEncodingKind.Vni);

        Assert.True(converted.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void ToUnicode_RejectsAnUnknownKind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegacyEncoding.ToUnicode("x", (LegacyEncodingKind)42));
    }

    [Fact]
    public void UnicodeSeedStory_IsNotLegacy()
    {
        Assert.Equal(LegacyEncodingKind.None, LegacyEncoding.Detect(SeedStory.FullText));
    }

    [Theory]
    [MemberData(nameof(SeedParagraphs))]
    public void UnicodeSeedParagraph_ComposedOrDecomposed_IsNotLegacy(string paragraph)
    {
        Assert.Equal(LegacyEncodingKind.None, LegacyEncoding.Detect(paragraph));
        Assert.Equal(LegacyEncodingKind.None, LegacyEncoding.Detect(paragraph.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("The provincial people's council met on Thursday to review the first quarter.")]
    [InlineData("café")]
    [InlineData("Müller")]
    [InlineData("Herr Müller trinkt Kaffee im Café an der Straße, über den Fluss, größer als früher.")]
    [InlineData("Le comité a réuni les élèves à côté du théâtre ; très célèbre, déjà vu, naïve, Noël, où, garçon, forêt.")]
    [InlineData("El niño comió jamón en España; mañana será otro año.")]
    [InlineData("Crème brûlée à la française, s'il vous plaît.")]
    [InlineData("Tôi là công dân")]
    [InlineData("Sáng nay tôi đi họp")]
    [InlineData("Ông Trần Đức Quý thăm xã Quyết Tiến")]
    [InlineData("© 2017 Cổng thông tin điện tử · Điều khoản § 5 « Liên hệ »")]
    public void OtherText_IsNotLegacy(string text)
    {
        Assert.Equal(LegacyEncodingKind.None, LegacyEncoding.Detect(text));
    }

    [Fact]
    public void MostlyUnicodeTextWithALegacyPhrase_IsNotFlaggedAsAWhole()
    {
        var text = SeedStory.Lead + " " + LegacyTestEncoder.Tcvn3("Hội nghị trực tuyến");

        Assert.Equal(LegacyEncodingKind.None, LegacyEncoding.Detect(text));
    }

    [Fact]
    public void NullText_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => LegacyEncoding.Detect(null!));
        Assert.Throws<ArgumentNullException>(() => LegacyEncoding.ToUnicode(null!, LegacyEncodingKind.Tcvn3));
    }
}
