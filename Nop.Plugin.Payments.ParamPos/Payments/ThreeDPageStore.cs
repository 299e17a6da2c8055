using System.Security.Cryptography;
using Nop.Core.Caching;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Keeps the bank's 3-D page (UCD_HTML) between TP_WMD_UCD and the browser's visit, encrypted and for a short time,
/// and hands it out once: a refresh cannot re-submit a used form.
/// </summary>
public class ThreeDPageStore
{
    #region Fields

    protected readonly IEncryptionService _encryptionService;
    protected readonly ILocker _locker;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public ThreeDPageStore(IEncryptionService encryptionService,
        ILocker locker,
        IStaticCacheManager staticCacheManager)
    {
        _encryptionService = encryptionService;
        _locker = locker;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Keeps the page of an order
    /// </summary>
    /// <param name="orderGuid">Order GUID</param>
    /// <param name="html">The bank's page</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task StoreAsync(Guid orderGuid, string html)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

        await _staticCacheManager.SetAsync(Key(orderGuid), nonce + "|" + _encryptionService.EncryptText(html));
    }

    /// <summary>
    /// Gets the one-time nonce of the order's waiting page, or null when there is none
    /// </summary>
    /// <param name="orderGuid">Order GUID</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the nonce</returns>
    public virtual async Task<string> GetNonceAsync(Guid orderGuid)
    {
        return await _staticCacheManager.GetAsync(Key(orderGuid)) is string stored ? stored[..stored.IndexOf('|')] : null;
    }

    /// <summary>
    /// Takes the page out of the store (it can be taken once)
    /// </summary>
    /// <param name="orderGuid">Order GUID</param>
    /// <param name="nonce">The nonce from the page URL</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the page, or null when it was taken already, expired or the nonce is wrong</returns>
    public virtual async Task<string> TakeAsync(Guid orderGuid, string nonce)
    {
        var key = Key(orderGuid);
        string html = null;

        // Two tabs opening the page at once: only the one holding the lock may take it.
        await _locker.PerformActionWithLockAsync(key.Key + ".take", TimeSpan.FromSeconds(30), async () =>
        {
            if (await _staticCacheManager.GetAsync(key) is not string stored)
                return;

            var separator = stored.IndexOf('|');
            if (!Gateway.ParamHash.FixedTimeEquals(nonce, stored[..separator]))
                return;

            await _staticCacheManager.RemoveAsync(key);
            html = _encryptionService.DecryptText(stored[(separator + 1)..]);
        });

        return html;
    }

    #endregion

    #region Utilities

    protected virtual CacheKey Key(Guid orderGuid)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.ThreeDPageCacheKey, orderGuid.ToString("N"));
        key.CacheTime = ParamPosDefaults.SecretCacheMinutes;

        return key;
    }

    #endregion
}
