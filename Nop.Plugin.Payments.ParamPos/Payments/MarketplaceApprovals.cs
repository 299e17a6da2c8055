using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Approves a paid marketplace order's declared shares for payout (Pazaryeri_TP_Siparis_Onay, Durum 1), or withdraws
/// the approval (Durum 0), each change once: it is sent only by the request that inserted it (unique per share and
/// sequence), a share already in the wanted state or being changed by another request is left alone, and after a change
/// whose answer was lost Param is asked for the share's state before anything is sent again.
/// </summary>
public class MarketplaceApprovals
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public MarketplaceApprovals(IOrderService orderService,
        MarketplaceRecords records,
        ParamCallRunner callRunner,
        TimeProvider timeProvider)
    {
        _orderService = orderService;
        _records = records;
        _callRunner = callRunner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets Param's Durum of a share (0 awaiting approval, 1 approved, …), or null when Param cannot say
    /// </summary>
    protected virtual async Task<string> StatusAtParamAsync(ParamPosSettings settings, ParamPosMarketplaceShare share)
    {
        if (!long.TryParse(share.TransactionId, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId))
            return null;

        try
        {
            var lines = await _callRunner.CallMarketplaceAsync(settings, (client, context) =>
                client.QuerySharesAsync(settings.MarketplaceGuid, share.SubMerchantGuid, share.ShareGuid, transactionId, context));

            return lines.Shares.FirstOrDefault(line => string.Equals(line.ShareGuid, share.ShareGuid, StringComparison.OrdinalIgnoreCase))?.Status;
        }
        catch (ParamGatewayException)
        {
            return null;
        }
    }

    protected virtual async Task SendAsync(ParamPosSettings settings, ParamPosMarketplaceApproval change, string source)
    {
        try
        {
            var result = await _callRunner.CallMarketplaceAsync(settings, (client, context) => client.SetShareStatusAsync(change.ShareGuid, change.Approve ? 1 : 0, context));
            change.Succeeded = result.Succeeded;
            change.Answer = result.Succeeded ? $"{source}: Param accepted" : $"{source}: {ParamErrorCatalog.Describe(result.Error)}";
        }
        catch (ParamGatewayException exception)
        {
            change.Answer = $"{source}: {exception.Message}";
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Approves (or withdraws the approval of) every declared share of an order
    /// </summary>
    /// <param name="orderGuid">The order</param>
    /// <param name="approve">True to approve, false to withdraw</param>
    /// <param name="source">What asked for it (the order completed, a shipment delivered, the store owner)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the changes this request made</returns>
    public virtual async Task<IReadOnlyList<ParamPosMarketplaceApproval>> SetAsync(Guid orderGuid, bool approve, string source)
    {
        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        if (order is null)
            return [];

        var settings = await _callRunner.LoadSettingsAsync(order.StoreId);
        var declared = (await _records.SharesOfOrderAsync(orderGuid)).Where(share => share.State == MarketplaceShareState.Declared && share.ShareGuid is not null).ToList();
        var changes = await _records.ApprovalsOfOrderAsync(orderGuid);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var made = new List<ParamPosMarketplaceApproval>();
        foreach (var share in declared)
        {
            var history = changes.Where(change => change.ShareGuid == share.ShareGuid).ToList();
            var latest = history.LastOrDefault();
            if (latest is { CompletedOnUtc: null } && latest.CreatedOnUtc > now - ParamPosDefaults.MarketplaceApprovalSettleAfter)
                continue; // another request is changing this share now

            var approved = history.LastOrDefault(change => change.Succeeded)?.Approve ?? false;
            var unsettled = latest is { Succeeded: false };
            if (approved == approve && !unsettled)
                continue;

            var change = new ParamPosMarketplaceApproval
            {
                ShareGuid = share.ShareGuid,
                OrderGuid = orderGuid,
                Sequence = history.Count == 0 ? 1 : history.Max(other => other.Sequence) + 1,
                Approve = approve,
                Answer = source,
                CreatedOnUtc = now
            };
            if (!await _records.TryClaimAsync(change))
                continue;

            // The last change's answer was lost (or Param refused it): Param may already be in the wanted state.
            if (unsettled && await StatusAtParamAsync(settings, share) is { } status && status == (approve ? "1" : "0"))
            {
                change.Succeeded = true;
                change.Answer = $"{source}: found at Param";
            }
            else
                await SendAsync(settings, change, source);

            change.Answer = change.Answer.Length > 480 ? change.Answer[..480] : change.Answer;
            change.CompletedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await _records.CompleteAsync(change);
            made.Add(change);
        }

        if (made.Count > 0)
            await _orderService.InsertOrderNoteAsync(new OrderNote
            {
                OrderId = order.Id,
                Note = $"ParamPOS marketplace: {made.Count(change => change.Succeeded)} of {made.Count} vendor share(s) {(approve ? "approved for payout" : "withdrawn from payout")} ({source})"
                    + string.Concat(made.Where(change => !change.Succeeded).Select(change => $"; {change.ShareGuid}: {change.Answer}")),
                DisplayToCustomer = false,
                CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            });

        return made;
    }

    /// <summary>
    /// Settles the approval changes that did not succeed (Param refused, was unreachable, its answer was lost or the
    /// request sending it stopped) and are older than a few minutes, so that a change still under way on another node is
    /// left to it; a share Param keeps refusing is left after a few changes
    /// </summary>
    /// <returns>A task that represents the asynchronous operation; the task result contains the changes this run made</returns>
    public virtual async Task<IReadOnlyList<ParamPosMarketplaceApproval>> RetryFailedAsync()
    {
        var before = _timeProvider.GetUtcNow().UtcDateTime - ParamPosDefaults.MarketplaceApprovalSettleAfter;
        var made = new List<ParamPosMarketplaceApproval>();
        foreach (var failed in (await _records.UnsettledApprovalsAsync(before, ParamPosDefaults.MarketplaceApprovalMaxChanges)).DistinctBy(change => (change.OrderGuid, change.Approve)))
            made.AddRange(await SetAsync(failed.OrderGuid, failed.Approve, "retried"));

        return made;
    }

    #endregion
}
