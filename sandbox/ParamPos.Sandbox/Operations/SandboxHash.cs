using System.Security.Cryptography;
using System.Text;

namespace ParamPos.Sandbox.Operations;

/// <summary>
/// Param's hash formulas as the service computes them (ParamPOS.md §6): SHA-1 then Base64; request hashes over the
/// ISO-8859-9 bytes, the 3-D callback hash over UTF-8 with the merchant GUID lower-cased.
/// </summary>
public static class SandboxHash
{
    private static readonly Encoding Turkish = CodePagesEncodingProvider.Instance.GetEncoding(28599)!;

    public static string Sha2B64(string data)
    {
        using var sha1 = SHA1.Create();

        return Convert.ToBase64String(sha1.ComputeHash(Turkish.GetBytes(data)));
    }

    public static string CallbackHash(string islemGuid, string md, string mdStatus, string orderId, string merchantGuid)
    {
        using var sha1 = SHA1.Create();

        return Convert.ToBase64String(sha1.ComputeHash(Encoding.UTF8.GetBytes(string.Concat(islemGuid, md, mdStatus, orderId, merchantGuid.ToLowerInvariant()))));
    }

    public static bool SameHash(string a, string b)
    {
        return a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
    }
}
