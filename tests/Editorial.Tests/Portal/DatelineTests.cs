using Editorial.Web.Features.Portal;

namespace Editorial.Tests.Portal;

public sealed class DatelineTests
{
    [Fact]
    public void PlainLead_GetsThePrefixAndAnEnDash() =>
        Assert.Equal("CTTĐT – Sáng 20/4, Ban Chỉ đạo", Dateline.Apply("CTTĐT", "Sáng 20/4, Ban Chỉ đạo"));

    [Theory]
    [InlineData("CTTĐT – Sáng 20/4")]
    [InlineData("CTTĐT - Sáng 20/4")]
    [InlineData("CTTĐT—Sáng 20/4")]
    public void LeadFromTheMeetingTemplate_IsNotPrefixedTwice(string lead)
    {
        Assert.Equal(lead, Dateline.Apply("CTTĐT", lead));
        Assert.Equal("Sáng 20/4", Dateline.Strip("CTTĐT", lead));
    }

    [Fact]
    public void APrefixThatIsOnlyTheStartOfAWord_IsNotADateline() =>
        Assert.Equal("CTTĐT – CTTĐTX là…", Dateline.Apply("CTTĐT", "CTTĐTX là…"));

    [Fact]
    public void EmptyPrefix_LeavesTheLead() => Assert.Equal("Sáng 20/4", Dateline.Apply(" ", " Sáng 20/4 "));
}
