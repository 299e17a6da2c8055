using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the "ParamPOS transactions" page: its filters (Turkish calendar days, store, order, state), one page of
/// lines, and paging.
/// </summary>
public record TransactionListModel : BaseNopModel
{
    /// <summary>Gets or sets the first day (yyyy-MM-dd, Turkish calendar)</summary>
    public string From { get; set; }

    /// <summary>Gets or sets the last day (yyyy-MM-dd, Turkish calendar)</summary>
    public string To { get; set; }

    public int StoreId { get; set; }

    /// <summary>Gets or sets the nopCommerce order id to show alone, or null</summary>
    public int? OrderId { get; set; }

    /// <summary>Gets or sets the ledger state to show alone (LedgerEntryState), or null for every line</summary>
    public int? StateId { get; set; }

    public int PageIndex { get; set; }

    public int PageSize { get; set; } = 50;

    public int Total { get; set; }

    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;

    public IList<TransactionRowModel> Rows { get; set; } = new List<TransactionRowModel>();

    public IList<SelectListItem> AvailableStates { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableStores { get; set; } = new List<SelectListItem>();

    /// <summary>Gets or sets what is wrong with the filters, or null</summary>
    public string Error { get; set; }
}

/// <summary>
/// One line of the transactions page (and of its CSV export).
/// </summary>
public record TransactionRowModel
{
    /// <summary>Gets or sets when it happened, Turkish time (yyyy-MM-dd HH:mm:ss)</summary>
    public string Date { get; set; }

    public int? OrderId { get; set; }
    public string OrderNumber { get; set; }
    public string OrderReference { get; set; }
    public string Kind { get; set; }
    public string MaskedCard { get; set; }
    public string CardFamily { get; set; }
    public int Installments { get; set; }
    public decimal Amount { get; set; }
    public decimal Commission { get; set; }
    public string Currency { get; set; }
    public string State { get; set; }
    public string ReceiptId { get; set; }
    public string Result { get; set; }
}
