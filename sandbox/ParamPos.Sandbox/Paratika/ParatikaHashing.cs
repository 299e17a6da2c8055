using System.Security.Cryptography;
using System.Text;

namespace ParamPos.Sandbox.Paratika;

/// <summary>The hashes Paratika puts in the return POST (Paratika.md §6.2, §6.3), written from the document.</summary>
public static class ParatikaHashing
{
    /// <summary>sdSha512: lower-case hex SHA-512 of the six values joined with '|'.</summary>
    public static string SdSha512(string merchantPaymentId, string customerId, string sessionToken, string responseCode, string random, string secretKey)
    {
        return Hex($"{merchantPaymentId}|{customerId}|{sessionToken}|{responseCode}|{random}|{secretKey}");
    }

    /// <summary>The deprecated SD_SHA512 (plain concatenation), sent for realism; no client should read it.</summary>
    public static string Legacy(string sessionToken, string merchantPaymentId, string responseCode, string responseMessage, string random, string secretKey)
    {
        return Hex(sessionToken + merchantPaymentId + responseCode + responseMessage + random + secretKey);
    }

    private static string Hex(string input)
    {
        var bytes = SHA512.HashData(Encoding.UTF8.GetBytes(input));
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var value in bytes)
            builder.Append(value.ToString("x2"));

        return builder.ToString();
    }
}
