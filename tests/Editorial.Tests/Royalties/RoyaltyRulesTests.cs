using Editorial.Core.Royalties;

namespace Editorial.Tests.Royalties;

public sealed class RoyaltyRulesTests
{
    [Theory]
    [InlineData("1.2", true)]
    [InlineData("2.5", true)]
    [InlineData("1.85", true)]
    [InlineData("1.19", false)]
    [InlineData("2.51", false)]
    [InlineData("0", false)]
    public void A_coefficient_must_lie_in_the_genre_range_both_ends_included(string coefficient, bool accepted)
    {
        var refusal = RoyaltyRules.CheckCoefficient(decimal.Parse(coefficient, System.Globalization.CultureInfo.InvariantCulture), 1.2m, 2.5m);
        Assert.Equal(accepted, refusal is null);
        if (!accepted)
        {
            Assert.Equal(RoyaltyProblem.CoefficientOutOfRange, refusal!.Problem);
        }
    }

    [Fact]
    public void A_coefficient_has_at_most_two_decimals()
    {
        Assert.Equal(RoyaltyProblem.CoefficientPrecision, RoyaltyRules.CheckCoefficient(1.255m, 1.2m, 2.5m)?.Problem);
    }

    [Fact]
    public void Genres_need_a_name_a_positive_range_with_min_not_above_max_and_a_unique_name()
    {
        Assert.Null(RoyaltyRules.CheckGenre("Bài bình luận", 2.5m, 3.0m));
        Assert.Null(RoyaltyRules.CheckGenre("Tin không ảnh", 1m, 1m));
        Assert.Equal(RoyaltyProblem.GenreNameMissing, RoyaltyRules.CheckGenre("  ", 1m, 1m)?.Problem);
        Assert.Equal(RoyaltyProblem.GenreRangeInverted, RoyaltyRules.CheckGenre("Ảnh", 1.8m, 1.2m)?.Problem);
        Assert.Equal(RoyaltyProblem.GenreCoefficientOutOfBounds, RoyaltyRules.CheckGenre("Ảnh", 0m, 1.2m)?.Problem);
        Assert.Equal(RoyaltyProblem.GenreCoefficientOutOfBounds, RoyaltyRules.CheckGenre("Ảnh", 1m, 101m)?.Problem);
        Assert.Equal(RoyaltyProblem.GenreNameTooLong, RoyaltyRules.CheckGenre(new string('a', 201), 1m, 1m)?.Problem);
        // Case and diacritics do not make another genre.
        Assert.Equal(RoyaltyProblem.GenreNameTaken, RoyaltyRules.CheckGenre("ANH", 1m, 1m, ["Ảnh", "Tin có ảnh"])?.Problem);
    }

    [Fact]
    public void Shares_must_total_exactly_one_hundred()
    {
        ShareLine[] halves = [new("u1", "Trần Khánh", ShareRole.Author, 50m), new(null, "Thu Ngà", ShareRole.Photographer, 50m)];
        Assert.Null(RoyaltyRules.CheckShares(halves));

        var short_ = RoyaltyRules.CheckShares([new("u1", "Trần Khánh", ShareRole.Author, 50m), new(null, "Thu Ngà", ShareRole.Author, 49.99m)]);
        Assert.Equal(RoyaltyProblem.SharesNotHundred, short_?.Problem);
        Assert.Equal(99.99m, short_!.Args[0]);
        Assert.Equal(RoyaltyProblem.SharesNotHundred, RoyaltyRules.CheckShares([new("u1", "Trần Khánh", ShareRole.Author, 60m), new(null, "Thu Ngà", ShareRole.Author, 50m)])?.Problem);
    }

    [Fact]
    public void Every_share_line_names_someone_with_a_sensible_percent_once_per_role()
    {
        Assert.Equal(RoyaltyProblem.NoShares, RoyaltyRules.CheckShares([])?.Problem);
        Assert.Equal(RoyaltyProblem.ShareNameMissing, RoyaltyRules.CheckShares([new(null, " ", ShareRole.Author, 100m)])?.Problem);
        Assert.Equal(RoyaltyProblem.SharePercentOutOfRange, RoyaltyRules.CheckShares([new(null, "A", ShareRole.Author, 0m), new(null, "B", ShareRole.Author, 100m)])?.Problem);
        Assert.Equal(RoyaltyProblem.SharePercentOutOfRange, RoyaltyRules.CheckShares([new(null, "A", ShareRole.Author, 120m), new(null, "B", ShareRole.Author, -20m)])?.Problem);
        Assert.Equal(RoyaltyProblem.SharePercentPrecision, RoyaltyRules.CheckShares([new(null, "A", ShareRole.Author, 33.333m), new(null, "B", ShareRole.Author, 66.667m)])?.Problem);
        Assert.Equal(RoyaltyProblem.ShareDuplicate, RoyaltyRules.CheckShares([new(null, "Thu Ngà", ShareRole.Author, 50m), new(null, "thu nga", ShareRole.Author, 50m)])?.Problem);

        // The same person as author and photographer is two lines, both fine.
        Assert.Null(RoyaltyRules.CheckShares([new("u1", "Thu Ngà", ShareRole.Author, 70m), new("u1", "Thu Ngà", ShareRole.Photographer, 30m)]));
    }

