using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// The hash of the hosted page's return POST (Paratika.md §6.2): lower-case hex SHA-512 of
/// merchantPaymentId|customerId|sessionToken|responseCode|random|secretKey, the posted values as they arrived. The
/// deprecated SD_SHA512 is never used.
/// </summary>
public static class ParatikaHash
{
    /// <summary>
    /// Computes sdSha512
    /// </summary>
    public static string SdSha512(string merchantPaymentId, string customerId, string sessionToken, string responseCode, string random, string secretKey)
    {
        var input = string.Join('|', merchantPaymentId ?? string.Empty, customerId ?? string.Empty, sessionToken ?? string.Empty,
            responseCode ?? string.Empty, random ?? string.Empty, secretKey ?? string.Empty);

        return Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(input)));
    }

    /// <summary>
    /// Compares a posted hash with the expected one, ignoring hex case, in constant time
    /// </summary>
    public static bool Matches(string expected, string posted)
    {
        if (string.IsNullOrEmpty(posted) || posted.Length != expected.Length)
            return false;

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(posted.ToLowerInvariant()));
    }
}
