using Editorial.Core.Time;
using Editorial.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Editorial.Tests.Time;

public sealed class PortalTimeTests
{
    private static readonly TimeZoneInfo Vietnam = FindVietnam();

    [Fact]
    public void Format_ShowsUtcInstantAsVietnamTime()
    {
        var time = new PortalTime(new FakeTimeProvider(), Vietnam);

        Assert.Equal("20/04/2017 13:00", time.Format(Utc("2017-04-20T06:00:00Z")));
    }

    [Fact]
    public void Format_CrossesMidnightIntoTheNextVietnameseDay()
    {
        var time = new PortalTime(new FakeTimeProvider(), Vietnam);
        var instant = Utc("2017-04-19T18:30:00Z");

        Assert.Equal("20/04/2017 01:30", time.Format(instant));
        Assert.Equal("20/04/2017", time.FormatDate(instant));
    }

    [Fact]
    public void Format_IgnoresTheOffsetTheInstantWasWrittenIn()
    {
        var time = new PortalTime(new FakeTimeProvider(), Vietnam);

        // The same instant as 06:00Z, written in New York summer time.
        Assert.Equal("20/04/2017 13:00", time.Format(DateTimeOffset.Parse("2017-04-20T02:00:00-04:00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("th-TH")] // Buddhist calendar: year 2560
    [InlineData("ar-SA")] // Um Al-Qura calendar
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    public void Format_IsTheSameWhateverTheCurrentCulture(string culture)
    {
        var time = new PortalTime(new FakeTimeProvider(), Vietnam);
        using var _ = CultureScope.Of(culture);

        Assert.Equal("20/04/2017 13:00", time.Format(Utc("2017-04-20T06:00:00Z")));
        Assert.Equal("20/04/2017", time.FormatDate(Utc("2017-04-20T06:00:00Z")));
    }

    [Fact]
    public void Now_FollowsTheClock_InVietnamTime()
    {
        var clock = new FakeTimeProvider(Utc("2017-04-20T06:00:00Z"));
        var time = new PortalTime(clock, Vietnam);

        Assert.Equal(Utc("2017-04-20T06:00:00Z"), time.Now);
        Assert.Equal(TimeSpan.FromHours(7), time.Now.Offset);
        Assert.Equal(new DateTime(2017, 4, 20, 13, 0, 0), time.Now.DateTime);

        clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(5));

        Assert.Equal(new DateTime(2017, 4, 21, 0, 5, 0), time.Now.DateTime);
        Assert.Equal("21/04/2017 00:05", time.Format(time.Now));
    }

    [Fact]
    public void ToLocal_KeepsTheInstant()
    {
        var time = new PortalTime(new FakeTimeProvider(), Vietnam);
        var instant = Utc("2017-04-19T18:30:00Z");

        var local = time.ToLocal(instant);

        Assert.Equal(instant, local);
        Assert.Equal(TimeSpan.FromHours(7), local.Offset);
    }

    [Fact]
    public void TryFindZone_AcceptsTheIanaIdOfVietnam()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var zone));
        Assert.Equal(TimeSpan.FromHours(7), zone.GetUtcOffset(Utc("2017-04-20T06:00:00Z")));
    }

    [Fact]
    public void TryFindZone_ToleratesSurroundingSpaces()
    {
        Assert.True(PortalTime.TryFindZone("  Asia/Ho_Chi_Minh ", out var zone));
        Assert.Equal(TimeSpan.FromHours(7), zone.BaseUtcOffset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Mars/Base")]
    [InlineData("Asia/Hanoi_Typo")]
    public void TryFindZone_RejectsUnknownOrBlankIds(string? id)
    {
        Assert.False(PortalTime.TryFindZone(id, out var zone));
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static TimeZoneInfo FindVietnam()
    {
        Assert.True(PortalTime.TryFindZone("Asia/Ho_Chi_Minh", out var zone));
        return zone;
    }
}
