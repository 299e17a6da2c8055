using System.Globalization;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;

namespace Nop.Plugin.Payments.ParamPos.Factories;

/// <summary>
/// Builds the marketplace admin page: the vendors' shares of a period's orders from the store's records, each placed by
/// what Param reports of it (one Pazaryeri_TP_Islem_Sorgulama of all the marketplace's lines per page view): awaiting
/// approval, approved, paid out (approved and its payout date passed), refunded; or, when Param cannot be asked, by the
/// store's own approvals
/// </summary>
public class MarketplacePageModelFactory
{
    #region Fields

    private static readonly string[] PayoutDateFormats = ["dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"];

    protected readonly MarketplaceRecords _records;
    protected readonly ParamCallRunner _callRunner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public MarketplacePageModelFactory(MarketplaceRecords records,
        ParamCallRunner callRunner,
        TimeProvider timeProvider)
    {
        _records = records;
        _callRunner = callRunner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>A count and an amount, as one cell shows them.</summary>
    protected sealed class Tally
    {
        public int Count { get; private set; }

        public decimal Amount { get; private set; }

        public void Add(decimal amount)
        {
            Count++;
            Amount += amount;
        }

        public override string ToString() => Count == 0 ? "-" : $"{Count} · {Amount.ToString("0.00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A vendor's tallies.</summary>
    protected sealed class VendorTallies
    {
        public Tally NotDeclared { get; } = new();

        public Tally Awaiting { get; } = new();

        public Tally Approved { get; } = new();

        public Tally PaidOut { get; } = new();

        public Tally Refunded { get; } = new();

        public MarketplaceVendorRowModel ToRow(int vendorId, string seller) => new()
        {
            VendorId = vendorId,
            Seller = seller,
            NotDeclared = NotDeclared.ToString(),
            AwaitingApproval = Awaiting.ToString(),
            Approved = Approved.ToString(),
            PaidOut = PaidOut.ToString(),
            Refunded = Refunded.ToString()
        };
    }

    /// <summary>
    /// Gets every line of the marketplace at Param by PYSiparis_GUID, or null when Param cannot say
    /// </summary>
    protected virtual async Task<IReadOnlyDictionary<string, ShareRecord>> LinesAtParamAsync(ParamPosSettings settings)
    {
        try
        {
            var answer = await _callRunner.CallMarketplaceAsync(settings, (client, context) => client.QuerySharesAsync(settings.MarketplaceGuid, null, null, 0, context));

            return answer.Succeeded ? answer.Shares.GroupBy(line => line.ShareGuid, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase) : null;
        }
        catch (ParamGatewayException)
        {
            return null;
        }
    }

    protected static DateOnly? PayoutDay(string text) =>
        DateTime.TryParseExact(text?.Trim(), PayoutDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    protected static DateOnly? DayOf(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// Places one share: by Param's Durum and Vade_Tarihi when known, otherwise by the store's records
    /// </summary>
    protected static void Place(VendorTallies tallies, ParamPosMarketplaceShare share, ShareRecord line, bool approvedHere, DateOnly today)
    {
        if (share.RefundedAmount > 0m || share.State == MarketplaceShareState.Reversed)
            tallies.Refunded.Add(share.RefundedAmount > 0m ? share.RefundedAmount : share.ProductAmount);
        if (share.State is MarketplaceShareState.Failed or MarketplaceShareState.NoSeller or MarketplaceShareState.Sending)
        {
            tallies.NotDeclared.Add(share.PayableAmount);
            return;
        }

        if (share.State == MarketplaceShareState.Reversed || line?.Status is "12" or "13" or "-1")
            return;

        var approved = line is null ? approvedHere : line.Status == "1";
        if (!approved)
            tallies.Awaiting.Add(share.PayableAmount);
        else if (PayoutDay(line?.PayoutDate) is { } payout && payout <= today)
            tallies.PaidOut.Add(share.PayableAmount);
        else
            tallies.Approved.Add(share.PayableAmount);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the page for a period of Turkish days (the last 30 by default)
    /// </summary>
    /// <param name="settings">The store's settings</param>
    /// <param name="from">The first day (yyyy-MM-dd), or null</param>
    /// <param name="to">The last day (yyyy-MM-dd), or null</param>
    public virtual async Task<MarketplacePageModel> PrepareAsync(ParamPosSettings settings, string from, string to)
    {
        var today = TurkishTime.DayOf(_timeProvider.GetUtcNow());
        var lastDay = DayOf(to) ?? today;
        var firstDay = DayOf(from) ?? lastDay.AddDays(-29);
        var (fromUtc, _) = TurkishTime.UtcBounds(firstDay);
        var (_, toUtc) = TurkishTime.UtcBounds(lastDay);

        var shares = (await _records.SharesCreatedBetweenAsync(fromUtc, toUtc)).GroupBy(share => (share.OrderGuid, share.VendorId))
            .Select(group => group.OrderBy(share => share.Attempt).Last()).ToList();
        var approvals = await _records.ApprovalsOfSharesAsync(shares.Where(share => share.ShareGuid is not null).Select(share => share.ShareGuid).ToList());
        var lines = shares.Count == 0 ? new Dictionary<string, ShareRecord>() : await LinesAtParamAsync(settings);
        var sellers = (await _records.SellersOfVendorsAsync(shares.Select(share => share.VendorId).Distinct().ToList())).ToDictionary(seller => seller.VendorId);

        var model = new MarketplacePageModel
        {
            From = firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ParamUnreachable = lines is null
        };
        var totals = new VendorTallies();
        foreach (var vendor in shares.GroupBy(share => share.VendorId).OrderBy(group => group.Key))
        {
            var tallies = new VendorTallies();
            foreach (var share in vendor)
            {
                var line = share.ShareGuid is not null && lines?.TryGetValue(share.ShareGuid, out var found) == true ? found : null;
                var approvedHere = approvals.Where(change => change.ShareGuid == share.ShareGuid && change.Succeeded).OrderBy(change => change.Sequence).LastOrDefault()?.Approve ?? false;
                Place(tallies, share, line, approvedHere, today);
                Place(totals, share, line, approvedHere, today);
            }

            model.Vendors.Add(tallies.ToRow(vendor.Key, sellers.TryGetValue(vendor.Key, out var seller) ? seller.Title ?? seller.Name : null));
        }

        model.Totals = totals.ToRow(0, null);

        return model;
    }

    #endregion
}
