using System.Text;
using Editorial.Core.Text;

namespace Editorial.Tests.Text;

public sealed class VietnameseSyllableTests
{
    [Theory]
    [InlineData("hội")]
    [InlineData("nghị")]
    [InlineData("Trưởng")]
    [InlineData("NGHIÊNG")]
    [InlineData("khuya")]
    [InlineData("quyết")]
    [InlineData("huyện")]
    [InlineData("giữ")]
    [InlineData("gì")]
    [InlineData("được")]
    [InlineData("người")]
    [InlineData("Ủy")]
    [InlineData("Uỷ")]
    [InlineData("khuỷu")]
    [InlineData("thuở")]
    [InlineData("ơ")]
    [InlineData("y")]
    [InlineData("yêu")]
    [InlineData("Duệ")]
    [InlineData("boong")]
    public void RealSyllables_AreValid(string word)
    {
        Assert.True(VietnameseSyllable.IsValid(word));
    }

    [Fact]
    public void EverySyllableOfTheSeedStory_IsValid_ExceptAbbreviationsAndNumerals()
    {
        var words = SeedStory.FullText
            .Split([' ', '\u00A0', '\n', ',', '.', ';', '(', ')', '/', '–', '…', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLower) && !w.Any(char.IsDigit));

        Assert.All(words, w => Assert.True(VietnameseSyllable.IsValid(w), w));
    }

    [Fact]
    public void DecomposedInput_IsAccepted()
    {
        Assert.True(VietnameseSyllable.IsValid("nghị".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("street")]
    [InlineData("Müller")]
    [InlineData("café")]
    [InlineData("cafộ")]
    [InlineData("Mỹller")]
    [InlineData("hoọi")]
    [InlineData("àc")]
    [InlineData("hỏt")]
    [InlineData("ấá")]
    [InlineData("UBND")]
    [InlineData("XII")]
    [InlineData("nghiêngg")]
    [InlineData("f")]
    public void NonSyllables_AreInvalid(string word)
    {
        Assert.False(VietnameseSyllable.IsValid(word));
    }
}
