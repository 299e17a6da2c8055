using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// The marketplace tables: vendors registered as sellers, and the declarations of their shares, each attempt inserted
/// under a unique (order, vendor, attempt) key so that only the inserting request sends it.
/// </summary>
public class MarketplaceRecords
{
    protected readonly IRepository<ParamPosMarketplaceSeller> _sellers;
    protected readonly IRepository<ParamPosMarketplaceShare> _shares;

    public MarketplaceRecords(IRepository<ParamPosMarketplaceSeller> sellers, IRepository<ParamPosMarketplaceShare> shares)
    {
        _sellers = sellers;
        _shares = shares;
    }

    /// <summary>Gets a vendor's seller record, or null</summary>
    public virtual async Task<ParamPosMarketplaceSeller> SellerOfVendorAsync(int vendorId)
    {
        return (await _sellers.GetAllAsync(query => query.Where(seller => seller.VendorId == vendorId))).FirstOrDefault();
    }

    /// <summary>Gets the seller records of vendors</summary>
    public virtual async Task<IList<ParamPosMarketplaceSeller>> SellersOfVendorsAsync(IReadOnlyCollection<int> vendorIds)
    {
        var ids = vendorIds.ToList();

        return await _sellers.GetAllAsync(query => query.Where(seller => ids.Contains(seller.VendorId)));
    }

    public virtual Task AddSellerAsync(ParamPosMarketplaceSeller seller) => _sellers.InsertAsync(seller, publishEvent: false);

    public virtual Task UpdateSellerAsync(ParamPosMarketplaceSeller seller) => _sellers.UpdateAsync(seller, publishEvent: false);

    /// <summary>Gets every declaration attempt of an order, oldest first</summary>
    public virtual async Task<IList<ParamPosMarketplaceShare>> SharesOfOrderAsync(Guid orderGuid)
    {
        return await _shares.GetAllAsync(query => query.Where(share => share.OrderGuid == orderGuid).OrderBy(share => share.VendorId).ThenBy(share => share.Attempt));
    }

    /// <summary>Gets the failed declarations whose attempt is the latest of their vendor's share (for the retry task)</summary>
    public virtual async Task<IList<ParamPosMarketplaceShare>> FailedAsync()
    {
        var failedStateId = (int)MarketplaceShareState.Failed;
        var failed = await _shares.GetAllAsync(query => query.Where(share => share.StateId == failedStateId));

        var latest = new List<ParamPosMarketplaceShare>();
        foreach (var share in failed)
        {
            var attempts = await _shares.GetAllAsync(query => query.Where(other => other.OrderGuid == share.OrderGuid && other.VendorId == share.VendorId));
            if (attempts.Max(other => other.Attempt) == share.Attempt)
                latest.Add(share);
        }

        return latest;
    }

    /// <summary>
    /// Claims an attempt: inserts it; false when another request inserted the same (order, vendor, attempt) first
    /// </summary>
    public virtual async Task<bool> TryClaimAsync(ParamPosMarketplaceShare attempt)
    {
        try
        {
            await _shares.InsertAsync(attempt, publishEvent: false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The unique index refused it (someone else sends this attempt); anything else is a real failure.
            if ((await SharesOfOrderAsync(attempt.OrderGuid)).Any(other => other.VendorId == attempt.VendorId && other.Attempt == attempt.Attempt))
                return false;

            throw;
        }
    }

    public virtual Task CompleteAsync(ParamPosMarketplaceShare attempt) => _shares.UpdateAsync(attempt, publishEvent: false);
}
