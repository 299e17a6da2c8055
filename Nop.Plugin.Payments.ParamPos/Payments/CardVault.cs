using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nop.Core.Caching;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Keeps card details between the payment info step and TP_WMD_UCD without ever writing them anywhere in clear.
/// nopCommerce persists the payment request (as JSON in the GenericAttribute table), so the request carries only a
/// reference: a random 256-bit token, encrypted with the store's key. The details themselves sit in the cache for at
/// most <see cref="ParamPosDefaults.SecretCacheMinutes"/> minutes, AES-GCM-encrypted with a key derived from the token
/// and stored under a hash of it; the cache alone cannot decrypt them, the database alone holds no card data.
/// </summary>
public class CardVault
{
    #region Fields

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes("ParamPos card vault v1");

    protected readonly IEncryptionService _encryptionService;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public CardVault(IEncryptionService encryptionService,
        IStaticCacheManager staticCacheManager)
    {
        _encryptionService = encryptionService;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Stores card details
    /// </summary>
    /// <param name="card">Card details</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the opaque reference for the payment request</returns>
    public virtual Task<string> StoreAsync(CardDetails card)
    {
        return StoreSecretAsync(card);
    }

    /// <summary>
    /// Reads card details back
    /// </summary>
    /// <param name="reference">The reference returned by <see cref="StoreAsync"/></param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the card, or null when expired, removed or tampered with</returns>
    public virtual Task<CardDetails> ReadAsync(string reference)
    {
        return ReadSecretAsync<CardDetails>(reference);
    }

    /// <summary>
    /// Stores any card data the same way (a saved card's CVC, a card waiting to be saved at Param)
    /// </summary>
    /// <param name="secret">What to keep</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the opaque reference</returns>
    public virtual async Task<string> StoreSecretAsync<T>(T secret)
    {
        var token = RandomNumberGenerator.GetBytes(32);
        var plain = JsonSerializer.SerializeToUtf8Bytes(secret);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(DeriveKey(token), tag.Length))
            aes.Encrypt(nonce, plain, cipher, tag);
        CryptographicOperations.ZeroMemory(plain);

        await _staticCacheManager.SetAsync(Key(token), Convert.ToBase64String([.. nonce, .. tag, .. cipher]));

        return _encryptionService.EncryptText(Convert.ToBase64String(token));
    }

    /// <summary>
    /// Reads what <see cref="StoreSecretAsync{T}"/> kept
    /// </summary>
    /// <param name="reference">The reference returned by <see cref="StoreSecretAsync{T}"/></param>
    /// <returns>A task that represents the asynchronous operation; the task result contains it, or null when expired, removed or tampered with</returns>
    public virtual async Task<T> ReadSecretAsync<T>(string reference) where T : class
    {
        var token = TokenOf(reference);
        if (token is null)
            return null;

        if (await _staticCacheManager.GetAsync(Key(token)) is not string stored)
            return null;

        try
        {
            var blob = Convert.FromBase64String(stored);
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            var plain = new byte[blob.Length - nonceSize - tagSize];
            using (var aes = new AesGcm(DeriveKey(token), tagSize))
                aes.Decrypt(blob.AsSpan(0, nonceSize), blob.AsSpan(nonceSize + tagSize), blob.AsSpan(nonceSize, tagSize), plain);

            return JsonSerializer.Deserialize<T>(plain);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes card details (after TP_WMD_UCD, whatever its outcome)
    /// </summary>
    /// <param name="reference">The reference returned by <see cref="StoreAsync"/></param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task RemoveAsync(string reference)
    {
        var token = TokenOf(reference);
        if (token is not null)
            await _staticCacheManager.RemoveAsync(Key(token));
    }

    #endregion

    #region Utilities

    protected virtual CacheKey Key(byte[] token)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.CardCacheKey, Convert.ToHexString(SHA256.HashData(token)));
        key.CacheTime = ParamPosDefaults.SecretCacheMinutes;

        return key;
    }

    protected virtual byte[] TokenOf(string reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;

        try
        {
            var token = Convert.FromBase64String(_encryptionService.DecryptText(reference));

            return token.Length == 32 ? token : null;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] DeriveKey(byte[] token)
    {
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, token, 32, salt: null, info: KeyInfo);
    }

    #endregion
}
