using Editorial.Web.Features.Portal.Search;

namespace Editorial.Tests.Portal;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("dong chi thao hong son")]
    [InlineData("đồng chí Thào Hồng Sơn")]
    [InlineData("  Đồng   CHÍ, thào-hồng-sơn! ")]
    public void WhatWasTyped_BecomesFoldedWords(string query)
    {
        Assert.Equal(["dong", "chi", "thao", "hong", "son"], SearchTerms.Parse(query).Words);
    }

    [Fact]
    public void RepeatedWords_CountOnce() =>
        Assert.Equal(["hoi", "nghi"], SearchTerms.Parse("hội nghị Hội Nghị").Words);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("– ... !!")]
    public void NothingSearchable_IsEmpty(string? query) => Assert.True(SearchTerms.Parse(query).IsEmpty);

    [Fact]
    public void FtsOperatorsAndQuotes_AreOnlyWords()
    {
        var terms = SearchTerms.Parse("NOT \"hội\" OR nghị AND NEAR(x) *");

        Assert.Equal("\"not\" \"hoi\" \"or\" \"nghi\" \"and\" \"near\" \"x\"", terms.ToMatchExpression());
    }

    [Fact]
    public void AbsurdQueries_AreBounded()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 100).Select(i => "từ" + i)) + " " + new string('a', 1000));

        Assert.Equal(SearchTerms.MaxTerms, terms.Words.Count);
        Assert.All(terms.Words, w => Assert.True(w.Length <= SearchTerms.MaxTermLength));
    }
}