    [Theory]
    [InlineData("1.5", "100000", "100", "150000")]
    [InlineData("2.2", "100000", "60", "132000")]
    [InlineData("1.2", "100000", "33.33", "39996")]
    [InlineData("1.5", "95001", "33.33", "47496")] // 47 495,74… → 47 496
    [InlineData("1", "3", "50", "2")]              // 1,5 đ → 2 đ: half away from zero
    [InlineData("1", "1", "50", "1")]              // 0,5 đ → 1 đ
    [InlineData("1", "1", "49", "0")]              // 0,49 đ → 0 đ
    public void Amount_is_coefficient_times_unit_value_times_percent_rounded_half_away_from_zero(string coefficient, string unit, string percent, string expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(D(expected), RoyaltyRules.Amount(D(coefficient), D(unit), D(percent)));
    }

    [Fact]
    public void The_unit_value_in_force_is_the_latest_effective_at_or_before_the_instant()
    {
        var jan = new DateTimeOffset(2016, 12, 31, 17, 0, 0, TimeSpan.Zero); // 01/01/2017 00:00 in Vietnam
        var may = new DateTimeOffset(2017, 4, 30, 17, 0, 0, TimeSpan.Zero); // 01/05/2017 00:00 in Vietnam
        UnitValue[] values = [new(120_000m, may), new(100_000m, jan)];

        Assert.Null(RoyaltyRules.InForceAt(values, jan.AddTicks(-1)));
        Assert.Equal(100_000m, RoyaltyRules.InForceAt(values, jan)?.AmountVnd);
        Assert.Equal(100_000m, RoyaltyRules.InForceAt(values, may.AddSeconds(-1))?.AmountVnd);
        Assert.Equal(120_000m, RoyaltyRules.InForceAt(values, may)?.AmountVnd);
        Assert.Equal(120_000m, RoyaltyRules.InForceAt(values, may.AddYears(3))?.AmountVnd);
    }

    [Fact]
    public void A_change_that_alters_the_value_of_a_paid_story_is_detected()
    {
        var jan = new DateTimeOffset(2016, 12, 31, 17, 0, 0, TimeSpan.Zero);
        var paidStory = new DateTimeOffset(2017, 4, 20, 6, 0, 0, TimeSpan.Zero);
        UnitValue[] before = [new(100_000m, jan)];

        Assert.True(RoyaltyRules.ChangesPaidStories(before, [new(110_000m, jan)], [paidStory]));                       // edited
        Assert.True(RoyaltyRules.ChangesPaidStories(before, [new(100_000m, jan.AddDays(1))], [paidStory]));            // its date moved: still an edit of a used one
        Assert.True(RoyaltyRules.ChangesPaidStories(before, [.. before, new(120_000m, paidStory.AddDays(-1))], [paidStory])); // added before it
        Assert.False(RoyaltyRules.ChangesPaidStories(before, [.. before, new(120_000m, paidStory.AddDays(1))], [paidStory])); // added after it
        Assert.True(RoyaltyRules.ChangesPaidStories(before, [], [paidStory]));                                           // removed
        Assert.False(RoyaltyRules.ChangesPaidStories(before, [new(110_000m, jan)], []));                                 // nothing paid yet
    }

    [Fact]
    public void Unpaid_more_than_sixty_days_after_publication_is_overdue()
    {
        var published = new DateTimeOffset(2017, 4, 20, 6, 0, 0, TimeSpan.Zero);
        Assert.False(RoyaltyRules.IsOverdue(published, paid: false, published.AddDays(60)));
        Assert.True(RoyaltyRules.IsOverdue(published, paid: false, published.AddDays(60).AddMinutes(1)));
        Assert.False(RoyaltyRules.IsOverdue(published, paid: true, published.AddDays(200)));
    }

