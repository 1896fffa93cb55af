using System.Text;
using Editorial.Core.Text;

namespace Editorial.Tests.Text;

public sealed class AbbreviationGlossaryTests
{
    [Fact]
    public void SeedStory_FlagsExactlyTheAbbreviationsItNeverSpellsOut()
    {
        var findings = AbbreviationGlossary.Default.FindUnexplained(SeedStory.FullText);

        // XDCSCTVM follows its expansion in the lead; BCĐ comes after "Ban Chỉ đạo" has been written out.
        Assert.Equal(
            [
                new AbbreviationFinding("HĐND", "Hội đồng nhân dân", SeedStory.FullText.IndexOf("HĐND tỉnh, Trưởng", StringComparison.Ordinal)),
                new AbbreviationFinding("BTV", "Ban Thường vụ", SeedStory.FullText.IndexOf("BTV tỉnh ủy", StringComparison.Ordinal)),
                new AbbreviationFinding("TTHC", "thủ tục hành chính", SeedStory.FullText.IndexOf("TTHC", StringComparison.Ordinal)),
                new AbbreviationFinding("CCHC", "cải cách hành chính", SeedStory.FullText.IndexOf("CCHC", StringComparison.Ordinal)),
                new AbbreviationFinding("NTM", "nông thôn mới", SeedStory.FullText.IndexOf("NTM", StringComparison.Ordinal)),
            ],
            findings);
    }

    [Fact]
    public void SeedLead_ExplainsXdcsctvm_ButNotHdndOrBtv()
    {
        var findings = AbbreviationGlossary.Default.FindUnexplained(SeedStory.Lead);

        Assert.Equal(["HĐND", "BTV"], findings.Select(f => f.Abbreviation));
    }

    [Fact]
    public void AbbreviationUsedManyTimes_IsReportedOnceAtItsFirstUse()
    {
        var text = "Việc CCHC ở huyện. CCHC ở xã. CCHC ở thôn.";

        var finding = Assert.Single(AbbreviationGlossary.Default.FindUnexplained(text));

        Assert.Equal(new AbbreviationFinding("CCHC", "cải cách hành chính", 5), finding);
    }

    [Theory]
    [InlineData("Hội đồng nhân dân (HĐND) tỉnh họp. HĐND thông qua.")]
    [InlineData("HỘI ĐỒNG NHÂN DÂN tỉnh họp. Sau đó HĐND thông qua.")]
    [InlineData("hoi dong nhan dan tinh hop; HĐND thong qua.")]
    [InlineData("HĐND (Hội đồng nhân dân) tỉnh họp.")]
    [InlineData("HĐND ( hội đồng\nnhân dân ) tỉnh họp.")]
    public void SpelledOutAbbreviation_IsNotFlagged(string text)
    {
        Assert.Empty(AbbreviationGlossary.Default.FindUnexplained(text));
    }

    [Fact]
    public void ExpansionInDecomposedText_CountsAsSpelledOut()
    {
        var text = "Ủy ban nhân dân tỉnh (UBND) họp".Normalize(NormalizationForm.FormD);

        Assert.Empty(AbbreviationGlossary.Default.FindUnexplained(text));
    }

    [Fact]
    public void ExpansionOnlyAfterTheFirstUse_DoesNotExplainIt()
    {
        var text = "HĐND tỉnh họp. Hội đồng nhân dân đã thông qua.";

        var finding = Assert.Single(AbbreviationGlossary.Default.FindUnexplained(text));

        Assert.Equal(0, finding.Index);
    }

    [Fact]
    public void ExpansionMustBeWholeWords()
    {
        var text = "Ban Thường vụng về, BTV họp.";

        Assert.Equal("BTV", Assert.Single(AbbreviationGlossary.Default.FindUnexplained(text)).Abbreviation);
    }

    [Theory]
    [InlineData("Thành viên HĐNDx họp.")]
    [InlineData("Thành viên xHĐND họp.")]
    [InlineData("Thành viên HĐND2 họp.")]
    [InlineData("Thành viên hđnd họp.")]
    [InlineData("Thành viên Hđnd họp.")]
    public void AbbreviationInsideAnotherWordOrInOtherCase_IsNotAUse(string text)
    {
        Assert.Empty(AbbreviationGlossary.Default.FindUnexplained(text));
    }

    [Fact]
    public void AbbreviationInsideAnotherWord_IsSkippedForALaterWholeUse()
    {
        var text = "HĐNDx, rồi HĐND.";

        Assert.Equal(11, Assert.Single(AbbreviationGlossary.Default.FindUnexplained(text)).Index);
    }

    [Theory]
    [InlineData("UBND-HĐND tỉnh", 0)]
    [InlineData("(UBND) tỉnh", 1)]
    [InlineData("Chủ tịch UBND.", 9)]
    public void AbbreviationBetweenPunctuation_IsAUse(string text, int index)
    {
        Assert.Contains(new AbbreviationFinding("UBND", "Ủy ban nhân dân", index), AbbreviationGlossary.Default.FindUnexplained(text));
    }

    [Fact]
    public void TextWithoutAbbreviations_HasNoFindings()
    {
        Assert.Empty(AbbreviationGlossary.Default.FindUnexplained(SeedStory.Caption));
        Assert.Empty(AbbreviationGlossary.Default.FindUnexplained(""));
    }

    [Fact]
    public void CustomGlossary_UsesItsOwnEntries()
    {
        var glossary = new AbbreviationGlossary([("MTTQ", "Mặt trận Tổ quốc"), ("TƯ", "Trung ương")]);

        var findings = glossary.FindUnexplained("Nghị quyết TƯ 4; MTTQ tỉnh.");

        Assert.Equal(
            [new AbbreviationFinding("TƯ", "Trung ương", 11), new AbbreviationFinding("MTTQ", "Mặt trận Tổ quốc", 17)],
            findings);
    }

    [Fact]
    public void SeedParagraph_ExplainsTuThroughTheEarlierLowerCaseExpansion()
    {
        // "…nghị quyết trung ương 4 khóa XI; … Nghị quyết TƯ 4, khóa XII…"
        var glossary = new AbbreviationGlossary([("TƯ", "Trung ương")]);

        Assert.Empty(glossary.FindUnexplained(SeedStory.PhuongHuong));
    }

    [Fact]
    public void DefaultGlossary_HasTheNewsroomAbbreviations()
    {
        Assert.Equal(
            ["XDCSCTVM", "BCĐ", "HĐND", "UBND", "CCHC", "TTHC", "NTM", "BTV"],
            AbbreviationGlossary.Default.Entries.Select(e => e.Abbreviation));
        Assert.Contains(("BCĐ", "Ban Chỉ đạo"), AbbreviationGlossary.Default.Entries);
    }

    [Theory]
    [InlineData("", "Ban Chỉ đạo")]
    [InlineData("BC Đ", "Ban Chỉ đạo")]
    [InlineData("BCĐ", " ")]
    public void InvalidEntry_IsRejected(string abbreviation, string expansion)
    {
        Assert.Throws<ArgumentException>(() => new AbbreviationGlossary([(abbreviation, expansion)]));
    }

    [Fact]
    public void DuplicateAbbreviation_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new AbbreviationGlossary([("BCĐ", "Ban Chỉ đạo"), ("BCĐ", "Ban chấp đoàn")]));
    }

    [Fact]
    public void NullText_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => AbbreviationGlossary.Default.FindUnexplained(null!));
    }
}
