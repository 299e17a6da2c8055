using Nop.Data;
using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Data;

/// <summary>
/// The marketplace tables: vendors registered as sellers, and the declarations of their shares, each attempt inserted
/// under a unique (order, vendor, attempt) key so that only the inserting request sends it.
/// </summary>
public class MarketplaceRecords
{
    protected readonly IRepository<ParamPosMarketplaceApproval> _approvals;
    protected readonly IRepository<ParamPosMarketplaceSeller> _sellers;
    protected readonly IRepository<ParamPosMarketplaceShare> _shares;

    public MarketplaceRecords(IRepository<ParamPosMarketplaceApproval> approvals, IRepository<ParamPosMarketplaceSeller> sellers, IRepository<ParamPosMarketplaceShare> shares)
    {
        _approvals = approvals;
        _sellers = sellers;
        _shares = shares;
    }

    /// <summary>Gets the approval changes of an order's shares, oldest first</summary>
    public virtual async Task<IList<ParamPosMarketplaceApproval>> ApprovalsOfOrderAsync(Guid orderGuid)
    {
        return await _approvals.GetAllAsync(query => query.Where(approval => approval.OrderGuid == orderGuid).OrderBy(approval => approval.Sequence));
    }

    /// <summary>
    /// Claims an approval change: inserts it; false when another request inserted the same (share, sequence) first
    /// </summary>
    public virtual async Task<bool> TryClaimAsync(ParamPosMarketplaceApproval change)
    {
        try
        {
            await _approvals.InsertAsync(change, publishEvent: false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if ((await ApprovalsOfOrderAsync(change.OrderGuid)).Any(other => other.ShareGuid == change.ShareGuid && other.Sequence == change.Sequence))
                return false;

            throw;
        }
    }

    /// <summary>
    /// Gets the latest changes of shares whose latest change did not succeed, made before a time and with fewer changes than a limit
    /// </summary>
    public virtual async Task<IList<ParamPosMarketplaceApproval>> UnsettledApprovalsAsync(DateTime createdBeforeUtc, int sequenceBelow)
    {
        return await _approvals.GetAllAsync(query => query.Where(change => !change.Succeeded && change.CreatedOnUtc < createdBeforeUtc && change.Sequence < sequenceBelow
            && !query.Any(later => later.ShareGuid == change.ShareGuid && later.Sequence > change.Sequence)));
    }

    public virtual Task CompleteAsync(ParamPosMarketplaceApproval change) => _approvals.UpdateAsync(change, publishEvent: false);

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

    /// <summary>Gets the declaration attempts made in a period (any order)</summary>
    public virtual async Task<IList<ParamPosMarketplaceShare>> SharesCreatedBetweenAsync(DateTime fromUtc, DateTime toUtc)
    {
        return await _shares.GetAllAsync(query => query.Where(share => share.CreatedOnUtc >= fromUtc && share.CreatedOnUtc < toUtc));
    }

    /// <summary>Gets the approval changes of some shares</summary>
    public virtual async Task<IList<ParamPosMarketplaceApproval>> ApprovalsOfSharesAsync(IReadOnlyCollection<string> shareGuids)
    {
        if (shareGuids.Count == 0)
            return [];

        return await _approvals.GetAllAsync(query => query.Where(change => shareGuids.Contains(change.ShareGuid)));
    }

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

    /// <summary>Records a refund of part of a vendor's goods: Param's Tutar_Urun and Tutar_Odenecek after it</summary>
    public virtual Task RecordShareRefundAsync(ParamPosMarketplaceShare share, decimal refund, decimal newPayable)
    {
        share.ProductAmount -= refund;
        share.RefundedAmount += refund;
        share.PayableAmount = newPayable;
        if (share.ProductAmount == 0m)
            share.State = MarketplaceShareState.Reversed;

        return _shares.UpdateAsync(share, publishEvent: false);
    }

    /// <summary>Marks an order's shares reversed (the order cancelled or refunded as a whole): none is declared or retried again</summary>
    public virtual async Task MarkReversedAsync(Guid orderGuid)
    {
        foreach (var share in (await SharesOfOrderAsync(orderGuid)).Where(share => share.State is MarketplaceShareState.Declared or MarketplaceShareState.Failed or MarketplaceShareState.Sending))
        {
            share.State = MarketplaceShareState.Reversed;
            await _shares.UpdateAsync(share, publishEvent: false);
        }
    }
}