    [Fact]
    public void Equal_percents_add_up_to_one_hundred_the_last_taking_the_rest()
    {
        Assert.Equal([100m], RoyaltyRules.EqualPercents(1));
        Assert.Equal([50m, 50m], RoyaltyRules.EqualPercents(2));
        Assert.Equal([33.33m, 33.33m, 33.34m], RoyaltyRules.EqualPercents(3));
        Assert.Equal([14.28m, 14.28m, 14.28m, 14.28m, 14.28m, 14.28m, 14.32m], RoyaltyRules.EqualPercents(7));
        for (var n = 1; n <= 20; n++)
        {
            Assert.Equal(100m, RoyaltyRules.EqualPercents(n).Sum());
        }
    }

    [Fact]
    public void A_byline_of_several_names_is_split_equally_by_name_matched_to_accounts()
    {
        Assert.Equal(["Trần Khánh", "Thu Ngà"], RoyaltyRules.BylineNames("Trần Khánh - Thu Ngà"));
        Assert.Equal(["Trần Khánh", "Thu Ngà", "Minh Hòa"], RoyaltyRules.BylineNames("Tác giả: Trần Khánh – Thu Ngà, Minh Hòa"));
        Assert.Empty(RoyaltyRules.BylineNames("  "));

        var shares = RoyaltyRules.DefaultShares("Trần Khánh - Thu Ngà", "creator", "Phóng viên Demo",
            name => name == "Trần Khánh" ? "reporter-khanh" : null);
        Assert.Equal(
            [new ShareLine("reporter-khanh", "Trần Khánh", ShareRole.Author, 50m), new ShareLine(null, "Thu Ngà", ShareRole.Author, 50m)],
            shares);
    }

    [Fact]
    public void A_byline_of_one_name_gives_the_story_creator_everything()
    {
        Assert.Equal([new ShareLine("creator", "Phóng viên Demo", ShareRole.Author, 100m)],
            RoyaltyRules.DefaultShares("Minh Hòa", "creator", "Phóng viên Demo", _ => null));
        Assert.Equal([new ShareLine("creator", "Phóng viên Demo", ShareRole.Author, 100m)],
            RoyaltyRules.DefaultShares("", "creator", "Phóng viên Demo", _ => null));
    }

    [Fact]
    public void Money_is_written_with_dots_between_thousands_and_the_dong_sign()
    {
        Assert.Equal("1.234.567 đ", RoyaltyText.Vnd(1_234_567m));
        Assert.Equal("0 đ", RoyaltyText.Vnd(0m));
        Assert.Equal("100.000 đ", RoyaltyText.Vnd(100_000m));
        Assert.Equal("1,5", RoyaltyText.Number(1.50m));
        Assert.Equal("33,33", RoyaltyText.Number(33.33m));
        Assert.True(RoyaltyText.TryParseNumber("1,5", out var comma) && comma == 1.5m);
        Assert.True(RoyaltyText.TryParseNumber("1.5", out var point) && point == 1.5m);
        Assert.False(RoyaltyText.TryParseNumber("một", out _));
        Assert.True(RoyaltyText.TryParseVnd("100.000 đ", out var vnd) && vnd == 100_000m);
        Assert.False(RoyaltyText.TryParseVnd("100k", out _));
    }

    [Fact]
    public void Months_are_read_as_year_dash_month()
    {
        Assert.True(RoyaltyMonth.TryParse("2017-04", out var april));
        Assert.Equal(new RoyaltyMonth(2017, 4), april);
        Assert.Equal("04/2017", april.Display);
        Assert.Equal(new RoyaltyMonth(2017, 3), april.Previous);
        Assert.Equal(new RoyaltyMonth(2018, 1), new RoyaltyMonth(2017, 12).Next);
        Assert.False(RoyaltyMonth.TryParse("2017-13", out _));
        Assert.False(RoyaltyMonth.TryParse("04/2017", out _));
        Assert.False(RoyaltyMonth.TryParse("", out _));
    }

    [Theory]
    [InlineData("Trần Khánh", "Trần Khánh")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Bài tổng hợp, phản ánh", "\"Bài tổng hợp, phản ánh\"")]
    [InlineData("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"")]
    [InlineData("nói \"không\"", "\"nói \"\"không\"\"\"")]
    public void Csv_fields_are_quoted_per_RFC_4180_and_never_start_a_formula(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Field(value));
    }

    [Fact]
    public void Csv_starts_with_the_UTF8_byte_order_mark_and_ends_lines_with_CRLF()
    {
        var bytes = CsvText.Encode(CsvText.Line(["Người hưởng", "Thành tiền"]));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Người hưởng,Thành tiền\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
