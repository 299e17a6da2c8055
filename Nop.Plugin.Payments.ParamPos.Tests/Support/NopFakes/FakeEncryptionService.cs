using System.Security.Cryptography;
using System.Text;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>Symmetric encryption with a fixed key, like nopCommerce's (AES, key from the store's security settings).</summary>
public sealed class FakeEncryptionService : IEncryptionService
{
    private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("test encryption key"));

    public string EncryptText(string plainText, string encryptionPrivateKey = "")
    {
        if (string.IsNullOrEmpty(plainText))
            return plainText;

        using var aes = Aes.Create();
        aes.Key = Key;
        aes.GenerateIV();

        return Convert.ToBase64String([.. aes.IV, .. aes.EncryptCbc(Encoding.UTF8.GetBytes(plainText), aes.IV)]);
    }

    public string DecryptText(string cipherText, string encryptionPrivateKey = "")
    {
        if (string.IsNullOrEmpty(cipherText))
            return cipherText;

        var bytes = Convert.FromBase64String(cipherText);
        using var aes = Aes.Create();
        aes.Key = Key;

        return Encoding.UTF8.GetString(aes.DecryptCbc(bytes.AsSpan(16), bytes.AsSpan(0, 16)));
    }
}
