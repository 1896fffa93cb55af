using Editorial.Core.Accounts;

namespace Editorial.Tests.Accounts;

public sealed class PasswordGeneratorTests
{
    private const string LookAlikes = "0O1lI";

    [Fact]
    public void DefaultPassword_IsSixteenCharacters()
    {
        Assert.Equal(16, PasswordGenerator.Generate().Length);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(24)]
    [InlineData(64)]
    public void Password_HasTheRequestedLength(int length)
    {
        Assert.Equal(length, PasswordGenerator.Generate(length).Length);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-1)]
    public void LengthBelowTen_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Generate(length));
    }

    [Fact]
    public void EveryPassword_HasLowerUpperDigitAndSymbol_EvenAtMinimumLength()
    {
        // At length 10 the four classes are a large share of the password; many runs make a missed class visible.
        for (var i = 0; i < 500; i++)
        {
            var password = PasswordGenerator.Generate(10);

            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiLetterUpper);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, c => !char.IsAsciiLetterOrDigit(c));
        }
    }

    [Fact]
    public void Passwords_AvoidLookAlikeCharacters()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = PasswordGenerator.Generate(32);

            Assert.True(password.IndexOfAny(LookAlikes.ToCharArray()) < 0, $"\"{password}\" contains one of {LookAlikes}");
        }
    }

    [Fact]
    public void Passwords_AreTypeableAscii_WithoutSpaces()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = PasswordGenerator.Generate();

            Assert.All(password, c => Assert.True(char.IsAscii(c) && !char.IsWhiteSpace(c) && !char.IsControl(c), $"'{c}' in \"{password}\""));
        }
    }

    [Fact]
    public void ManyPasswords_AreAllDistinct()
    {
        var passwords = Enumerable.Range(0, 2000).Select(_ => PasswordGenerator.Generate()).ToList();

        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Passwords_UseManyDifferentCharacters()
    {
        // Identity is configured with RequiredUniqueChars = 4; a generated password must never trip it.
        for (var i = 0; i < 500; i++)
        {
            Assert.True(PasswordGenerator.Generate(10).Distinct().Count() >= 4);
        }
    }
}
