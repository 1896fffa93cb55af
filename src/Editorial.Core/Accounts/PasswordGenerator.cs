using System.Security.Cryptography;

namespace Editorial.Core.Accounts;

/// <summary>Generates initial passwords that are shown once to a person and must be easy to type.</summary>
public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I) because people copy these from a console or a screen.
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#";

    public static string Generate(int length = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 10);

        // One of each class guarantees the password also passes stricter policies a deployment may set.
        var chars = new List<char>
        {
            Pick(Lower), Pick(Upper), Pick(Digits), Pick(Symbols),
        };
        const string all = Lower + Upper + Digits + Symbols;
        while (chars.Count < length)
        {
            chars.Add(Pick(all));
        }

        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
